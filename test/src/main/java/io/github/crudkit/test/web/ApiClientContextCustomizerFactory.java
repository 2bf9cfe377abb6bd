package io.github.crudkit.test.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Contributes an {@link ApiClient} bean to the application context of a
 * {@code @SpringBootTest} that starts the web server ({@code RANDOM_PORT} or
 * {@code DEFINED_PORT}), unless the context defines one of its own: it sends requests to
 * {@code local.server.port} (read when the first request is sent, once the server has
 * started) and serialises with the application's {@link JsonMapper}, if it has exactly
 * one.
 */
class ApiClientContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		SpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringBootTest.class);
		return (test != null && test.webEnvironment().isEmbedded()) ? new ApiClientContextCustomizer() : null;
	}

	private static final class ApiClientContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			if (context instanceof BeanDefinitionRegistry registry) {
				registry.registerBeanDefinition(ApiClientRegistrar.class.getName(),
						new RootBeanDefinition(ApiClientRegistrar.class));
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

	/**
	 * Registers the client once the application's own bean definitions are known (it runs
	 * after the configuration classes have been processed), so that a client of the
	 * application's own replaces it.
	 */
	static final class ApiClientRegistrar
			implements BeanDefinitionRegistryPostProcessor, Ordered, BeanFactoryAware, EnvironmentAware {

		static final String BEAN_NAME = "crudkitApiClient";

		private @Nullable BeanFactory beanFactory;

		private @Nullable Environment environment;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			BeanFactory beanFactory = this.beanFactory;
			Environment environment = this.environment;
			Assert.state(beanFactory != null && environment != null, "Not initialised by the bean factory");
			if (beanFactory instanceof ListableBeanFactory listable
					&& listable.getBeanNamesForType(ApiClient.class, true, false).length > 0) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(ApiClient.class);
			definition.setInstanceSupplier(() -> new ApiClient(() -> baseUri(environment),
					() -> beanFactory.getBeanProvider(JsonMapper.class).getIfUnique(() -> JsonMapper.builder().build()),
					Map.of()));
			registry.registerBeanDefinition(BEAN_NAME, definition);
		}

		private static URI baseUri(Environment environment) {
			Integer port = environment.getProperty("local.server.port", Integer.class);
			Assert.state(port != null, "The web server has not started yet: crudkit-test's ApiClient sends requests "
					+ "to local.server.port, which a @SpringBootTest with webEnvironment RANDOM_PORT or DEFINED_PORT "
					+ "sets once the application has started");
			String contextPath = environment.getProperty("server.servlet.context-path", "");
			return URI.create("http://localhost:" + port + StringUtils.trimTrailingCharacter(contextPath, '/'));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
