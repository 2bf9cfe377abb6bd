package io.github.crudkit.replica.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends reads to read replicas when {@code crudkit.replica.url} (or {@code urls}) names
 * one: Boot's pool stays the primary, behind a {@link LazyConnectionDataSourceProxy} and
 * a routing data source that give read-only transactions and crudkit's reads in
 * auto-commit a replica within {@code crudkit.replica.max-lag}, and the read-your-writes
 * position of the {@code Crudkit-Read-After} header its due. Health reports the replicas
 * ({@code DEGRADED} while one cannot serve) and metrics count where reads went
 * ({@link CrudkitReplicaMetricsAutoConfiguration}). Without a replica URL nothing of this
 * is created.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ HikariDataSource.class, LazyConnectionDataSourceProxy.class })
@Conditional(ReplicaConfiguredCondition.class)
@EnableConfigurationProperties(CrudkitReplicaProperties.class)
public final class CrudkitReplicaAutoConfiguration {

	/**
	 * Just after crudkit's statement counting filter and well before the idempotency
	 * filter, whose transaction commits inside this one's session, so that the position
	 * of that commit reaches the response.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

	@Bean
	static ReplicaDataSourceWrapper crudkitReplicaDataSourceWrapper(Environment environment) {
		// Bound here, not injected: a post-processor is created before the properties
		// bean could be.
		return new ReplicaDataSourceWrapper(
				Binder.get(environment).bindOrCreate("crudkit.replica", CrudkitReplicaProperties.class));
	}

	static ReplicaRoutingDataSource routing(DataSource dataSource) {
		try {
			return dataSource.unwrap(ReplicaRoutingDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"The application's DataSource does not route to the read replicas: " + dataSource, ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "replicasHealthIndicator")
		HealthIndicator replicasHealthIndicator(ObjectProvider<DataSource> dataSource) {
			return new ReplicaHealthIndicator(SingletonSupplier.of(() -> routing(dataSource.getObject())));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "crudkitReadYourWritesFilter")
		FilterRegistrationBean<ReadYourWritesFilter> crudkitReadYourWritesFilter(CrudkitReplicaProperties properties) {
			FilterRegistrationBean<ReadYourWritesFilter> registration = new FilterRegistrationBean<>(
					new ReadYourWritesFilter(properties.header()));
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

	}

}
