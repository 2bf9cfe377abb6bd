package io.github.crudkit.statements.autoconfigure;

import io.github.crudkit.statements.NPlusOneDetection;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes statement counts to Micrometer: {@code crudkit.sql.statements} (a
 * distribution of statements per unit of work, tagged {@code unit=request|transaction})
 * and {@code crudkit.n-plus-one.detected} (a counter tagged with the entity).
 */
final class StatementMetrics {

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
		String unit = statistics.unitOfWork().startsWith("transaction") ? "transaction" : "request";
		DistributionSummary.builder("crudkit.sql.statements")
			.description("SQL statements per unit of work")
			.baseUnit("statements")
			.tag("unit", unit)
			.register(this.registry)
			.record(statistics.statements());
		for (NPlusOneDetection detection : statistics.detections()) {
			Counter.builder("crudkit.n-plus-one.detected")
				.description("N+1 statement patterns found")
				.tag("entity", (detection.entity() != null) ? detection.entity() : "unknown")
				.register(this.registry)
				.increment();
		}
	}

}
