package io.github.crudkit.replica.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.crudkit.replica.WalPosition;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports each replica: {@code UP} while it serves reads (reachable, within
 * {@code max-lag}), and otherwise {@link #DEGRADED}: the application still answers, from
 * the primary, so the status maps to HTTP 200 (crudkit adds it to the health status order
 * and mapping); only the primary's own {@code db} indicator can make it {@code DOWN}.
 */
final class ReplicaHealthIndicator implements HealthIndicator {

	/**
	 * Some part works less well than it should, and the whole still serves.
	 */
	static final Status DEGRADED = new Status("DEGRADED",
			"A read replica is unreachable or lags; its reads go to the primary");

	private final Supplier<ReplicaRoutingDataSource> routing;

	ReplicaHealthIndicator(Supplier<ReplicaRoutingDataSource> routing) {
		this.routing = routing;
	}

	@Override
	public Health health() {
		ReplicaRoutingDataSource routing = this.routing.get();
		long now = System.nanoTime();
		boolean allServe = true;
		Map<String, Object> replicas = new LinkedHashMap<>();
		for (Replica replica : routing.replicas()) {
			long staleness = replica.staleness(now);
			boolean serves = replica.up() && staleness <= routing.maxLagNanos();
			allServe &= serves;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("status", serves ? Status.UP.getCode() : DEGRADED.getCode());
			details.put("url", replica.url());
			WalPosition replayed = replica.replayed();
			if (replayed != null) {
				details.put("replayed", replayed.toString());
			}
			if (staleness != Long.MAX_VALUE) {
				details.put("staleness", Duration.ofNanos(staleness).toString());
			}
			if (!replica.up()) {
				details.put("problem", replica.problem());
			}
			else if (!serves) {
				details.put("problem", "further behind the primary than max-lag");
			}
			replicas.put(replica.name(), details);
		}
		return Health.status(allServe ? Status.UP : DEGRADED)
			.withDetail("maxLag", Duration.ofNanos(routing.maxLagNanos()).toString())
			.withDetail("primaryReachable", routing.monitor().primaryReachable())
			.withDetail("replicas", replicas)
			.build();
	}

}
