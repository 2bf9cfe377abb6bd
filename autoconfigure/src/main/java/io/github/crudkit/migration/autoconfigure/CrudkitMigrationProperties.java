package io.github.crudkit.migration.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's migration verification.
 *
 * @param verifyOnStartup Whether start-up compares the Liquibase changelog with the changesets applied to the
 * database and fails, naming them, when the database is ahead of the changelog (changesets it does not have) or
 * behind it (changesets not applied).
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.migration")
public record CrudkitMigrationProperties(@DefaultValue("true") boolean verifyOnStartup) {

}
