package io.github.crudkit.migration.autoconfigure;

import java.util.Set;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaHealth;
import io.github.crudkit.migration.SchemaProblemsException;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CrudkitSchemaHealthAutoConfiguration}. The data source points at a
 * port where nothing listens: these tests are about wiring; the checks themselves run
 * against PostgreSQL in {@code SchemaHealthIntegrationTests} and
 * {@link SchemaHealthStartupCheckIntegrationTests}.
 */
class CrudkitSchemaHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitSchemaHealthAutoConfiguration.class))
		.withUserConfiguration(UnreachableDataSourceConfiguration.class);

	@Test
	void registersStartupCheckByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(SchemaHealthStartupCheck.class)
			.hasBean("crudkitSchemaHealthStartupCheck"));
	}

	@Test
	void defaultChecksAreCrudkitsDefaults() {
		this.contextRunner.run((context) -> {
			CrudkitMigrationProperties.SchemaHealth properties = context.getBean(CrudkitMigrationProperties.class)
				.schemaHealth();
			assertThat(properties.checks()).isEqualTo(SchemaHealth.DEFAULT_CHECKS);
			assertThat(properties.failOnProblems()).isFalse();
		});
	}

	@Test
	void bindsChecksByDiagnosticName() {
		this.contextRunner
			.withPropertyValues(
					"crudkit.migration.schema-health.checks=foreign-keys-without-index,tables-without-primary-key")
			.run((context) -> assertThat(context.getBean(CrudkitMigrationProperties.class).schemaHealth().checks())
				.isEqualTo(Set.of(Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX, Diagnostic.TABLES_WITHOUT_PRIMARY_KEY)));
	}

	@Test
	void backsOffWhenUserDefinesStartupCheck() {
		this.contextRunner.withUserConfiguration(UserCheckConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SchemaHealthStartupCheck.class)
				.hasBean("userSchemaHealthStartupCheck")
				.doesNotHaveBean("crudkitSchemaHealthStartupCheck"));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.migration.schema-health.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SchemaHealthStartupCheck.class));
	}

	@Test
	void isNotRegisteredWithoutPgIndexHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ForeignKeysNotCoveredWithIndexCheckOnHost.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SchemaHealthStartupCheck.class));
	}

	@Test
	void isNotRegisteredWithoutDataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitSchemaHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SchemaHealthStartupCheck.class));
	}

	@Test
	void onlyWarnsWhenChecksCannotRunByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsStartupWhenChecksCannotRunAndFailOnProblemsIsSet() {
		this.contextRunner.withPropertyValues("crudkit.migration.schema-health.fail-on-problems=true")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(SchemaProblemsException.class)
				.hasMessageStartingWith(
						"The database schema has 1 problem(s):\n  the schema health checks could not run: "));
	}

	@Configuration(proxyBeanMethods = false)
	static class UnreachableDataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:1/nothing",
					"postgres", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheckConfiguration {

		@Bean
		SchemaHealthStartupCheck userSchemaHealthStartupCheck(DataSource dataSource) {
			return new SchemaHealthStartupCheck(dataSource, SchemaHealth.of(dataSource).withChecks(Set.of()), false);
		}

	}

}
