package io.github.crudkit.model.autoconfigure;

import io.github.crudkit.model.EntityExposureModule;
import io.github.crudkit.model.ModelBoundaryVerifier;
import io.github.crudkit.model.ModelTraversableResolver;
import io.github.crudkit.model.StrictJsonModule;
import io.github.crudkit.model.StrictNumberBinding;
import jakarta.persistence.Entity;
import jakarta.validation.Validator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps JPA entities from crossing the web boundary by registering
 * {@link EntityExposureModule}, which Boot adds to its {@link JsonMapper} like every
 * {@code JacksonModule} bean; reads JSON strictly; and lets Bean Validation skip JPA's
 * "is it loaded?" question for objects that are not JPA types
 * ({@link ModelTraversableResolver}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = { JacksonAutoConfiguration.class, ValidationAutoConfiguration.class })
@ConditionalOnClass({ JsonMapper.class, Entity.class })
@EnableConfigurationProperties(CrudkitModelProperties.class)
public final class CrudkitModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "crudkit.model.refuse-entity-serialization", matchIfMissing = true)
	EntityExposureModule crudkitEntityExposureModule() {
		return new EntityExposureModule();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "crudkit.model.strict-json", matchIfMissing = true)
	static class StrictJsonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StrictJsonModule crudkitStrictJsonModule() {
			return new StrictJsonModule();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(WebDataBinder.class)
		StrictNumberBinding crudkitStrictNumberBinding() {
			return new StrictNumberBinding();
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

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "crudkit.model.refuse-entity-serialization", matchIfMissing = true)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class ModelBoundaryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelBoundaryVerifier crudkitModelBoundaryVerifier(ObjectProvider<RequestMappingHandlerMapping> mappings) {
			return new ModelBoundaryVerifier(mappings.orderedStream().toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Validator.class, ValidationConfigurationCustomizer.class })
	@ConditionalOnBooleanProperty(name = "crudkit.model.fast-validation", matchIfMissing = true)
	static class ValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "crudkitValidationConfigurationCustomizer")
		ValidationConfigurationCustomizer crudkitValidationConfigurationCustomizer() {
			return ModelTraversableResolver::applyTo;
		}

	}

}
