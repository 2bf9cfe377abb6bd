package io.github.crudkit.test.liquibase.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import io.github.crudkit.test.liquibase.MigrationAssertions;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationLint}: a changelog whose changesets each break one rule once
 * ({@code fixtures/lint/unsafe}), and one with the safe form of each
 * ({@code fixtures/lint/safe}), which passes the lint and runs on PostgreSQL; the
 * mappings come from the entity {@link Gadget}.
 */
class MigrationLintIntegrationTests {

	private static final String UNSAFE = "fixtures/lint/unsafe/db.changelog-master.yaml";

	private static final String SAFE = "fixtures/lint/safe/db.changelog-master.yaml";

	private static TestDatabase database;

	private static EntityManagerFactory entityManagerFactory;

	private static List<LintFinding> unsafe;

	@BeforeAll
	static void lintTheUnsafeChangelog() {
		database = TestPostgres.server().createDatabase();
		entityManagerFactory = new HibernatePersistenceConfiguration("lint").managedClasses(Gadget.class)
			.jdbcUrl(database.jdbcUrl())
			.jdbcCredentials(database.username(), database.password())
			.createEntityManagerFactory();
		unsafe = lint(UNSAFE);
	}

	@AfterAll
	static void dropDatabase() {
		entityManagerFactory.close();
		TestPostgres.server().dropDatabase(database);
	}

	@Test
	void theUnsafeChangelogBreaksEachRuleOnce() {
		assertThat(unsafe).extracting(LintFinding::rule).containsExactlyInAnyOrder(LintRule.values());
	}

	@Test
	void indexOnAnExistingTableWithoutConcurrently() {
		assertThat(finding(LintRule.INDEX_CONCURRENTLY)).hasToString(
				"fixtures/lint/unsafe/db.changelog-master.yaml [index-gadget-name] CK-L001 index-concurrently: CREATE "
						+ "INDEX ix_gadget_name on table gadget (created by create-tables) without CONCURRENTLY: build it "
						+ "with CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction: false (a "
						+ "constraint: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX)");
		assertThat(safeChangeSet("index-gadget-name")).isEmpty();
	}

	@Test
	void concurrentlyInATransaction() {
		assertThat(finding(LintRule.CONCURRENTLY_IN_TRANSACTION)).satisfies(
				(finding) -> assertThat(finding.changeSetId()).isEqualTo("index-part-gadget-id"),
				(finding) -> assertThat(finding.problem()).isEqualTo(
						"CREATE INDEX CONCURRENTLY ix_part_gadget_id on part runs in the changeset's transaction"));
		assertThat(safeChangeSet("index-part-gadget-id")).isEmpty();
	}

	@Test
	void foreignKeyValidatedAtOnce() {
		assertThat(finding(LintRule.CONSTRAINT_NOT_VALID)).satisfies(
				(finding) -> assertThat(finding.changeSetId()).isEqualTo("add-part-gadget-fk"),
				(finding) -> assertThat(finding.problem()).isEqualTo(
						"foreign key fk_part_gadget_id is added to table part (created by create-tables) and validated "
								+ "at once"));
		assertThat(safeChangeSet("add-part-gadget-fk")).isEmpty();
		assertThat(safeChangeSet("validate-part-gadget-fk")).isEmpty();
	}

	@Test
	void constraintValidatedInTheTransactionThatAddedItOrNeverValidated() {
		String changelog = """
				databaseChangeLog:
				  - changeSet:
				      id: create
				      author: crudkit
				      changes:
				        - sql: { sql: "CREATE TABLE t (id bigint PRIMARY KEY, n integer)" }
				  - changeSet:
				      id: same-transaction
				      author: crudkit
				      changes:
				        - sql: { sql: "ALTER TABLE t ADD CONSTRAINT ck_t_n CHECK (n > 0) NOT VALID" }
				        - sql: { sql: "ALTER TABLE t VALIDATE CONSTRAINT ck_t_n" }
				  - changeSet:
				      id: never-validated
				      author: crudkit
				      changes:
				        - sql: { sql: "ALTER TABLE t ADD CONSTRAINT ck_t_id CHECK (id > 0) NOT VALID" }
				""";
		assertThat(InlineChangelog.lint(changelog)).extracting(Object::toString)
			.containsExactly("db/changelog/db.changelog-master.yaml [same-transaction] CK-L003 constraint-not-valid: "
					+ "constraint ck_t_n is validated in the transaction that added it, which still holds the lock "
					+ "that adding it took on t: " + LintRule.CONSTRAINT_NOT_VALID.fix(),
					"db/changelog/db.changelog-master.yaml [never-validated] CK-L003 constraint-not-valid: "
							+ "constraint ck_t_id on t is added NOT VALID and never validated: "
							+ LintRule.CONSTRAINT_NOT_VALID.fix());
	}

	@Test
	void notNullColumnWithoutADefault() {
		assertThat(finding(LintRule.ADD_COLUMN_NOT_NULL).problem()).isEqualTo(
				"column gadget.weight is added NOT NULL without a default to table gadget (created by create-tables)");
		assertThat(safeChangeSet("add-gadget-weight")).isEmpty();
	}

	@Test
	void setNotNullWithoutAValidatedCheck() {
		assertThat(finding(LintRule.SET_NOT_NULL).problem())
			.isEqualTo("SET NOT NULL on gadget.label scans the table without a validated CHECK (label IS NOT NULL)");
		assertThat(safeChangeSet("check-gadget-label")).isEmpty();
		assertThat(safeChangeSet("require-gadget-label")).isEmpty();
	}

	@Test
	void columnTypeChange() {
		assertThat(finding(LintRule.COLUMN_TYPE).problem())
			.isEqualTo("column legacy.code changes type from varchar(10) to integer");
		assertThat(safeChangeSet("widen-legacy-code")).isEmpty();
	}

	@Test
	void renamedColumn() {
		assertThat(finding(LintRule.RENAME).problem()).isEqualTo("column legacy.old_name is renamed to new_name");
		assertThat(safeChangeSet("add-legacy-new-name")).isEmpty();
	}

	@Test
	void droppedColumnThatAnEntityMaps() {
		assertThat(finding(LintRule.DROP_MAPPED).problem())
			.isEqualTo("column gadget.color is dropped but Gadget.color maps it");
		assertThat(safeChangeSet("drop-legacy-old-name")).isEmpty();
	}

	@Test
	void rewriteWithoutLockTimeout() {
		assertThat(finding(LintRule.LOCK_TIMEOUT).problem()).isEqualTo("column legacy.token is added with a value "
				+ "computed for every row, which rewrites legacy under an ACCESS EXCLUSIVE lock, and no lock_timeout "
				+ "is set");
		assertThat(safeChangeSet("add-legacy-token")).isEmpty();
	}

	@Test
	void generatedIntegerPrimaryKey() {
		assertThat(finding(LintRule.INT_PRIMARY_KEY).problem())
			.isEqualTo("primary key counter.id is integer and generated");
		assertThat(safeChangeSet("create-counter")).isEmpty();
	}

	@Test
	void timestampWithoutTimeZone() {
		assertThat(finding(LintRule.TIMESTAMP_WITHOUT_TIME_ZONE).problem())
			.isEqualTo("column legacy.seen_at is timestamp without time zone");
		assertThat(safeChangeSet("add-legacy-seen-at")).isEmpty();
	}

	@Test
	void varcharThatTheMappingSizesOtherwise() {
		assertThat(finding(LintRule.VARCHAR_LENGTH)).satisfies(
				(finding) -> assertThat(finding.changeSetId()).isEqualTo("add-gadget-label"),
				(finding) -> assertThat(finding.problem())
					.isEqualTo("column gadget.label is varchar(40) but Gadget.label has length 60"));
		assertThat(safeChangeSet("add-gadget-label")).isEmpty();
	}

	@Test
	void waiverWithoutAReason() {
		assertThat(finding(LintRule.WAIVER)).satisfies(
				(finding) -> assertThat(finding.changeSetId()).isEqualTo("waive-without-reason"),
				(finding) -> assertThat(finding.problem()).isEqualTo("the waiver of CK-L001 gives no reason"));
		// The safe changelog's index-legacy-code waives CK-L001 with a reason.
		assertThat(safeChangeSet("index-legacy-code")).isEmpty();
	}

	@Test
	void theSafeChangelogPassesAndRunsOnPostgres() throws Exception {
		assertThat(lint(SAFE)).isEmpty();
		TestDatabase target = TestPostgres.server().createDatabase();
		try (Connection connection = MigrationAssertions.dataSource(target).getConnection()) {
			ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(getClass().getClassLoader());
			Liquibase liquibase = new Liquibase(SAFE, accessor,
					DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
			liquibase.update("");
			assertThat(liquibase.listUnrunChangeSets(null, null)).isEmpty();
		}
		finally {
			TestPostgres.server().dropDatabase(target);
		}
	}

	@Test
	void withoutMappingsTheMappingRulesStaySilent() {
		assertThat(MigrationLint.onClasspath().withChangelog(UNSAFE).check()).extracting(LintFinding::rule)
			.doesNotContain(LintRule.DROP_MAPPED, LintRule.VARCHAR_LENGTH)
			.hasSize(LintRule.values().length - 2);
	}

	@Test
	void assertionFailsWithOneLinePerFinding() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationAssertions.assertMigrationsLockSafe(
					MigrationLint.onClasspath().withChangelog(UNSAFE).withMappings(entityManagerFactory)))
			.withMessageStartingWith("13 migration lint finding(s):\n  fixtures/lint/unsafe/db.changelog-master.yaml "
					+ "[add-gadget-label] CK-L012 varchar-length: ");
	}

	private static LintFinding finding(LintRule rule) {
		List<LintFinding> found = unsafe.stream().filter((finding) -> finding.rule() == rule).toList();
		assertThat(found).as("findings of %s", rule.code()).hasSize(1);
		return found.get(0);
	}

	private static List<LintFinding> safeChangeSet(String id) {
		return lint(SAFE).stream().filter((finding) -> finding.changeSetId().equals(id)).toList();
	}

	private static List<LintFinding> lint(String changelog) {
		return MigrationLint.onClasspath().withChangelog(changelog).withMappings(entityManagerFactory).check();
	}

	/**
	 * A changelog written in a test, linted from a class path root of its own.
	 */
	private static final class InlineChangelog {

		static List<LintFinding> lint(String yaml) {
			try {
				Path root = Files.createTempDirectory("crudkit-lint");
				Path master = root.resolve(MigrationLint.DEFAULT_MASTER);
				Files.createDirectories(master.getParent());
				Files.writeString(master, yaml);
				try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() },
						MigrationLintIntegrationTests.class.getClassLoader().getParent())) {
					return MigrationLint.of(loader).check();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
