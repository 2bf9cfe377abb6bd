package io.github.crudkit.idempotency.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.crudkit.idempotency.IdempotencyStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * Deletes the records older than the retention, every interval, on a thread of its own:
 * in batches, each a short statement of its own, so that no lock is held for long. Every
 * instance runs it; deleting what another instance has deleted is harmless.
 */
final class IdempotencyCleanup implements SmartLifecycle {

	static final int BATCH = 10_000;

	private static final Duration FIRST_RUN = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(IdempotencyCleanup.class);

	private final IdempotencyStore store;

	private final Duration retention;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService executor;

	IdempotencyCleanup(IdempotencyStore store, Duration retention, Duration interval) {
		this.store = store;
		this.retention = retention;
		this.interval = interval;
	}

	/**
	 * Delete every record older than the retention.
	 * @return how many were deleted
	 */
	int run() {
		if (!this.store.isAvailable()) {
			return 0;
		}
		int total = 0;
		int deleted;
		do {
			deleted = this.store.deleteExpired(this.retention, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			logger.debug("Deleted " + total + " Idempotency-Key records older than " + this.retention);
		}
		return total;
	}

	private void runQuietly() {
		try {
			run();
		}
		catch (DataAccessException ex) {
			logger.warn("Idempotency-Key records could not be deleted; trying again in " + this.interval + ": "
					+ ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Idempotency-Key records could not be deleted", ex);
		}
	}

	@Override
	public void start() {
		if (this.executor != null || this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "crudkit-idempotency-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		// A first run soon after start-up, so that instances replaced more often than the
		// interval still clean up.
		long millis = this.interval.toMillis();
		started.scheduleWithFixedDelay(this::runQuietly, Math.min(millis, FIRST_RUN.toMillis()), millis,
				TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
