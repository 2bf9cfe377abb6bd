package io.github.crudkit.pagination.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Resolves {@code Pageable} parameters with crudkit's strict rules ahead of Spring Data's
 * resolver, checks every endpoint's sort whitelist at start-up, and documents the
 * parameters in OpenAPI.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Pageable.class, RequestMappingHandlerAdapter.class })
@ConditionalOnBooleanProperty(name = "crudkit.pagination.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitPaginationProperties.class)
public final class CrudkitPaginationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PageRequestArgumentResolver crudkitPageRequestArgumentResolver(CrudkitPaginationProperties properties) {
		return new PageRequestArgumentResolver(properties.toPolicy());
	}

	@Bean
	static BeanPostProcessor crudkitPageRequestArgumentResolverRegistrar(
			ObjectProvider<PageRequestArgumentResolver> resolver) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
					// Ahead of Spring Data's resolver, which would silently correct a bad
					// page or size.
					List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
					resolvers.add(resolver.getObject());
					resolvers.addAll(adapter.getArgumentResolvers());
					adapter.setArgumentResolvers(resolvers);
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	PageableEndpointsVerifier crudkitPageableEndpointsVerifier(PageRequestArgumentResolver resolver,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new PageableEndpointsVerifier(resolver, mappings.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OperationCustomizer.class)
	static class SpringDocConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PageableOperationCustomizer crudkitPageableOperationCustomizer(PageRequestArgumentResolver resolver) {
			// The customizer documents page, size and sort itself; springdoc would add a
			// "pageable" object.
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(Pageable.class);
			return new PageableOperationCustomizer(resolver);
		}

	}

}
