package io.github.crudkit.liquibase.autoconfigure;

import java.util.Set;

import io.github.mfvanek.pg.core.checks.common.Diagnostic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's schema health check at start-up.
 *
 * @param enabled Whether the schema's health (foreign keys without an index, duplicated
 * or invalid indexes, tables without a primary key, ...) is checked once the application
 * has started and its migrations have run.
 * @param failOnProblems Whether a problem fails start-up; otherwise each problem is
 * logged as a warning.
 * @param checks Checks to run, by pg-index-health diagnostic name (for example
 * "foreign-keys-without-index"); the default set is crudkit's choice of structural checks
 * (SchemaHealth.DEFAULT_CHECKS).
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.schema-checks")
public record CrudkitSchemaChecksProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("false") boolean failOnProblems, @DefaultValue( {
				"foreign-keys-without-index", "duplicated-indexes", "intersected-indexes", "invalid-indexes",
				"tables-without-primary-key", "duplicated-foreign-keys", "intersected-foreign-keys",
				"foreign-keys-with-unmatched-column-type", "not-valid-constraints", "btree-indexes-on-array-columns",
				"columns-with-json-type" }) Set<Diagnostic> checks){

}
