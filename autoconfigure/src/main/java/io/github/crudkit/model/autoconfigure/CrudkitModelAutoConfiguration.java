package io.github.crudkit.model.autoconfigure;

import io.github.crudkit.model.EntityExposureModule;
import io.github.crudkit.model.ModelBoundaryVerifier;
import jakarta.persistence.Entity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps JPA entities from crossing the web boundary by registering {@link EntityExposureModule}, which
 * Boot adds to its {@link JsonMapper} like every {@code JacksonModule} bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass({ JsonMapper.class, Entity.class })
@ConditionalOnBooleanProperty(name = "crudkit.model.refuse-entity-serialization", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitModelProperties.class)
public final class CrudkitModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EntityExposureModule crudkitEntityExposureModule() {
		return new EntityExposureModule();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class ModelBoundaryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelBoundaryVerifier crudkitModelBoundaryVerifier(ObjectProvider<RequestMappingHandlerMapping> mappings) {
			return new ModelBoundaryVerifier(mappings.orderedStream().toList());
		}

	}

}
