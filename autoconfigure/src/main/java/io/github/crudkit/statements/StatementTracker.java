package io.github.crudkit.statements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Counts the SQL statements of each unit of work (an HTTP request, or a transaction
 * outside one) and finds N+1s: the same single-row {@code SELECT} run {@code threshold}
 * times or more. A batched load ({@code IN (…)}, {@code = ANY (?)}) or a JDBC batch is
 * never an N+1.
 * <p>
 * With {@link Mode#LOG} each N+1 is logged once per unit of work, when it ends, with its
 * final count; with {@link Mode#FAIL} the statement that reaches the threshold throws
 * {@link NPlusOneException}, so a test fails with the report.
 *
 * @since 0.1.0
 */
public final class StatementTracker {

	private static final Log logger = LogFactory.getLog(StatementTracker.class);

	private static final boolean TRANSACTIONS_PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.support.TransactionSynchronizationManager",
			StatementTracker.class.getClassLoader());

	private static final int MAX_DISTINCT_STATEMENTS = 1_000;

	private static final Set<String> SKIPPED_PACKAGES = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "org.springframework.", "org.hibernate.", "com.zaxxer.", "org.apache.", "org.postgresql.",
			"tools.jackson.", "com.fasterxml.", "io.micrometer.", "org.aspectj.");

	// Names, not class literals: the filter's class needs the servlet API, which a
	// non-web application lacks.
	private static final Set<String> SKIPPED_CLASSES = Set.of(StatementTracker.class.getName(),
			StatementCountingDataSource.class.getName(),
			"io.github.crudkit.statements.autoconfigure.StatementCountingFilter");

	private final ThreadLocal<Unit> current = new ThreadLocal<>();

	private final Mode mode;

	private final int threshold;

	private final AssociationResolver associations;

	private final List<Consumer<UnitOfWorkStatistics>> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean captureParameters;

	/**
	 * Create a tracker.
	 * @param mode what an N+1 does
	 * @param threshold how often the same single-row statement must run in one unit of
	 * work to be an N+1
	 * @param associations tells which entity and association a statement loads
	 */
	public StatementTracker(Mode mode, int threshold, AssociationResolver associations) {
		if (threshold < 2) {
			throw new IllegalArgumentException("threshold must be at least 2, got " + threshold);
		}
		this.mode = mode;
		this.threshold = threshold;
		this.associations = associations;
	}

	/**
	 * Return the mode.
	 * @return what an N+1 does
	 */
	public Mode mode() {
		return this.mode;
	}

	/**
	 * Record every statement, in order, with the values bound to it, or stop doing so,
	 * for tests that check which statements ran or need to run one again (to explain its
	 * plan, say): they land in {@link UnitOfWorkStatistics#executed()} and nowhere else
	 * (a JDBC batch is listed without values). Off by default; never turn it on in
	 * production, where the values may be secrets and cost memory.
	 * @param capture whether to record them
	 */
	public void captureParameters(boolean capture) {
		this.captureParameters = capture;
	}

	/**
	 * Return whether the values bound to statements are recorded.
	 * @return whether {@link #captureParameters(boolean)} is on
	 */
	public boolean capturesParameters() {
		return this.captureParameters;
	}

	/**
	 * Add a listener told about every completed unit of work.
	 * @param listener the listener
	 */
	public void addListener(Consumer<UnitOfWorkStatistics> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Remove a listener.
	 * @param listener the listener
	 */
	public void removeListener(Consumer<UnitOfWorkStatistics> listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Begin a unit of work on this thread; a unit begun while another is open belongs to
	 * the outer one.
	 * @param description what the unit is, for example {@code GET /api/heroes}
	 * @return the scope that ends it
	 */
	public Scope begin(String description) {
		if (this.current.get() != null) {
			return () -> {
			};
		}
		Unit unit = new Unit(description);
		this.current.set(unit);
		return new Scope() {

			@Override
			public void route(String route) {
				unit.route = route;
			}

			@Override
			public void close() {
				StatementTracker.this.current.remove();
				complete(unit);
			}

		};
	}

	/**
	 * Return the statistics of this thread's open unit of work so far.
	 * @return the statistics, or empty outside a unit of work
	 */
	public Optional<UnitOfWorkStatistics> currentStatistics() {
		Unit unit = this.current.get();
		return (unit != null) ? Optional.of(unit.snapshot()) : Optional.empty();
	}

	/**
	 * Record one executed statement (a JDBC batch counts once).
	 * @param sql the SQL text
	 * @param batch whether it was a JDBC batch
	 * @throws NPlusOneException in {@link Mode#FAIL} when the statement reaches the
	 * threshold
	 */
	public void record(String sql, boolean batch) {
		record(sql, batch, 0);
	}

	/**
	 * Record one executed statement (a JDBC batch counts once) and the time it took.
	 * @param sql the SQL text
	 * @param batch whether it was a JDBC batch
	 * @param nanos how long the application waited for it, in nanoseconds
	 * @throws NPlusOneException in {@link Mode#FAIL} when the statement reaches the
	 * threshold
	 */
	public void record(String sql, boolean batch, long nanos) {
		record(sql, batch, nanos, null);
	}

	/**
	 * Record one executed statement (a JDBC batch counts once), the time it took and,
	 * while {@link #captureParameters(boolean)} is on, the values bound to it.
	 * @param sql the SQL text
	 * @param batch whether it was a JDBC batch
	 * @param nanos how long the application waited for it, in nanoseconds
	 * @param parameters the bound values by position, or {@code null} when not captured
	 * (a JDBC batch, whose rows each have their own, is listed without them)
	 * @throws NPlusOneException in {@link Mode#FAIL} when the statement reaches the
	 * threshold
	 */
	public void record(String sql, boolean batch, long nanos, @Nullable List<@Nullable Object> parameters) {
		Unit unit = this.current.get();
		if (unit == null) {
			unit = beginTransactionUnit();
			if (unit == null) {
				return;
			}
		}
		int count = unit.record(sql, batch, nanos);
		if (this.captureParameters) {
			unit.executed.add(new ExecutedStatement(sql, (parameters != null) ? parameters : List.of()));
		}
		if (this.mode != Mode.OFF && count == this.threshold && !batch && isSingleRowSelect(sql)) {
			NPlusOneDetection detection = detect(unit, sql, count);
			unit.detected.put(sql, detection);
			if (this.mode == Mode.FAIL) {
				throw new NPlusOneException(detection);
			}
		}
	}

	private NPlusOneDetection detect(Unit unit, String sql, int count) {
		AssociationResolver.Target target = null;
		try {
			target = this.associations.resolve(sql);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not resolve the association of " + sql, ex);
		}
		return new NPlusOneDetection(unit.description, sql, count, (target != null) ? target.entity() : null,
				(target != null) ? target.associations() : List.of(), callerLocation(),
				target != null && target.collection());
	}

	private @Nullable Unit beginTransactionUnit() {
		if (!TRANSACTIONS_PRESENT || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		String name = TransactionSynchronizationManager.getCurrentTransactionName();
		Unit unit = new Unit("transaction" + ((name != null) ? " " + name : ""));
		this.current.set(unit);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (StatementTracker.this.current.get() == unit) {
					StatementTracker.this.current.remove();
				}
				complete(unit);
			}

		});
		return unit;
	}

	private void complete(Unit unit) {
		UnitOfWorkStatistics statistics = unit.snapshot();
		if (this.mode == Mode.LOG) {
			statistics.detections().forEach((detection) -> logger.warn(detection.message()));
		}
		for (Consumer<UnitOfWorkStatistics> listener : this.listeners) {
			try {
				listener.accept(statistics);
			}
			catch (RuntimeException ex) {
				logger.warn("Statement listener failed", ex);
			}
		}
	}

	/**
	 * Return whether a statement reads one row by a single key, the shape of a lazy load;
	 * batched loads and writes are not.
	 * @param sql the SQL text
	 * @return whether a repetition of it can be an N+1
	 */
	static boolean isSingleRowSelect(String sql) {
		if (StatementKind.of(sql) != StatementKind.SELECT) {
			return false;
		}
		String normalized = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (normalized.contains(" in (") || normalized.contains(" in(") || normalized.contains("any(")
				|| normalized.contains("any (") || normalized.contains("nextval")) {
			return false;
		}
		return normalized.contains("=?") || normalized.contains("= ?");
	}

	private static @Nullable String callerLocation() {
		return StackWalker.getInstance()
			.walk((frames) -> frames
				.filter((frame) -> SKIPPED_PACKAGES.stream().noneMatch(frame.getClassName()::startsWith)
						&& !SKIPPED_CLASSES.contains(frame.getClassName().replaceFirst("\\$.*", ""))
						&& !frame.getClassName().contains("$$SpringCGLIB$$")
						&& !frame.getClassName().contains("$HibernateProxy"))
				.findFirst()
				.map((frame) -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
						+ frame.getLineNumber() + ")")
				.orElse(null));
	}

	/**
	 * What an N+1 does.
	 */
	public enum Mode {

		/**
		 * Nothing: statements are counted, N+1s are not looked for.
		 */
		OFF,

		/**
		 * A warning naming the entity, the association, the code and the fix, once per
		 * unit of work.
		 */
		LOG,

		/**
		 * {@link NPlusOneException} with that report, thrown by the statement that
		 * reaches the threshold.
		 */
		FAIL

	}

	/**
	 * Ends a unit of work.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * Name the route the unit of work served, for its metrics: the method and the URI
		 * template, for example {@code GET /api/heroes/{id}}.
		 * @param route the route
		 */
		default void route(String route) {
		}

		@Override
		void close();

	}

	private static final class Unit {

		final String description;

		final Map<String, Integer> bySql = new LinkedHashMap<>();

		final Map<String, NPlusOneDetection> detected = new LinkedHashMap<>();

		final int[] kinds = new int[StatementKind.values().length];

		int statements;

		int batches;

		long sqlNanos;

		@Nullable String route;

		final List<ExecutedStatement> executed = new ArrayList<>();

		Unit(String description) {
			this.description = description;
		}

		int record(String sql, boolean batch, long nanos) {
			this.statements++;
			this.sqlNanos += nanos;
			this.kinds[StatementKind.of(sql).ordinal()]++;
			if (batch) {
				this.batches++;
			}
			if (this.bySql.size() >= MAX_DISTINCT_STATEMENTS && !this.bySql.containsKey(sql)) {
				return 1;
			}
			return this.bySql.merge(sql, 1, Integer::sum);
		}

		UnitOfWorkStatistics snapshot() {
			List<NPlusOneDetection> detections = new ArrayList<>();
			this.detected.forEach((sql,
					detection) -> detections.add(new NPlusOneDetection(detection.unitOfWork(), sql,
							this.bySql.getOrDefault(sql, detection.count()), detection.entity(),
							detection.associations(), detection.location(), detection.collection())));
			return new UnitOfWorkStatistics(this.description, this.statements,
					this.kinds[StatementKind.SELECT.ordinal()], this.kinds[StatementKind.INSERT.ordinal()],
					this.kinds[StatementKind.UPDATE.ordinal()], this.kinds[StatementKind.DELETE.ordinal()],
					this.batches, Map.copyOf(this.bySql), List.copyOf(detections), this.route,
					Duration.ofNanos(this.sqlNanos), List.copyOf(this.executed));
		}

	}

}
