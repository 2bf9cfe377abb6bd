package io.github.crudkit.test.liquibase;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaHealth;
import io.github.crudkit.test.liquibase.lint.LintFinding;
import io.github.crudkit.test.liquibase.lint.MigrationLint;
import io.github.crudkit.test.postgres.PostgresServer;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migration checks of {@code io.github.crudkit.liquibase}, each one line in a test, each
 * failing with one line per problem: <pre class="code">
 * MigrationAssertions.assertChangelogFollowsConventions();
 * MigrationAssertions.assertRoundTrip();
 * MigrationAssertions.assertNoSchemaDrift(entityManagerFactory, dataSource);
 * MigrationAssertions.assertSchemaHealthy(dataSource);
 * MigrationAssertions.assertMigrationsLockSafe(entityManagerFactory);
 * </pre>
 *
 * @since 0.1.0
 */
public final class MigrationAssertions {

	private MigrationAssertions() {
	}

	/**
	 * Assert that the changelog on the classpath
	 * ({@value ChangelogConventions#DEFAULT_MASTER}) and the application's configuration
	 * follow crudkit's {@linkplain ChangelogConventions conventions}.
	 */
	public static void assertChangelogFollowsConventions() {
		assertChangelogFollowsConventions(ChangelogConventions.onClasspath());
	}

	/**
	 * Assert that a changelog follows crudkit's conventions.
	 * @param conventions the conventions check, for example with another master file
	 */
	public static void assertChangelogFollowsConventions(ChangelogConventions conventions) {
		assertNone("changelog convention violation(s)",
				conventions.check().stream().map(ChangelogViolation::toString).toList());
	}

	/**
	 * Assert that the changelog on the classpath
	 * ({@value ChangelogConventions#DEFAULT_MASTER}) goes up, all the way down and up
	 * again on a fresh database of the {@linkplain TestPostgres#server() test server},
	 * leaving nothing behind and rebuilding the same schema.
	 */
	public static void assertRoundTrip() {
		assertRoundTrip(MigrationRoundTrip::of);
	}

	/**
	 * Assert that a changelog goes up, all the way down and up again on a fresh database.
	 * @param changelog classpath location of the master changelog
	 */
	public static void assertRoundTrip(String changelog) {
		assertRoundTrip((dataSource) -> MigrationRoundTrip.of(dataSource).withChangelog(changelog));
	}

	/**
	 * Assert that a round trip, prepared on a fresh database, finds no problem.
	 * @param roundTrip prepares the round trip on the fresh database's data source
	 */
	public static void assertRoundTrip(Function<DataSource, MigrationRoundTrip> roundTrip) {
		PostgresServer server = TestPostgres.server();
		TestDatabase database = server.createDatabase();
		try {
			assertNone("problem(s) in the round trip update -> rollback -> update",
					roundTrip.apply(dataSource(database)).run());
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/**
	 * Assert that the JPA mappings and the migrated schema agree: every mapped table,
	 * column, unique constraint and index is in the schema, and every column of the
	 * schema is mapped.
	 * @param entityManagerFactory the application's entity manager factory
	 * @param dataSource the application's (migrated) data source
	 * @param ignoring tables or {@code table.column} names to leave out ({@code *} as a
	 * wildcard), for example a column added by the expand step of an expand/contract
	 * migration
	 */
	public static void assertNoSchemaDrift(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			String... ignoring) {
		assertNone("difference(s) between the JPA mappings and the schema",
				SchemaDrift.of(entityManagerFactory, dataSource).ignoring(ignoring).differences());
	}

	/**
	 * Assert that the schema passes crudkit's {@linkplain SchemaHealth#DEFAULT_CHECKS
	 * default health checks}: every foreign key has an index, no index is duplicated,
	 * overlapping or invalid, every table has a primary key, ...
	 * @param dataSource the application's (migrated) data source
	 */
	public static void assertSchemaHealthy(DataSource dataSource) {
		assertSchemaHealthy(SchemaHealth.of(dataSource));
	}

	/**
	 * Assert that the schema passes the given health checks.
	 * @param health the health checks
	 */
	public static void assertSchemaHealthy(SchemaHealth health) {
		assertNone("schema health problem(s)", health.problems());
	}

	/**
	 * Assert that no changeset of the changelog on the classpath
	 * ({@value MigrationLint#DEFAULT_MASTER}) breaks a rule of the
	 * {@linkplain MigrationLint migration lint}, except where it waives the rule with a
	 * reason; the entity mappings tell which columns are still mapped and how long text
	 * columns are.
	 * @param entityManagerFactory the application's entity manager factory
	 */
	public static void assertMigrationsLockSafe(EntityManagerFactory entityManagerFactory) {
		assertMigrationsLockSafe(MigrationLint.onClasspath().withMappings(entityManagerFactory));
	}

	/**
	 * Assert that a migration lint finds nothing.
	 * @param lint the lint, for example of another changelog
	 */
	public static void assertMigrationsLockSafe(MigrationLint lint) {
		assertNone("migration lint finding(s)", lint.check().stream().map(LintFinding::toString).toList());
	}

	/**
	 * Return a data source for a test database.
	 * @param database the database
	 * @return a data source that opens a new connection each time
	 */
	public static DataSource dataSource(TestDatabase database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.jdbcUrl());
		dataSource.setUser(database.username());
		if (!database.password().isEmpty()) {
			dataSource.setPassword(database.password());
		}
		return dataSource;
	}

	private static void assertNone(String what, List<String> problems) {
		if (!problems.isEmpty()) {
			throw new AssertionError(problems.size() + " " + what + ":\n  " + String.join("\n  ", problems));
		}
	}

}
