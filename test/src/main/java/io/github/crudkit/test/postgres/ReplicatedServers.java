package io.github.crudkit.test.postgres;

import java.time.Duration;

/**
 * The two servers behind a {@link ReplicatedPostgres}: started from the machine's
 * binaries ({@link LocalReplicatedServers}) or in containers
 * ({@link ContainerReplicatedServers}).
 */
interface ReplicatedServers extends AutoCloseable {

	/**
	 * The settings both servers run with, as {@code postgres -c} options.
	 */
	String SETTINGS = "-c wal_level=replica -c max_wal_senders=5 -c fsync=off -c shared_buffers=32MB "
			+ "-c max_connections=120 -c shared_preload_libraries=pg_stat_statements";

	String primaryHost();

	int primaryPort();

	String replicaHost();

	int replicaPort();

	/**
	 * Stop the replica at once ({@code pg_ctl stop -m fast}).
	 */
	void stopReplica();

	/**
	 * Start the replica.
	 * @param applyDelay its {@code recovery_min_apply_delay}
	 */
	void startReplica(Duration applyDelay);

	@Override
	void close();

}
