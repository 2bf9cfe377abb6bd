package io.github.crudkit.migration.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.crudkit.migration.MigrationLock;
import io.github.crudkit.migration.MigrationTimeouts;
import io.github.crudkit.migration.MigrationVerifier;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of the verifier. The changelog named here does not exist, so the verifier
 * never connects: what it finds in a real database is tested against PostgreSQL by the
 * sample's {@code ReliabilityMigrationSafety} integration tests.
 */
class CrudkitMigrationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitMigrationAutoConfiguration.class))
		.withUserConfiguration(DataSourceConfiguration.class)
		.withPropertyValues("spring.liquibase.change-log=classpath:db/no-such-changelog.yaml");

	@Test
	void registersVerifierByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(MigrationVerifier.class)
			.hasBean("crudkitMigrationVerifier")
			.hasSingleBean(MigrationLock.class)
			.hasSingleBean(MigrationTimeouts.class)
			.hasSingleBean(CrudkitMigrationProperties.class)
			.getBean(CrudkitMigrationProperties.class)
			.satisfies((properties) -> assertThat(properties.verifyOnStartup()).isTrue()));
	}

	@Test
	void backsOffWhenUserDefinesVerifier() {
		this.contextRunner.withUserConfiguration(UserVerifierConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationVerifier.class)
				.hasBean("userMigrationVerifier")
				.doesNotHaveBean("crudkitMigrationVerifier"));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.verify-on-startup=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationVerifier.class));
	}

	@Test
	void verifierIsSwitchedOffAloneByItsProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.verify-on-startup=false")
			.run((context) -> assertThat(context).hasSingleBean(MigrationLock.class));
	}

	@Test
	void lockIsSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.lock=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationLock.class)
				.hasSingleBean(MigrationVerifier.class));
	}

	@Test
	void liftingTheTimeoutsOfMigrationsIsSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.lift-timeouts=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationTimeouts.class)
				.hasSingleBean(MigrationLock.class));
	}

	@Test
	void lockBacksOffWhenUserDefinesOne() {
		this.contextRunner
			.withBean("userMigrationLock", MigrationLock.class, () -> new MigrationLock(Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).hasSingleBean(MigrationLock.class)
				.hasBean("userMigrationLock")
				.doesNotHaveBean("crudkitMigrationLock"));
	}

	@Test
	void checksLiquibaseLicenceByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LiquibaseLicenceCheck.class)
			.getBean(CrudkitMigrationProperties.class)
			.satisfies((properties) -> assertThat(properties.liquibaseLicenceCheck()).isTrue()));
	}

	@Test
	void liquibaseLicenceCheckIsSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.liquibase-licence-check=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LiquibaseLicenceCheck.class)
				.hasSingleBean(MigrationVerifier.class));
	}

	@Test
	void isNotRegisteredWithoutLiquibase() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringLiquibase.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationVerifier.class)
				.doesNotHaveBean(MigrationLock.class)
				.doesNotHaveBean(LiquibaseLicenceCheck.class));
	}

	@Test
	void verifierIsNotRegisteredWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrudkitMigrationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationVerifier.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			// Never connected to: the changelog does not exist, so there is nothing to
			// compare.
			return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nothing");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserVerifierConfiguration {

		@Bean
		MigrationVerifier userMigrationVerifier(DataSource dataSource) {
			return new MigrationVerifier(dataSource, new DefaultResourceLoader(),
					new MigrationVerifier.Changelog("classpath:db/no-such-changelog.yaml", java.util.List.of(),
							java.util.List.of(), "DATABASECHANGELOG", null));
		}

	}

}
