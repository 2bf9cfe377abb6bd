package io.github.crudkit.replica.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.replica.WalPosition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Measures how far each replica is behind, without a query per read: every
 * {@code check-interval} one thread reads the primary's write position
 * ({@code pg_current_wal_lsn()}) and keeps the recent samples with their times, and
 * another reads each replica's replay position. A replica that has replayed a sample's
 * position holds everything the primary had acknowledged when the sample was taken, so a
 * read from it now is stale by at most the time since that sample: the bound that
 * {@code max-lag} is compared with. It grows between checks and while checks fail, so a
 * replica that stops answering, or a monitor that stops, leaves rotation by itself.
 * <p>
 * While the primary cannot be reached, nothing new can commit: a replica that has
 * replayed the primary's last known position is counted as current, so that reads go on
 * from it.
 */
final class ReplicaMonitor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ReplicaMonitor.class);

	private static final int MAX_SAMPLES = 256;

	private static final AtomicInteger instances = new AtomicInteger();

	private final HikariDataSource primary;

	private final List<Replica> replicas;

	private final Duration interval;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private final long keepNanos;

	private volatile boolean primaryReachable = true;

	private volatile @Nullable WalPosition lastPrimaryPosition;

	private @Nullable ScheduledExecutorService executor;

	ReplicaMonitor(HikariDataSource primary, List<Replica> replicas, Duration interval, Duration maxLag) {
		this.primary = primary;
		this.replicas = replicas;
		this.interval = interval;
		this.keepNanos = maxLag.toNanos() * 4 + interval.toNanos() * 4;
	}

	synchronized void start() {
		if (this.executor != null) {
			return;
		}
		int instance = instances.incrementAndGet();
		AtomicInteger threads = new AtomicInteger();
		ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable,
					"crudkit-replica-monitor-" + instance + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(10, this.interval.toMillis());
		executor.scheduleWithFixedDelay(this::samplePrimary, 0, millis, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::checkReplicas, 0, millis, TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	/**
	 * Read the primary's write position and remember when.
	 */
	void samplePrimary() {
		if (!this.primary.isRunning()) {
			// Nobody has used the primary yet: leave its pool to start as the
			// application starts it (crudkit's start-up check looks at a pool not yet
			// running).
			return;
		}
		long sampledAt = System.nanoTime();
		try (Connection connection = this.primary.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()")) {
			result.next();
			WalPosition position = WalPosition.tryParse(result.getString(1));
			if (position != null) {
				recordPrimary(sampledAt, position);
			}
			this.primaryReachable = true;
		}
		catch (SQLException | RuntimeException ex) {
			if (this.primaryReachable && logger.isDebugEnabled()) {
				logger.debug("Cannot read the primary's WAL position: " + ex.getMessage());
			}
			this.primaryReachable = false;
		}
	}

	synchronized void recordPrimary(long sampledAt, WalPosition position) {
		this.samples.addLast(new Sample(sampledAt, position));
		this.lastPrimaryPosition = position;
		while (this.samples.size() > MAX_SAMPLES
				|| (this.samples.size() > 1 && sampledAt - this.samples.getFirst().at() > this.keepNanos)) {
			this.samples.removeFirst();
		}
	}

	/**
	 * Read each replica's replay position and update its state.
	 */
	void checkReplicas() {
		for (Replica replica : this.replicas) {
			try (Connection connection = replica.pool().getConnection()) {
				WalPosition replayed = replica.readReplayed(connection);
				replayedUpTo(replica, replayed, System.nanoTime());
				if (!replica.up()) {
					logger.info("Read replica " + replica + " is reachable; it serves reads while within max-lag");
				}
				replica.markUp();
			}
			catch (SQLException | RuntimeException ex) {
				if (replica.up()) {
					logger.warn("Read replica " + replica + " cannot be reached; reads go to the primary: "
							+ ex.getMessage());
				}
				replica.markDown("unreachable: " + ex.getMessage());
			}
		}
	}

	/**
	 * Record that a replica has replayed a position: it has caught up with every primary
	 * sample at or before it.
	 * @param replica the replica
	 * @param replayed its replay position
	 * @param now {@link System#nanoTime()}
	 */
	synchronized void replayedUpTo(Replica replica, WalPosition replayed, long now) {
		Iterator<Sample> newestFirst = this.samples.descendingIterator();
		while (newestFirst.hasNext()) {
			Sample sample = newestFirst.next();
			if (replayed.reached(sample.position())) {
				replica.caughtUpWith(sample.at());
				break;
			}
		}
		WalPosition last = this.lastPrimaryPosition;
		if (!this.primaryReachable && last != null && replayed.reached(last)) {
			replica.caughtUpWith(now);
		}
	}

	boolean primaryReachable() {
		return this.primaryReachable;
	}

	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	private record Sample(long at, WalPosition position) {

	}

}
