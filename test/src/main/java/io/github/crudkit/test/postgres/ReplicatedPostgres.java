package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * A primary PostgreSQL server and one streaming replica of it, for tests of read
 * replicas: the primary runs with {@code wal_level=replica} and
 * {@code pg_stat_statements} preloaded, the replica is cloned from it with
 * {@code pg_basebackup -R}. The replica can be stopped, started again and delayed
 * ({@code recovery_min_apply_delay}); {@link #close()} stops both and deletes their data.
 * <p>
 * Where a Docker engine runs, both are Testcontainers containers of {@code postgres:15};
 * otherwise they are started from the machine's PostgreSQL server binaries
 * ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}): those of
 * {@value #BIN_VARIABLE} if set, else of {@code pg_config --bindir}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}, on free ports of 127.0.0.1 in a temporary
 * directory (as root, as the {@code postgres} user: PostgreSQL refuses to run as root).
 * {@value #MODE_VARIABLE} ({@code binaries} or {@code containers}) forces either.
 *
 * @since 0.1.0
 */
public final class ReplicatedPostgres extends PostgresServer {

	/**
	 * Environment variable (or system property {@code crudkit.test.postgres.bin}) naming
	 * the directory of the PostgreSQL server binaries.
	 */
	public static final String BIN_VARIABLE = "CRUDKIT_TEST_POSTGRES_BIN";

	/**
	 * Environment variable (or system property {@code crudkit.test.replicas}) that forces
	 * how the servers run: {@code binaries} or {@code containers}.
	 */
	public static final String MODE_VARIABLE = "CRUDKIT_TEST_REPLICAS";

	private static final String USER = "postgres";

	private final ReplicatedServers servers;

	private Duration applyDelay;

	private boolean replicaRunning = true;

	private boolean closed;

	private ReplicatedPostgres(ReplicatedServers servers, Duration applyDelay) {
		this.servers = servers;
		this.applyDelay = applyDelay;
	}

	/**
	 * Start a primary and a replica that applies changes as soon as it receives them.
	 * @return the running pair
	 */
	public static ReplicatedPostgres start() {
		return start(Duration.ZERO);
	}

	/**
	 * Start a primary and a replica that applies each commit {@code applyDelay} after the
	 * primary made it.
	 * @param applyDelay the replica's {@code recovery_min_apply_delay}
	 * @return the running pair
	 */
	public static ReplicatedPostgres start(Duration applyDelay) {
		ReplicatedServers servers = containers() ? ContainerReplicatedServers.start(applyDelay)
				: LocalReplicatedServers.start(applyDelay);
		ReplicatedPostgres postgres = new ReplicatedPostgres(servers, applyDelay);
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "crudkit-replicated-postgres-shutdown"));
		System.out.println("crudkit-test: using " + postgres);
		return postgres;
	}

	private static boolean containers() {
		String mode = System.getProperty("crudkit.test.replicas");
		if (mode == null) {
			mode = System.getenv(MODE_VARIABLE);
		}
		if (mode != null && !mode.isBlank()) {
			return mode.strip().toLowerCase(Locale.ROOT).startsWith("container");
		}
		return TestPostgres.dockerMayRun() && DockerClientFactory.instance().isDockerAvailable();
	}

	/**
	 * Return the JDBC URL of a database on the replica.
	 * @param database a database made on the primary (it is on the replica once its
	 * creation has been replayed)
	 * @return the URL
	 */
	public String replicaUrl(TestDatabase database) {
		return "jdbc:postgresql://" + this.servers.replicaHost() + ":" + this.servers.replicaPort() + "/"
				+ database.name();
	}

	/**
	 * Return the port the primary listens on.
	 * @return the port
	 */
	public int primaryPort() {
		return this.servers.primaryPort();
	}

	/**
	 * Return the port the replica listens on.
	 * @return the port
	 */
	public int replicaPort() {
		return this.servers.replicaPort();
	}

	/**
	 * Return the replica's current {@code recovery_min_apply_delay}.
	 * @return the delay
	 */
	public synchronized Duration applyDelay() {
		return this.applyDelay;
	}

	/**
	 * Stop the replica at once ({@code pg_ctl stop -m fast}): its connections break.
	 */
	public synchronized void stopReplica() {
		if (this.replicaRunning) {
			this.servers.stopReplica();
			this.replicaRunning = false;
		}
	}

	/**
	 * Start the replica again, with its current apply delay.
	 */
	public synchronized void startReplica() {
		if (!this.replicaRunning) {
			this.servers.startReplica(this.applyDelay);
			this.replicaRunning = true;
		}
	}

	/**
	 * Restart the replica with another apply delay.
	 * @param applyDelay the new {@code recovery_min_apply_delay}
	 */
	public synchronized void restartReplica(Duration applyDelay) {
		stopReplica();
		this.applyDelay = applyDelay;
		startReplica();
	}

	/**
	 * Return whether the replica runs.
	 * @return whether it was started and not stopped since
	 */
	public synchronized boolean replicaRunning() {
		return this.replicaRunning;
	}

	/**
	 * Wait until the replica has replayed everything the primary has written so far.
	 * @param timeout how long to wait at most
	 * @throws IllegalStateException if it has not within the timeout
	 */
	public void awaitReplay(Duration timeout) {
		String target = queryPrimary("SELECT pg_current_wal_lsn()::text");
		String replica = "jdbc:postgresql://" + this.servers.replicaHost() + ":" + this.servers.replicaPort()
				+ "/postgres";
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Boolean.TRUE.equals(replayed(replica, target))) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}
		throw new IllegalStateException("The replica did not replay " + target + " within " + timeout);
	}

	private static @Nullable Boolean replayed(String replica, String target) {
		try (Connection connection = TestDatabase.connect(replica, USER, "");
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
			return result.next() && result.getBoolean(1);
		}
		catch (SQLException ex) {
			// Not up yet.
			return null;
		}
	}

	private String queryPrimary(String sql) {
		try (Connection connection = TestDatabase.connect(maintenanceUrl(), USER, "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the primary", ex);
		}
	}

	@Override
	public Kind kind() {
		return (this.servers instanceof ContainerReplicatedServers) ? Kind.CONTAINER : Kind.BINARIES;
	}

	@Override
	protected String maintenanceUrl() {
		return "jdbc:postgresql://" + this.servers.primaryHost() + ":" + this.servers.primaryPort() + "/postgres";
	}

	@Override
	public String username() {
		return USER;
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	protected synchronized void stop() {
		this.servers.close();
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			super.close();
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL primary on port " + this.servers.primaryPort() + " with a streaming replica on port "
				+ this.servers.replicaPort() + " (" + this.servers + ")";
	}

}
