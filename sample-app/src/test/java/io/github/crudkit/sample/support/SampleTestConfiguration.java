package io.github.crudkit.sample.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * What every integration test of the sample shares: an {@link Api} client on the port the
 * sample listens on.
 */
@TestConfiguration(proxyBeanMethods = false)
class SampleTestConfiguration {

	// Lazy: the port is known once the web server has started, after the context
	// refreshed.
	@Bean
	@Lazy
	Api api(Environment environment) {
		return new Api(environment.getRequiredProperty("local.server.port", Integer.class));
	}

}
