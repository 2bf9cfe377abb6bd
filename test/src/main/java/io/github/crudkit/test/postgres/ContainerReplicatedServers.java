package io.github.crudkit.test.postgres;

import java.io.IOException;
import java.time.Duration;

import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A primary and a replica in two containers of {@value #IMAGE} on a network of their own.
 * The replica's container clones the primary ({@code pg_basebackup -R}) and runs
 * PostgreSQL under {@code pg_ctl}, so that the replica can be stopped and started again
 * while the container, and its port, stay.
 */
final class ContainerReplicatedServers implements ReplicatedServers {

	static final String IMAGE = "postgres:15";

	private static final String DATA = "/var/lib/postgresql/replica";

	private static final String LOG = "/var/lib/postgresql/replica.log";

	private static final String OPTIONS = "-c listen_addresses=* " + SETTINGS + " -c hot_standby=on";

	private final Network network;

	private final GenericContainer<?> primary;

	private final GenericContainer<?> replica;

	private ContainerReplicatedServers(Network network, GenericContainer<?> primary, GenericContainer<?> replica) {
		this.network = network;
		this.primary = primary;
		this.replica = replica;
	}

	@SuppressWarnings("resource")
	static ContainerReplicatedServers start(Duration applyDelay) {
		Network network = Network.newNetwork();
		GenericContainer<?> primary = new GenericContainer<>(DockerImageName.parse(IMAGE)).withNetwork(network)
			.withNetworkAliases("primary")
			.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
			.withCopyToContainer(Transferable.of("echo 'host replication all all trust' >> \"$PGDATA/pg_hba.conf\"\n"),
					"/docker-entrypoint-initdb.d/replication.sh")
			.withCommand(("postgres " + SETTINGS).split(" "))
			.withExposedPorts(5432)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
		String script = "set -e; mkdir -p " + DATA + "; chown postgres " + DATA + "; chmod 700 " + DATA + "; "
				+ "gosu postgres pg_basebackup -h primary -U postgres -D " + DATA + " -R -X stream -c fast; "
				+ "gosu postgres pg_ctl -D " + DATA + " -l " + LOG + " -o '" + options(applyDelay) + "' -w start; "
				+ "exec tail -F " + LOG;
		GenericContainer<?> replica = new GenericContainer<>(DockerImageName.parse(IMAGE)).withNetwork(network)
			.withCreateContainerCmdModifier((command) -> command.withEntrypoint("bash"))
			.withCommand("-c", script)
			.withExposedPorts(5432)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept read.only connections.*\\s", 1));
		try {
			primary.start();
			replica.start();
		}
		catch (RuntimeException ex) {
			replica.stop();
			primary.stop();
			network.close();
			throw ex;
		}
		return new ContainerReplicatedServers(network, primary, replica);
	}

	private static String options(Duration applyDelay) {
		return OPTIONS + " -c recovery_min_apply_delay=" + applyDelay.toMillis();
	}

	@Override
	public String primaryHost() {
		return this.primary.getHost();
	}

	@Override
	public int primaryPort() {
		return this.primary.getMappedPort(5432);
	}

	@Override
	public String replicaHost() {
		return this.replica.getHost();
	}

	@Override
	public int replicaPort() {
		return this.replica.getMappedPort(5432);
	}

	@Override
	public void stopReplica() {
		exec("gosu", "postgres", "pg_ctl", "-D", DATA, "-m", "fast", "-w", "stop");
	}

	@Override
	public void startReplica(Duration applyDelay) {
		exec("gosu", "postgres", "pg_ctl", "-D", DATA, "-l", LOG, "-o", options(applyDelay), "-w", "start");
	}

	private void exec(String... command) {
		try {
			Container.ExecResult result = this.replica.execInContainer(command);
			if (result.getExitCode() != 0) {
				throw new IllegalStateException(
						"Failed: " + String.join(" ", command) + "\n" + result.getStdout() + result.getStderr());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
		}
	}

	@Override
	public void close() {
		this.replica.stop();
		this.primary.stop();
		this.network.close();
	}

	@Override
	public String toString() {
		return "containers of " + IMAGE;
	}

}
