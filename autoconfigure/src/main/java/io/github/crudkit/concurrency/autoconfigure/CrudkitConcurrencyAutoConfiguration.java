package io.github.crudkit.concurrency.autoconfigure;

import io.github.crudkit.concurrency.Versioned;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes {@link Versioned} responses with their {@code ETag}, and documents them in
 * OpenAPI as their body.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseBodyAdvice.class)
@ConditionalOnBooleanProperty(name = "crudkit.concurrency.enabled", matchIfMissing = true)
public final class CrudkitConcurrencyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VersionedResponseBodyAdvice crudkitVersionedResponseBodyAdvice() {
		return new VersionedResponseBodyAdvice();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpringDocUtils.class)
	static class SpringDocConfiguration {

		@Bean
		InitializingBean crudkitVersionedSchema() {
			return () -> SpringDocUtils.getConfig().addResponseWrapperToIgnore(Versioned.class);
		}

	}

}
