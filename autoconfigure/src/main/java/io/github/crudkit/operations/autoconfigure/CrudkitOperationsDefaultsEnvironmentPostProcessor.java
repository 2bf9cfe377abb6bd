package io.github.crudkit.operations.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds crudkit's operational defaults with the lowest precedence, so that any setting of
 * the application wins: connection, statement and socket timeouts that fail fast (a
 * request that meets a database fault gets a 503 within 5 s instead of hanging), graceful
 * shutdown, and liveness and readiness health groups (readiness includes the database).
 * Switched off as a whole by {@code crudkit.operations.enabled=false}.
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
		// Every request that meets a database fault is answered within 5 s, in every
		// mode (database down, connections reset or refused, a partition that drops
		// packets), each bound below the next:
		// - a request waits at most 3 s for a connection (Hikari's default is 30 s), then
		// gets a 503; checking an idle connection before handing it out takes at most
		// 1 s, so the wait ends within 4 s at worst.
		operations.put("spring.datasource.hikari.connection-timeout", "3000");
		operations.put("spring.datasource.hikari.validation-timeout", "1000");
		// Idle connections are checked every 2 minutes, so a dead database is noticed
		// before a request needs one.
		operations.put("spring.datasource.hikari.keepalive-time", "120000");
		// - no statement runs longer than 3 s: PostgreSQL cancels it (a 503, the
		// transaction rolled back, the connection still good).
		operations.put("spring.datasource.hikari.data-source-properties.options", "-c statement_timeout=3000");
		// - a connection that falls silent (a partition) is given up by the driver after
		// 4 s without an answer: 1 s after the statement timeout, so that a statement
		// that is merely slow is cancelled by the server first rather than its
		// connection killed. The rollback that follows fails at once on the closed
		// connection: a 503 just over 4 s after the statement began.
		operations.put("spring.datasource.hikari.data-source-properties.socketTimeout", "4");
		// - opening a connection gives up after 2 s (the socket timeout also bounds the
		// handshake), well inside the connection timeout.
		operations.put("spring.datasource.hikari.data-source-properties.connectTimeout", "2");
		// - the operating system checks idle connections too.
		operations.put("spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true");
		// Liquibase's migrations are not bound by the two request-sized timeouts (see
		// crudkit.migration.lift-timeouts).
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
