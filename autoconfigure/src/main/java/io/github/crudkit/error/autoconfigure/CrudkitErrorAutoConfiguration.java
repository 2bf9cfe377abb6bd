package io.github.crudkit.error.autoconfigure;

import io.github.crudkit.error.CrudkitExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Registers {@link CrudkitExceptionHandler} so that every failure of a servlet web application is answered
 * with an RFC 9457 problem detail. Runs before Spring MVC's auto-configuration so that Boot's own
 * problem-details handler backs off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
@ConditionalOnBooleanProperty(name = "crudkit.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitErrorProperties.class)
public final class CrudkitErrorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	CrudkitExceptionHandler crudkitExceptionHandler() {
		return new CrudkitExceptionHandler();
	}

}
