package io.github.crudkit.error.autoconfigure;

import io.github.crudkit.error.CrudkitExceptionHandler;
import io.github.crudkit.error.ProblemResolver;
import io.github.crudkit.error.ProblemTypes;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure of a servlet web application with an RFC 9457 problem detail:
 * registers {@link CrudkitExceptionHandler} (with every {@link ProblemResolver} bean) and
 * a problem-details error page. Runs before Spring MVC's auto-configurations so that
 * Boot's own problem-details handler and error controller back off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class },
		after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ResponseEntityExceptionHandler.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "crudkit.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitErrorProperties.class)
public final class CrudkitErrorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemTypes crudkitProblemTypes(CrudkitErrorProperties properties) {
		return new ProblemTypes(properties.typeBaseUri());
	}

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	CrudkitExceptionHandler crudkitExceptionHandler(ProblemTypes types, CrudkitErrorProperties properties,
			ObjectProvider<ProblemResolver> resolvers) {
		return new CrudkitExceptionHandler(types, properties.constraintFields(), properties.retryAfter(),
				resolvers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController crudkitProblemErrorController(ProblemTypes types) {
		return new ProblemErrorController(types);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatServletWebServerFactory.class, ErrorReportValve.class })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> crudkitProblemErrorReportValve() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

	}

}
