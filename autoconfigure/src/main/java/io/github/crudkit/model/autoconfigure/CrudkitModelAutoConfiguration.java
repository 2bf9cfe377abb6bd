package io.github.crudkit.model.autoconfigure;

import io.github.crudkit.model.EntityExposureModule;
import io.github.crudkit.model.ModelTraversableResolver;
import io.github.crudkit.model.TemporalPrecision;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.Validator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps JPA entities from crossing the web boundary: registers
 * {@link EntityExposureModule}, which Boot adds to its {@link JsonMapper} like every
 * {@code JacksonModule} bean, and a start-up check of controller signatures; and lets
 * Bean Validation skip JPA's "is it loaded?" question for objects that are not JPA types
 * ({@link ModelTraversableResolver}); and writes date-times at the precision the database
 * keeps ({@link TemporalPrecision}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = { JacksonAutoConfiguration.class, ValidationAutoConfiguration.class })
@ConditionalOnClass({ JsonMapper.class, Entity.class })
@ConditionalOnBooleanProperty(name = "crudkit.model.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitModelProperties.class)
public final class CrudkitModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "crudkit.model.refuse-entity-serialization", matchIfMissing = true)
	EntityExposureModule crudkitEntityExposureModule() {
		return new EntityExposureModule();
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
	@ConditionalOnClass(SessionFactoryImplementor.class)
	@ConditionalOnBooleanProperty(name = "crudkit.model.truncate-timestamps", matchIfMissing = true)
	static class TemporalPrecisionConfiguration {

		@Bean
		static BeanPostProcessor crudkitTemporalPrecisionRegistrar() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof EntityManagerFactory entityManagerFactory) {
						TemporalPrecision.registerWith(entityManagerFactory);
					}
					return bean;
				}

			};
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
