package io.github.crudkit.statements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the statistics of the units of work that complete while it is open, on any
 * thread: the way a test sees what its HTTP requests ran on the server.
 * <pre class="code">
 * try (StatementRecorder recorder = StatementRecorder.start(tracker)) {
 * 	api.get("/api/heroes");
 * 	assertThat(recorder.single().statements()).isEqualTo(2);
 * }
 * </pre> or, for one request, in one line: <pre class="code">
 * assertThat(StatementRecorder.of(tracker, () -&gt; api.get("/api/heroes"))).hasStatementsAtMost(3);
 * </pre>
 *
 * @since 0.1.0
 */
public final class StatementRecorder implements AutoCloseable {

	private final StatementTracker tracker;

	private final List<UnitOfWorkStatistics> units = Collections.synchronizedList(new ArrayList<>());

	private final Consumer<UnitOfWorkStatistics> listener = this.units::add;

	private StatementRecorder(StatementTracker tracker) {
		this.tracker = tracker;
	}

	/**
	 * Start recording.
	 * @param tracker the tracker whose units are recorded
	 * @return the recorder; close it to stop
	 */
	public static StatementRecorder start(StatementTracker tracker) {
		StatementRecorder recorder = new StatementRecorder(tracker);
		tracker.addListener(recorder.listener);
		return recorder;
	}

	/**
	 * Run some work, typically one HTTP request, and return the one unit of work it
	 * completed (waiting up to five seconds for the server to finish with it).
	 * @param tracker the tracker whose units are recorded
	 * @param work the work
	 * @return the unit of work
	 * @throws IllegalStateException if the work completed no unit of work, or several
	 */
	public static UnitOfWorkStatistics of(StatementTracker tracker, Runnable work) {
		try (StatementRecorder recorder = start(tracker)) {
			work.run();
			recorder.await(1, Duration.ofSeconds(5));
			return recorder.single();
		}
	}

	/**
	 * Return the units of work completed so far, in order of completion.
	 * @return the units
	 */
	public List<UnitOfWorkStatistics> units() {
		synchronized (this.units) {
			return List.copyOf(this.units);
		}
	}

	/**
	 * Return the only unit of work completed so far.
	 * @return the unit
	 * @throws IllegalStateException if there is not exactly one
	 */
	public UnitOfWorkStatistics single() {
		List<UnitOfWorkStatistics> completed = units();
		if (completed.size() != 1) {
			throw new IllegalStateException(
					"Expected one unit of work but recorded " + completed.size() + ": " + completed);
		}
		return completed.get(0);
	}

	/**
	 * Wait until at least the given number of units of work have completed; a request's
	 * unit completes when the server has finished with it, which may be a moment after
	 * the client has read the response.
	 * @param count the number of units to wait for
	 * @param timeout how long to wait at most
	 * @return the units completed so far
	 * @throws IllegalStateException if fewer completed in time
	 */
	public List<UnitOfWorkStatistics> await(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (units().size() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Expected " + count + " units of work within " + timeout + " but recorded " + units());
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for units of work", ex);
			}
		}
		return units();
	}

	/**
	 * Forget what was recorded so far.
	 */
	public void clear() {
		this.units.clear();
	}

	@Override
	public void close() {
		this.tracker.removeListener(this.listener);
	}

}
