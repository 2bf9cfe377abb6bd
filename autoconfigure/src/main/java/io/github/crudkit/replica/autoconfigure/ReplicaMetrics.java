package io.github.crudkit.replica.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the routing to Micrometer: {@code crudkit.replica.reads} (reads by
 * {@code target}: a replica's name or {@code primary}), {@code crudkit.replica.fallbacks}
 * (reads that wanted a replica and got the primary, by {@code reason}:
 * {@code unavailable}, {@code lag}, {@code behind-write}; and {@code read-failed}, a read
 * retried on the primary after its replica's connection failed),
 * {@code crudkit.replica.position.checks} (the time of asking a replica how far it has
 * replayed, for a read-your-writes position the monitor had not yet seen) and, per
 * {@code replica}, the gauges {@code crudkit.replica.staleness} (seconds) and
 * {@code crudkit.replica.up}.
 */
final class ReplicaMetrics implements ReplicaRoutingDataSource.RoutingListener {

	private final MeterRegistry registry;

	private final Map<String, Counter> reads = new ConcurrentHashMap<>();

	private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();

	private final Timer checks;

	ReplicaMetrics(MeterRegistry registry, ReplicaRoutingDataSource routing) {
		this.registry = registry;
		this.checks = Timer.builder("crudkit.replica.position.checks")
			.description("Time spent asking a replica how far it has replayed, for a read-your-writes position")
			.register(registry);
		for (Replica replica : routing.replicas()) {
			Gauge.builder("crudkit.replica.staleness", replica, (each) -> {
				long staleness = each.staleness(System.nanoTime());
				return (staleness == Long.MAX_VALUE) ? Double.NaN : staleness / 1e9;
			})
				.description(
						"How stale a read from the replica may be: the time since the primary position it has replayed")
				.baseUnit("seconds")
				.tag("replica", replica.name())
				.register(registry);
			Gauge.builder("crudkit.replica.up", replica, (each) -> each.up() ? 1 : 0)
				.description("Whether the replica answered its last check")
				.tag("replica", replica.name())
				.register(registry);
		}
		routing.setListener(this);
	}

	@Override
	public void routed(String target) {
		this.reads
			.computeIfAbsent(target,
					(name) -> Counter.builder("crudkit.replica.reads")
						.description("Reads that could go to a replica, by where they went")
						.tag("target", name)
						.register(this.registry))
			.increment();
	}

	@Override
	public void fallback(String reason) {
		this.fallbacks
			.computeIfAbsent(reason,
					(name) -> Counter.builder("crudkit.replica.fallbacks")
						.description("Reads that wanted a replica and went to the primary, by reason")
						.tag("reason", name)
						.register(this.registry))
			.increment();
	}

	@Override
	public void positionChecked(long nanos) {
		this.checks.record(nanos, TimeUnit.NANOSECONDS);
	}

}
