package io.github.crudkit.migration.autoconfigure;

import java.util.Set;

import io.github.mfvanek.pg.core.checks.common.Diagnostic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of what crudkit does about migrations and the schema while the
 * application starts.
 *
 * @param enabled Whether crudkit verifies and serialises migrations at start-up.
 * @param verifyOnStartup Whether start-up compares the Liquibase changelog with the
 * changesets applied to the database and fails, naming them, when the database is ahead
 * of the changelog (changesets it does not have) or behind it (changesets not applied).
 * @param lock Whether instances migrating a PostgreSQL database take turns, holding an
 * advisory lock while Liquibase runs, so that instances starting at once on a fresh
 * database do not race to create Liquibase's tables.
 * @param liquibaseLicenceCheck Whether start-up logs a warning when the Liquibase on the
 * class path is 5.0 or newer, which is under the Functional Source License, not an
 * open-source licence (crudkit is built and tested with 4.33; the Maven property
 * liquibase.version=4.33.0 in the application's pom selects it).
 * @param liftTimeouts Whether Liquibase migrates on connections without a statement
 * timeout and without a driver socket timeout, restored before each connection goes back
 * to the pool, so that the timeouts meant for requests do not cut a long migration short.
 * @param schemaHealth The schema health check once the migrations have run.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.migration")
public record CrudkitMigrationProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("true") boolean verifyOnStartup, @DefaultValue("true") boolean lock,
		@DefaultValue("true") boolean liquibaseLicenceCheck, @DefaultValue("true") boolean liftTimeouts,
		@DefaultValue SchemaHealth schemaHealth) {

	/**
	 * Configuration of the schema health check at start-up.
	 *
	 * @param enabled Whether the schema's health (foreign keys without an index,
	 * duplicated or invalid indexes, tables without a primary key, ...) is checked once
	 * the application has started and its migrations have run.
	 * @param failOnProblems Whether a problem fails start-up; otherwise each problem is
	 * logged as a warning.
	 * @param checks Checks to run, by pg-index-health diagnostic name (for example
	 * "foreign-keys-without-index"); the default set is crudkit's choice of structural
	 * checks (SchemaHealth.DEFAULT_CHECKS).
	 */
	public record SchemaHealth(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean failOnProblems,
			@DefaultValue( {
					"foreign-keys-without-index", "duplicated-indexes", "intersected-indexes", "invalid-indexes",
					"tables-without-primary-key", "duplicated-foreign-keys", "intersected-foreign-keys",
					"foreign-keys-with-unmatched-column-type", "not-valid-constraints",
					"btree-indexes-on-array-columns", "columns-with-json-type" }) Set<Diagnostic> checks){

	}

}
