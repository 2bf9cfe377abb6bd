package io.github.crudkit.idempotency.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.crudkit.idempotency.IdempotencyStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of the Idempotency-Key support. The data source points at a port where
 * nothing listens, so the look for the table fails at once and is only logged: what the
 * filter does against PostgreSQL is tested by {@link IdempotencyFilterIntegrationTests}
 * and the sample's integration tests.
 */
class CrudkitIdempotencyAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitIdempotencyAutoConfiguration.class))
		.withUserConfiguration(DataSourceConfiguration.class, TransactionManagerConfiguration.class);

	@Test
	void registersTheStoreTheTableCheckTheCleanupAndTheFilter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(IdempotencyStore.class)
				.hasSingleBean(IdempotencyTableCheck.class)
				.hasSingleBean(IdempotencyCleanup.class)
				.hasBean("crudkitIdempotencyFilter");
			FilterRegistrationBean<?> filter = context.getBean("crudkitIdempotencyFilter",
					FilterRegistrationBean.class);
			assertThat(filter.getFilter()).isInstanceOf(IdempotencyFilter.class);
			assertThat(filter.getOrder()).isEqualTo(CrudkitIdempotencyAutoConfiguration.FILTER_ORDER);
		});
	}

	@Test
	void keepsAnswersADayRecordsLocationAndETagAndFollowsTheTableUnlessTold() {
		this.contextRunner.run((context) -> {
			CrudkitIdempotencyProperties properties = context.getBean(CrudkitIdempotencyProperties.class);
			assertThat(properties.enabled()).isNull();
			assertThat(properties.retention()).isEqualTo(Duration.ofHours(24));
			assertThat(properties.cleanupInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.recordedHeaders()).containsExactly("Location", "ETag");
		});
	}

	@Test
	void bindsItsProperties() {
		this.contextRunner
			.withPropertyValues("crudkit.idempotency.enabled=true", "crudkit.idempotency.retention=48h",
					"crudkit.idempotency.cleanup-interval=10m",
					"crudkit.idempotency.recorded-headers=Location,ETag,Content-Location")
			.run((context) -> {
				CrudkitIdempotencyProperties properties = context.getBean(CrudkitIdempotencyProperties.class);
				assertThat(properties.enabled()).isTrue();
				assertThat(properties.retention()).isEqualTo(Duration.ofHours(48));
				assertThat(properties.cleanupInterval()).isEqualTo(Duration.ofMinutes(10));
				assertThat(properties.recordedHeaders()).containsExactly("Location", "ETag", "Content-Location");
			});
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.idempotency.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(IdempotencyStore.class)
				.doesNotHaveBean("crudkitIdempotencyFilter")
				.doesNotHaveBean(IdempotencyCleanup.class));
	}

	@Test
	void withoutATransactionManagerThereIsNoFilter() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitIdempotencyAutoConfiguration.class))
			.withUserConfiguration(DataSourceConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("crudkitIdempotencyFilter"));
	}

	@Test
	void backsOffWhenUserDefinesTheStore() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(IdempotencyStore.class)
				.hasBean("userStore")
				.doesNotHaveBean("crudkitIdempotencyStore"));
	}

	@Test
	void isNotRegisteredOutsideServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitIdempotencyAutoConfiguration.class))
			.withUserConfiguration(DataSourceConfiguration.class, TransactionManagerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IdempotencyStore.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nothing-listens-here");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TransactionManagerConfiguration {

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		IdempotencyStore userStore(DataSource dataSource) {
			return new IdempotencyStore(dataSource);
		}

	}

}
