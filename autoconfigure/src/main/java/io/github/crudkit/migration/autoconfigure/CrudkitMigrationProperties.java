package io.github.crudkit.migration.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's migration verification.
 *
 * @param verifyOnStartup Whether start-up compares the Liquibase changelog with the
 * changesets applied to the database and fails, naming them, when the database is ahead
 * of the changelog (changesets it does not have) or behind it (changesets not applied).
 * @param lock Whether instances migrating a PostgreSQL database take turns, holding an
 * advisory lock while Liquibase runs, so that instances starting at once on a fresh
 * database do not race to create Liquibase's tables.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.migration")
public record CrudkitMigrationProperties(@DefaultValue("true") boolean verifyOnStartup,
		@DefaultValue("true") boolean lock) {

}
