package io.github.crudkit.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.crudkit.migration.MigrationLock;
import io.github.crudkit.migration.MigrationTimeouts;
import io.github.crudkit.migration.MigrationVerifier;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Registers {@link MigrationVerifier}, which fails start-up with one clear report when
 * the changesets applied to the database do not match the Liquibase changelog (it runs
 * after Liquibase has migrated, or, with {@code spring.liquibase.enabled=false}, instead
 * of it, and before JPA starts), {@link MigrationLock}, which lets one instance at a time
 * migrate a PostgreSQL database, {@link MigrationTimeouts}, which lets Liquibase migrate
 * without the statement and socket timeouts meant for requests, and a warning at start-up
 * when the Liquibase on the class path is 5.0 or newer (not under an open-source licence;
 * crudkit is built and tested with 4.33).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class })
@ConditionalOnClass({ SpringLiquibase.class, LiquibaseProperties.class })
@ConditionalOnBooleanProperty(name = "crudkit.migration.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitMigrationProperties.class)
public final class CrudkitMigrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "crudkit.migration.lock", matchIfMissing = true)
	static MigrationLock crudkitMigrationLock() {
		// Liquibase's own lock waits five minutes by default; so does this one.
		return new MigrationLock(Duration.ofMinutes(5));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = LiquibaseLicenceCheck.PROPERTY, matchIfMissing = true)
	static LiquibaseLicenceCheck crudkitLiquibaseLicenceCheck() {
		return new LiquibaseLicenceCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "crudkit.migration.lift-timeouts", matchIfMissing = true)
	static MigrationTimeouts crudkitMigrationTimeouts() {
		return new MigrationTimeouts();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBooleanProperty(name = "crudkit.migration.verify-on-startup", matchIfMissing = true)
	MigrationVerifier crudkitMigrationVerifier(DataSource dataSource, ObjectProvider<SpringLiquibase> liquibase,
			Environment environment, ResourceLoader resourceLoader) {
		// Asking for Liquibase here also makes it migrate before the verification runs.
		SpringLiquibase migrator = liquibase.getIfUnique();
		if (migrator != null) {
			return new MigrationVerifier(dataSource,
					(migrator.getResourceLoader() != null) ? migrator.getResourceLoader() : resourceLoader,
					new MigrationVerifier.Changelog(migrator.getChangeLog(), list(migrator.getContexts()),
							list(migrator.getLabelFilter()), migrator.getDatabaseChangeLogTable(),
							schema(migrator.getLiquibaseSchema(), migrator.getDefaultSchema())));
		}
		LiquibaseProperties properties = Binder.get(environment)
			.bind("spring.liquibase", LiquibaseProperties.class)
			.orElseGet(LiquibaseProperties::new);
		return new MigrationVerifier(dataSource, resourceLoader,
				new MigrationVerifier.Changelog(properties.getChangeLog(), nonNull(properties.getContexts()),
						nonNull(properties.getLabelFilter()), properties.getDatabaseChangeLogTable(),
						schema(properties.getLiquibaseSchema(), properties.getDefaultSchema())));
	}

	private static List<String> list(@Nullable String commaSeparated) {
		return List.of(StringUtils.commaDelimitedListToStringArray(
				StringUtils.trimAllWhitespace((commaSeparated != null) ? commaSeparated : "")));
	}

	private static List<String> nonNull(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

	private static @Nullable String schema(@Nullable String liquibaseSchema, @Nullable String defaultSchema) {
		return StringUtils.hasText(liquibaseSchema) ? liquibaseSchema
				: StringUtils.hasText(defaultSchema) ? defaultSchema : null;
	}

}
