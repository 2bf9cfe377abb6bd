package io.github.crudkit.operations.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds crudkit's operational defaults with the lowest precedence, so that any setting of
 * the application wins: connection and statement timeouts that fail fast (a request gets
 * a 503 instead of hanging), graceful shutdown, and liveness and readiness health groups
 * (readiness includes the database). Switched off as a whole by
 * {@code crudkit.operations.enabled=false}.
 *
 * @since 0.1.0
 */
public final class CrudkitOperationsDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "crudkitOperationsDefaults";

	/**
	 * The defaults, each overridable by the application.
	 */
	public static final Map<String, Object> DEFAULTS;

	static {
		Map<String, Object> operations = new LinkedHashMap<>();
		// A request waits at most 3 s for a connection, then gets a 503, instead of
		// Hikari's 30 s.
		operations.put("spring.datasource.hikari.connection-timeout", "3000");
		operations.put("spring.datasource.hikari.validation-timeout", "1000");
		// Idle connections are checked every 2 minutes, so a dead database is noticed
		// before a request needs one.
		operations.put("spring.datasource.hikari.keepalive-time", "120000");
		// No statement runs longer than 30 s; PostgreSQL cancels it (the request gets a
		// 503).
		operations.put("spring.datasource.hikari.data-source-properties.options", "-c statement_timeout=30000");
		// The driver gives up on a connection attempt after 5 s and on a silent socket
		// after 60 s.
		operations.put("spring.datasource.hikari.data-source-properties.connectTimeout", "5");
		operations.put("spring.datasource.hikari.data-source-properties.socketTimeout", "60");
		// In-flight requests finish on shutdown; new ones are refused.
		operations.put("server.shutdown", "graceful");
		operations.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
		// Kubernetes-style probes: liveness is the process, readiness includes the
		// database.
		operations.put("management.endpoint.health.probes.enabled", "true");
		operations.put("management.endpoint.health.group.liveness.include", "livenessState");
		operations.put("management.endpoint.health.group.readiness.include", "readinessState,db");
		DEFAULTS = Map.copyOf(operations);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("crudkit.operations.enabled", Boolean.class, true)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

}
