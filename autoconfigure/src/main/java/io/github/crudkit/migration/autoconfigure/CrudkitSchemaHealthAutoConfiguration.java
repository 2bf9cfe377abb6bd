package io.github.crudkit.migration.autoconfigure;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaHealth;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link SchemaHealthStartupCheck}, which checks the schema's health once the
 * migrations have run: it logs each problem, or fails start-up with
 * {@code crudkit.migration.schema-health.fail-on-problems=true}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration")
@ConditionalOnClass({ ForeignKeysNotCoveredWithIndexCheckOnHost.class, PgConnectionImpl.class, DataSource.class })
@ConditionalOnBooleanProperty(name = { "crudkit.migration.enabled", "crudkit.migration.schema-health.enabled" },
		matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CrudkitMigrationProperties.class)
public final class CrudkitSchemaHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	SchemaHealthStartupCheck crudkitSchemaHealthStartupCheck(DataSource dataSource,
			CrudkitMigrationProperties properties) {
		CrudkitMigrationProperties.SchemaHealth schemaHealth = properties.schemaHealth();
		return new SchemaHealthStartupCheck(dataSource, SchemaHealth.of(dataSource).withChecks(schemaHealth.checks()),
				schemaHealth.failOnProblems());
	}

}
