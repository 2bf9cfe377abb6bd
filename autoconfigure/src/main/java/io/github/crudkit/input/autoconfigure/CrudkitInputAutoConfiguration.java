package io.github.crudkit.input.autoconfigure;

import io.github.crudkit.error.ProblemTypes;
import io.github.crudkit.error.ProblemWriter;
import io.github.crudkit.error.autoconfigure.CrudkitErrorAutoConfiguration;
import io.github.crudkit.input.JsonProblemResolver;
import io.github.crudkit.input.StrictJsonModule;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.WebDataBinder;

/**
 * Reads requests strictly and refuses what cannot be read before it reaches a controller:
 * strict JSON (a {@link StrictJsonModule} and coercion rules on Boot's
 * {@link JsonMapper}), strict integer path variables and query parameters, a request-body
 * size limit, a check of query parameters, and a {@link JsonProblemResolver} that names
 * the field of a JSON body that cannot be read.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class,
		after = { JacksonAutoConfiguration.class, CrudkitErrorAutoConfiguration.class })
@ConditionalOnClass({ JsonMapper.class, ErrorResponse.class })
@ConditionalOnBooleanProperty(name = "crudkit.input.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitInputProperties.class)
public final class CrudkitInputAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonProblemResolver crudkitJsonProblemResolver() {
		return new JsonProblemResolver();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
	@ConditionalOnBooleanProperty(name = "crudkit.input.strict", matchIfMissing = true)
	static class StrictConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StrictJsonModule crudkitStrictJsonModule() {
			return new StrictJsonModule();
		}

		@Bean
		JsonMapperBuilderCustomizer crudkitStrictJsonCustomizer() {
			return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.withCoercionConfig(LogicalType.Textual,
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(WebDataBinder.class)
		StrictNumberBinding crudkitStrictNumberBinding() {
			return new StrictNumberBinding();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "crudkitRequestBodyLimitFilter")
		FilterRegistrationBean<RequestBodyLimitFilter> crudkitRequestBodyLimitFilter(JsonMapper jsonMapper,
				ObjectProvider<ProblemTypes> types, CrudkitInputProperties properties) {
			FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
					new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), writer(jsonMapper, types)));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean(name = "crudkitRequestTextFilter")
		FilterRegistrationBean<RequestTextFilter> crudkitRequestTextFilter(JsonMapper jsonMapper,
				ObjectProvider<ProblemTypes> types) {
			FilterRegistrationBean<RequestTextFilter> registration = new FilterRegistrationBean<>(
					new RequestTextFilter(writer(jsonMapper, types)));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
			return registration;
		}

		private static ProblemWriter writer(JsonMapper jsonMapper, ObjectProvider<ProblemTypes> types) {
			// Without crudkit's error mapping there is no ProblemTypes bean: about:blank,
			// as Spring writes them.
			return new ProblemWriter(jsonMapper, types.getIfAvailable(() -> new ProblemTypes(null)));
		}

	}

}
