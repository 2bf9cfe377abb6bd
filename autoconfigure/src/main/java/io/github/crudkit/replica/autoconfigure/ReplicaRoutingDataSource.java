package io.github.crudkit.replica.autoconfigure;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.replica.ReadRouting;
import io.github.crudkit.replica.WalPosition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out a connection to a replica or to the primary, decided when the connection is
 * needed (behind Spring's {@code LazyConnectionDataSourceProxy}, that is at the first
 * statement, once the transaction's read-only flag is known):
 * <ul>
 * <li>{@link ReadRouting#onPrimary(java.util.function.Supplier)} and any transaction that
 * is not read-only: the primary;</li>
 * <li>a read-only transaction, or
 * {@link ReadRouting#readOnly(java.util.function.Supplier)} work outside a transaction:
 * the next replica, in turn, that the monitor saw up and within {@code max-lag}, and that
 * has replayed the session's read-your-writes position (known from the monitor, or else
 * asked on the connection: one more round trip); the primary when none qualifies;</li>
 * <li>anything else, Liquibase's migrations among it: the primary.</li>
 * </ul>
 * A transaction that writes on the primary within a read-your-writes session tells the
 * session, once committed, the primary's position then
 * ({@code pg_current_wal_insert_lsn()}, which is at or after the end of its commit record
 * whatever {@code synchronous_commit} says).
 * <p>
 * {@link #unwrap(Class)} reaches the primary's pool, as Boot's pool metrics and crudkit's
 * start-up check expect of the application's data source.
 */
final class ReplicaRoutingDataSource extends AbstractDataSource implements Closeable {

	static final String PRIMARY = "primary";

	private static final Log logger = LogFactory.getLog(ReplicaRoutingDataSource.class);

	private static final Object WRITE_POSITION_KEY = new Object();

	private final HikariDataSource primary;

	private final List<Replica> replicas;

	private final ReplicaMonitor monitor;

	private final long maxLagNanos;

	private final AtomicInteger next = new AtomicInteger();

	private volatile RoutingListener listener = RoutingListener.NONE;

	ReplicaRoutingDataSource(HikariDataSource primary, List<Replica> replicas, Duration maxLag,
			Duration checkInterval) {
		this.primary = primary;
		this.replicas = List.copyOf(replicas);
		this.maxLagNanos = maxLag.toNanos();
		this.monitor = new ReplicaMonitor(primary, this.replicas, checkInterval, maxLag);
	}

	void start() {
		this.monitor.start();
	}

	void setListener(RoutingListener listener) {
		this.listener = listener;
	}

	List<Replica> replicas() {
		return this.replicas;
	}

	ReplicaMonitor monitor() {
		return this.monitor;
	}

	long maxLagNanos() {
		return this.maxLagNanos;
	}

	HikariDataSource primary() {
		return this.primary;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return readsFromReplica() ? replicaOrPrimary() : primaryConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return this.primary.getConnection(username, password);
	}

	private static boolean readsFromReplica() {
		if (ReadRouting.isPrimaryRequired()) {
			return false;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		}
		return ReadRouting.isReadOnly();
	}

	private Connection primaryConnection() throws SQLException {
		Connection connection = this.primary.getConnection();
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
				&& ReadRouting.wantsWritePositions()
				&& !TransactionSynchronizationManager.hasResource(WRITE_POSITION_KEY)) {
			TransactionSynchronizationManager.bindResource(WRITE_POSITION_KEY, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new WritePositionSynchronization(connection));
		}
		return connection;
	}

	private Connection replicaOrPrimary() throws SQLException {
		WalPosition after = ReadRouting.requiredPosition();
		long now = System.nanoTime();
		String reason = null;
		int count = this.replicas.size();
		int first = Math.floorMod(this.next.getAndIncrement(), count);
		for (int i = 0; i < count; i++) {
			Replica replica = this.replicas.get((first + i) % count);
			if (!replica.up()) {
				reason = RoutingListener.UNAVAILABLE;
				continue;
			}
			if (replica.staleness(now) > this.maxLagNanos) {
				reason = RoutingListener.LAG;
				continue;
			}
			Connection connection;
			try {
				connection = replica.pool().getConnection();
			}
			catch (SQLException ex) {
				replica.markDown("no connection: " + ex.getMessage());
				reason = RoutingListener.UNAVAILABLE;
				continue;
			}
			if (after != null && !replica.hasReplayed(after) && !caughtUpOnConnection(replica, connection, after)) {
				reason = (replica.up()) ? RoutingListener.BEHIND_WRITE : RoutingListener.UNAVAILABLE;
				continue;
			}
			this.listener.routed(replica.name());
			ReadRouting.replicaServed(() -> {
				replica.markDown("a read failed on it");
				this.listener.fallback(RoutingListener.READ_FAILED);
			});
			return connection;
		}
		this.listener.fallback((reason != null) ? reason : RoutingListener.UNAVAILABLE);
		this.listener.routed(PRIMARY);
		return this.primary.getConnection();
	}

	/**
	 * Ask the replica how far it has replayed; on a connection that is returned to the
	 * pool when it has not replayed far enough or fails.
	 */
	private boolean caughtUpOnConnection(Replica replica, Connection connection, WalPosition after) {
		long start = System.nanoTime();
		try {
			boolean reached = replica.readReplayed(connection).reached(after);
			if (!reached) {
				connection.close();
			}
			return reached;
		}
		catch (SQLException | RuntimeException ex) {
			replica.markDown("replay position unreadable: " + ex.getMessage());
			closeQuietly(connection);
			return false;
		}
		finally {
			this.listener.positionChecked(System.nanoTime() - start);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// The connection was broken already; the pool discards it.
		}
	}

	/**
	 * Read the primary's insert position on the transaction's own connection, which holds
	 * no transaction any more once committed, or on another when that one is gone.
	 */
	private @Nullable WalPosition primaryInsertPosition(Connection committed) {
		try {
			if (!committed.isClosed()) {
				return insertPosition(committed);
			}
		}
		catch (SQLException ex) {
			// Try a connection of its own.
		}
		try (Connection connection = this.primary.getConnection()) {
			return insertPosition(connection);
		}
		catch (SQLException ex) {
			// The write has committed: its answer stands; the client's next read goes to
			// the primary or to a replica within max-lag, as without a position.
			logger.debug("Cannot read the primary's WAL position after a commit", ex);
			return null;
		}
	}

	private static @Nullable WalPosition insertPosition(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
			result.next();
			return WalPosition.tryParse(result.getString(1));
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return (T) this;
		}
		return this.primary.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.primary.isWrapperFor(type);
	}

	@Override
	public void close() {
		this.monitor.close();
		this.replicas.forEach(Replica::close);
		this.primary.close();
	}

	@Override
	public String toString() {
		return "ReplicaRoutingDataSource[primary=" + this.primary + ", replicas=" + this.replicas + "]";
	}

	/**
	 * Tells the session where a committed write ended.
	 */
	private final class WritePositionSynchronization implements TransactionSynchronization {

		private final Connection connection;

		WritePositionSynchronization(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void afterCommit() {
			WalPosition position = primaryInsertPosition(this.connection);
			if (position != null) {
				ReadRouting.written(position);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(WRITE_POSITION_KEY);
		}

	}

	/**
	 * Told where each read went and why one fell back to the primary.
	 */
	interface RoutingListener {

		String UNAVAILABLE = "unavailable";

		String LAG = "lag";

		String BEHIND_WRITE = "behind-write";

		String READ_FAILED = "read-failed";

		RoutingListener NONE = new RoutingListener() {
		};

		default void routed(String target) {
		}

		default void fallback(String reason) {
		}

		default void positionChecked(long nanos) {
		}

	}

}
