package io.github.crudkit.replica.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When a read replica is configured, adds the health status {@code DEGRADED} (a replica
 * unreachable or lagging; the service still serves) to Boot's status order, between
 * {@code OUT_OF_SERVICE} and {@code UP}, and maps it to HTTP 200; with the lowest
 * precedence, so that the application's own order and mapping win.
 *
 * @since 0.1.0
 */
public final class CrudkitReplicaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "crudkitReplicaDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ReplicaConfiguredCondition.configured(environment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN",
								"management.endpoint.health.status.http-mapping.degraded", "200")));
		}
	}

}
