package io.github.crudkit.replica.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.crudkit.datasource.JdbcUrls;
import io.github.crudkit.replica.WalPosition;
import org.jspecify.annotations.Nullable;

/**
 * One read replica: its connection pool and what the monitor last learnt of it. The state
 * is read by every routed read and written by the monitor; each field is safe to read
 * alone, and no decision needs two of them to agree.
 */
final class Replica implements AutoCloseable {

	/**
	 * The replica's replay position; on a server that is not in recovery (a "replica"
	 * that is the primary itself) its own write position, which it has by definition.
	 */
	static final String REPLAY_POSITION = "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
			+ "ELSE pg_current_wal_lsn() END";

	private final String name;

	private final HikariDataSource pool;

	private final AtomicLong replayed = new AtomicLong();

	private volatile boolean up;

	private volatile String problem = "not checked yet";

	/**
	 * {@link System#nanoTime()} of the latest primary sample this replica has replayed;
	 * everything committed on the primary before that moment is on the replica.
	 */
	private volatile long caughtUpAt;

	private volatile boolean caughtUpOnce;

	Replica(String name, HikariDataSource pool) {
		this.name = name;
		this.pool = pool;
	}

	String name() {
		return this.name;
	}

	String url() {
		String url = this.pool.getJdbcUrl();
		return (url != null) ? JdbcUrls.redact(url) : "";
	}

	HikariDataSource pool() {
		return this.pool;
	}

	boolean up() {
		return this.up;
	}

	String problem() {
		return this.problem;
	}

	@Nullable WalPosition replayed() {
		long value = this.replayed.get();
		return (value != 0) ? new WalPosition(value) : null;
	}

	/**
	 * Return how stale a read from this replica may be now: the time since the primary
	 * sample it has caught up with, or {@code Long.MAX_VALUE} if it never caught up.
	 * @param now {@link System#nanoTime()}
	 * @return the bound, in nanoseconds
	 */
	long staleness(long now) {
		return this.caughtUpOnce ? Math.max(0, now - this.caughtUpAt) : Long.MAX_VALUE;
	}

	/**
	 * Return whether the replica is known to have replayed a position.
	 * @param position the position
	 * @return whether it has, as far as the last check knows
	 */
	boolean hasReplayed(WalPosition position) {
		return Long.compareUnsigned(this.replayed.get(), position.value()) >= 0;
	}

	/**
	 * Read the replica's replay position on one of its connections, and remember it.
	 * @param connection a connection to the replica
	 * @return the position
	 * @throws SQLException if the query fails
	 */
	WalPosition readReplayed(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(REPLAY_POSITION)) {
			result.next();
			WalPosition position = WalPosition.tryParse(result.getString(1));
			if (position == null) {
				throw new SQLException("The replica reports no replay position (is it a streaming replica?)");
			}
			replayedAtLeast(position);
			return position;
		}
	}

	void replayedAtLeast(WalPosition position) {
		this.replayed.accumulateAndGet(position.value(),
				(current, candidate) -> (Long.compareUnsigned(candidate, current) > 0) ? candidate : current);
	}

	void caughtUpWith(long sampledAt) {
		if (!this.caughtUpOnce || sampledAt - this.caughtUpAt > 0) {
			this.caughtUpAt = sampledAt;
			this.caughtUpOnce = true;
		}
	}

	void markUp() {
		this.problem = "";
		this.up = true;
	}

	/**
	 * Take the replica out of rotation until the monitor reaches it again, and let its
	 * pool replace the connections it holds, which are likely broken too.
	 * @param reason why
	 */
	void markDown(String reason) {
		boolean wasUp = this.up;
		this.up = false;
		this.problem = reason;
		if (wasUp) {
			HikariPoolMXBean bean = this.pool.getHikariPoolMXBean();
			if (bean != null) {
				bean.softEvictConnections();
			}
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

	@Override
	public String toString() {
		return this.name + " (" + url() + ")";
	}

}
