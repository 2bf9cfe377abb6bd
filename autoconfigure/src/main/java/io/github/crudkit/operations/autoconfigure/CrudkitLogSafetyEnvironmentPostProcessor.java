package io.github.crudkit.operations.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the values bound to SQL statements out of log messages, with the lowest
 * precedence: the PostgreSQL driver otherwise puts the server's detail ("Failing row
 * contains (...)", "Key (...)=(...) already exists") and, for a failed JDBC batch, the
 * statement with every bound value into its exception messages, which Hibernate logs at
 * WARN, a write-only value included. crudkit's error mapping reads the constraint, table
 * and column from the server's error fields, which the setting does not hide. Switched
 * off, with the other operational defaults, by {@code crudkit.operations.enabled=false}.
 *
 * @since 0.1.0
 */
public final class CrudkitLogSafetyEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "crudkitLogSafetyDefaults";

	/**
	 * The defaults, each overridable by the application.
	 */
	public static final Map<String, Object> DEFAULTS = Map
		.of("spring.datasource.hikari.data-source-properties.logServerErrorDetail", "false");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("crudkit.operations.enabled", Boolean.class, true)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

}
