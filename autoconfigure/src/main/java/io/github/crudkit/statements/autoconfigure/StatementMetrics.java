package io.github.crudkit.statements.autoconfigure;

import io.github.crudkit.statements.NPlusOneDetection;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes what each unit of work ran to Micrometer: {@code crudkit.sql.statements} (a
 * distribution of statements per unit of work), {@code crudkit.sql.time} (the time spent
 * waiting for them) and {@code crudkit.n-plus-one.detected} (a counter tagged with the
 * entity). The first two are tagged {@code unit=request|transaction} and, as Boot's
 * {@code http.server.requests} is, with the request's {@code method} and {@code uri}
 * template ({@code NONE} outside a request).
 */
final class StatementMetrics {

	private static final String NONE = "NONE";

	private final MeterRegistry registry;

	/**
	 * Create the publisher and register it with the tracker.
	 * @param registry the registry
	 * @param tracker the tracker
	 */
	StatementMetrics(MeterRegistry registry, StatementTracker tracker) {
		this.registry = registry;
		tracker.addListener(this::record);
	}

	private void record(UnitOfWorkStatistics statistics) {
		Tags tags = tags(statistics);
		DistributionSummary.builder("crudkit.sql.statements")
			.description("SQL statements per unit of work")
			.baseUnit("statements")
			.tags(tags)
			.register(this.registry)
			.record(statistics.statements());
		Timer.builder("crudkit.sql.time")
			.description("Time spent waiting for SQL statements per unit of work")
			.tags(tags)
			.register(this.registry)
			.record(statistics.sqlTime());
		for (NPlusOneDetection detection : statistics.detections()) {
			Counter.builder("crudkit.n-plus-one.detected")
				.description("N+1 statement patterns found")
				.tag("entity", (detection.entity() != null) ? detection.entity() : "unknown")
				.register(this.registry)
				.increment();
		}
	}

	private static Tags tags(UnitOfWorkStatistics statistics) {
		String route = statistics.route();
		if (route == null) {
			String unit = statistics.unitOfWork().startsWith("transaction") ? "transaction" : "request";
			return Tags.of("unit", unit, "method", NONE, "uri", NONE);
		}
		int space = route.indexOf(' ');
		return Tags.of("unit", "request", "method", (space > 0) ? route.substring(0, space) : NONE, "uri",
				(space > 0) ? route.substring(space + 1) : route);
	}

}
