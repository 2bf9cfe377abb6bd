package io.github.crudkit.startup.autoconfigure;

import io.github.crudkit.startup.StartupCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * Runs every {@link StartupCheck} bean once the application's singletons exist, and fails
 * start-up once, listing every problem of every check.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnBooleanProperty(name = "crudkit.startup.enabled", matchIfMissing = true)
public final class CrudkitStartupAutoConfiguration {

	@Bean
	static StartupChecks crudkitStartupChecks(ObjectProvider<StartupCheck> checks) {
		return new StartupChecks(checks.orderedStream().toList());
	}

}
