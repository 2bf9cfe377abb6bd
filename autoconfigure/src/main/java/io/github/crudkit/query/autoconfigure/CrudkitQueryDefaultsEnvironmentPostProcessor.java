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
 * paging of collection fetches, cached criteria plans, JDBC batching of inserts and
 * updates. Switched off as a whole by {@code crudkit.query.enabled=false}.
 *
 * @since 0.1.0
 */
public final class CrudkitQueryDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "crudkitQueryDefaults";

	/**
	 * The defaults, each overridable by the application.
	 */
	public static final Map<String, Object> DEFAULTS;

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
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("crudkit.query.enabled", Boolean.class, true)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

}
