package io.github.crudkit.idempotency.autoconfigure;

import javax.sql.DataSource;

import io.github.crudkit.error.autoconfigure.CrudkitErrorAutoConfiguration;
import io.github.crudkit.idempotency.IdempotencyStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers every {@code POST} and {@code PATCH} of a Spring MVC application that carries
 * an {@code Idempotency-Key} once: a servlet filter runs the request in a transaction of
 * the application's transaction manager, which the services' {@code @Transactional}
 * methods join, and records the response with the key in it (see
 * {@link io.github.crudkit.idempotency.IdempotencyKeys}). The records live in the table
 * that {@value IdempotencyStore#CHANGELOG} creates; without it the feature stays off,
 * unless {@code crudkit.idempotency.enabled=true} makes that a start-up failure. Records
 * older than {@code crudkit.idempotency.retention} are deleted every
 * {@code crudkit.idempotency.cleanup-interval}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CrudkitErrorAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ JdbcClient.class, PlatformTransactionManager.class, DispatcherServlet.class,
		FilterRegistrationBean.class })
@ConditionalOnBooleanProperty(name = "crudkit.idempotency.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CrudkitIdempotencyProperties.class)
public final class CrudkitIdempotencyAutoConfiguration {

	/**
	 * After Spring Security's filters and Boot's, so that the principal is known, and
	 * before filters of the application's own without an order, which run inside the
	 * transaction.
	 */
	static final int FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	@Bean
	@ConditionalOnMissingBean
	IdempotencyStore crudkitIdempotencyStore(DataSource dataSource) {
		return new IdempotencyStore(dataSource);
	}

	@Bean
	IdempotencyTableCheck crudkitIdempotencyTableCheck(IdempotencyStore store,
			CrudkitIdempotencyProperties properties) {
		return new IdempotencyTableCheck(store, Boolean.TRUE.equals(properties.enabled()));
	}

	@Bean
	IdempotencyCleanup crudkitIdempotencyCleanup(IdempotencyStore store, CrudkitIdempotencyProperties properties) {
		return new IdempotencyCleanup(store, properties.retention(), properties.cleanupInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
	static class FilterConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "crudkitIdempotencyFilter")
		FilterRegistrationBean<IdempotencyFilter> crudkitIdempotencyFilter(ObjectProvider<IdempotencyStore> store,
				ObjectProvider<PlatformTransactionManager> transactionManager,
				@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver,
				CrudkitIdempotencyProperties properties) {
			// The filter is created with the web server, before the other singletons:
			// what it uses is looked up at the first request, so that the JPA set-up
			// (and the migrations it waits for) keeps its place in the start-up.
			FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
					SingletonSupplier.of(store::getObject), SingletonSupplier.of(transactionManager::getObject),
					SingletonSupplier.of(resolver::getObject), properties.recordedHeaders()));
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

	}

}
