package io.github.crudkit.query.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds crudkit's JPA and JDBC defaults with the lowest precedence, so that any setting of
 * the application wins. They make the efficient way of reading and writing the default:
 * lazy loading only inside transactions, batch fetching of lazy relations, no in-memory
 * paging of collection fetches, JDBC batching of inserts and updates. Switched off as a
 * whole by {@code crudkit.jpa-defaults.enabled=false}. A second set of operational
 * defaults (connection and statement timeouts that fail fast, graceful shutdown, liveness
 * and readiness health groups) is switched off by
 * {@code crudkit.operations-defaults.enabled=false}.
 *
 * @since 0.1.0
 */
public class CrudkitJpaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "crudkitJpaDefaults";

	/**
	 * Name of the property source holding the operational defaults.
	 */
	public static final String OPERATIONS_PROPERTY_SOURCE_NAME = "crudkitOperationsDefaults";

	/**
	 * The defaults, each overridable by the application.
	 */
	public static final Map<String, Object> DEFAULTS;

	/**
	 * Operational defaults (fail fast when the database is gone, bounded statements,
	 * health groups), each overridable by the application.
	 */
	public static final Map<String, Object> OPERATIONS_DEFAULTS;

	static {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// No lazy loading while the view renders: every read is planned inside the
		// service's transaction.
		defaults.put("spring.jpa.open-in-view", "false");
		// A lazy relation touched in a loop is loaded for up to 16 owners per statement
		// instead of one each.
		defaults.put("spring.jpa.properties.hibernate.default_batch_fetch_size", "16");
		// Paging a query that fetches a collection would page in memory: fail instead.
		defaults.put("spring.jpa.properties.hibernate.query.fail_on_pagination_over_collection_fetch", "true");
		// Criteria queries (Spring Data's derived queries and Specifications) keep their
		// translated plan like JPQL
		// strings do; without it, Hibernate 7 translates them again on every execution.
		defaults.put("spring.jpa.properties.hibernate.criteria.plan_cache_enabled", "true");
		// IN lists padded to powers of two, so PostgreSQL sees few distinct statements.
		defaults.put("spring.jpa.properties.hibernate.query.in_clause_parameter_padding", "true");
		// Inserts and updates sent in JDBC batches, grouped by table.
		defaults.put("spring.jpa.properties.hibernate.jdbc.batch_size", "50");
		defaults.put("spring.jpa.properties.hibernate.order_inserts", "true");
		defaults.put("spring.jpa.properties.hibernate.order_updates", "true");
		// The PostgreSQL driver turns a batch of inserts into multi-row INSERT
		// statements.
		defaults.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
		// Timestamps are written and read in UTC whatever the JVM's zone.
		defaults.put("spring.jpa.properties.hibernate.jdbc.time_zone", "UTC");
		DEFAULTS = Map.copyOf(defaults);

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
		OPERATIONS_DEFAULTS = Map.copyOf(operations);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("crudkit.jpa-defaults.enabled", Boolean.class, true)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
		if (environment.getProperty("crudkit.operations-defaults.enabled", Boolean.class, true)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(OPERATIONS_PROPERTY_SOURCE_NAME, OPERATIONS_DEFAULTS));
		}
	}

}
