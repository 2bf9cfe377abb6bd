package io.github.crudkit.statements.autoconfigure;

import javax.sql.DataSource;

import io.github.crudkit.statements.AssociationResolver;
import io.github.crudkit.statements.StatementCountingDataSource;
import io.github.crudkit.statements.StatementTracker;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements of every request and transaction, and finds N+1s, by wrapping
 * the application's {@link DataSource} in a {@link StatementCountingDataSource}.
 * Statement counts also go to Micrometer when it is present
 * ({@link CrudkitStatementsMetricsAutoConfiguration}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ DelegatingDataSource.class, DataSource.class })
@ConditionalOnBooleanProperty(name = "crudkit.statements.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitStatementsProperties.class)
public final class CrudkitStatementsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StatementTracker crudkitStatementTracker(CrudkitStatementsProperties properties,
			ObjectProvider<AssociationResolver> associations) {
		return new StatementTracker(properties.nPlusOne().mode(), properties.nPlusOne().threshold(),
				associations.getIfAvailable(() -> AssociationResolver.NONE));
	}

	@Bean
	static BeanPostProcessor crudkitStatementCountingDataSourceWrapper(ObjectProvider<StatementTracker> tracker) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof StatementCountingDataSource)) {
					return new StatementCountingDataSource(dataSource, tracker.getObject());
				}
				return bean;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SessionFactoryImplementor.class, EntityManagerFactory.class })
	static class HibernateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AssociationResolver crudkitAssociationResolver(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new HibernateAssociationResolver(entityManagerFactory::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "crudkitStatementCountingFilter")
		FilterRegistrationBean<StatementCountingFilter> crudkitStatementCountingFilter(StatementTracker tracker) {
			FilterRegistrationBean<StatementCountingFilter> registration = new FilterRegistrationBean<>(
					new StatementCountingFilter(tracker));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
			return registration;
		}

	}

}
