package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.crudkit.idempotency.IdempotencyStore;
import io.github.crudkit.migration.MigrationMismatchException;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample refuses to start against a schema that is ahead of its changelog (a newer
 * version migrated it) or behind it (migrations switched off, changesets missing), with
 * one report naming the changesets, and never changes or drops the data it finds.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReliabilityMigrationSafetyIntegrationTests {

	private static final String FUTURE_CHANGE_SET = "db/changelog/changes/9001-add-hero-rank.yaml::9001-add-hero-rank::crudkit";

	/**
	 * The sample's changesets as the verification names them, one per file of
	 * {@code db/changelog/changes} with the file's base name as its id (the changelog
	 * conventions), in order, then crudkit's.
	 */
	private static final List<String> CHANGE_SETS = changeSets();

	/**
	 * How many changesets the older version of the sample in {@code db/changelog-behind}
	 * applied.
	 */
	private static final int BEHIND = 4;

	private final Figures figures = new Figures("migration-safety");

	@Test
	void schemaAheadOfTheCodeFailsStartupNamingTheChangeSetAndKeepsTheData(CapturedOutput output) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			SampleInstance.start(database).close();
			JdbcClient jdbc = ProxiedDatabase.direct(database);
			jdbc.sql("INSERT INTO team (id, name, version, created_at, updated_at) VALUES (1, 'Kept', 0, now(), now())")
				.update();
			// What a newer version of the sample would have done: one more changeset,
			// applied and recorded.
			jdbc.sql("ALTER TABLE hero ADD COLUMN rank integer").update();
			jdbc.sql(
					"""
							INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,
							    description, liquibase, deployment_id)
							VALUES ('9001-add-hero-rank', 'crudkit', 'db/changelog/changes/9001-add-hero-rank.yaml', now(), 9001,
							    'EXECUTED', '9:0123456789abcdef0123456789abcdef', 'addColumn tableName=hero', '4.33.0', '1')
							""")
				.update();
			int mark = output.length();

			assertThatThrownBy(() -> SampleInstance.start(database))
				.satisfies((ex) -> assertThat(mismatch(ex)).isNotNull()
					.satisfies((mismatch) -> assertThat(mismatch.getAhead()).containsExactly(FUTURE_CHANGE_SET))
					.satisfies((mismatch) -> assertThat(mismatch.getBehind()).isEmpty()));

			String report = report(output, mark);
			this.figures.put("aheadReport",
					report.lines().filter((line) -> line.contains("ahead")).findFirst().orElse(""));
			assertThat(report).contains("The database schema does not match the changelog")
				.contains("The database is ahead of this code: 1 changeset(s) applied to it are not in the changelog:")
				.contains("    - " + FUTURE_CHANGE_SET)
				.contains("Nothing was changed in the database")
				.doesNotContain("Schema-validation");
			assertThat(jdbc.sql("SELECT name FROM team").query(String.class).list()).containsExactly("Kept");
			assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single())
				.isEqualTo(CHANGE_SETS.size() + 1);
			assertThat(columnExists(jdbc, "hero", "rank")).isTrue();
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	@Test
	void schemaBehindTheCodeWithMigrationsOffFailsStartupNamingTheChangeSetsAndChangesNothing(CapturedOutput output) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			// An older version of the sample migrated this database: its first four
			// changesets.
			SampleInstance
				.start(database, "--spring.liquibase.change-log=classpath:db/changelog-behind/db.changelog-master.yaml",
						"--spring.jpa.hibernate.ddl-auto=none", "--spring.main.web-application-type=none")
				.close();
			JdbcClient jdbc = ProxiedDatabase.direct(database);
			jdbc.sql("INSERT INTO team (id, name, version, created_at, updated_at) VALUES (1, 'Kept', 0, now(), now())")
				.update();
			int mark = output.length();

			assertThatThrownBy(() -> SampleInstance.start(database, "--spring.liquibase.enabled=false"))
				.satisfies((ex) -> assertThat(mismatch(ex)).isNotNull()
					.satisfies((mismatch) -> assertThat(mismatch.getAhead()).isEmpty())
					.satisfies((mismatch) -> assertThat(mismatch.getBehind())
						.containsExactlyElementsOf(CHANGE_SETS.subList(BEHIND, CHANGE_SETS.size()))));

			String report = report(output, mark);
			this.figures.put("behindReport",
					report.lines().filter((line) -> line.contains("behind")).findFirst().orElse(""));
			assertThat(report)
				.contains("The database is behind this code: " + (CHANGE_SETS.size() - BEHIND)
						+ " changeset(s) of the changelog are not applied to it:")
				.contains("    - db/changelog/changes/0005-add-hero-status.yaml::0005-add-hero-status::crudkit")
				.contains("spring.liquibase.enabled")
				.doesNotContain("Schema-validation");
			assertThat(jdbc.sql("SELECT name FROM team").query(String.class).list()).containsExactly("Kept");
			assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single()).isEqualTo(BEHIND);
			assertThat(columnExists(jdbc, "hero", "status")).isFalse();

			// With migrations on, the same database is brought forward and the data kept.
			try (SampleInstance migrated = SampleInstance.start(database)) {
				assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single())
					.isEqualTo(CHANGE_SETS.size());
				assertThat(jdbc.sql("SELECT name FROM team").query(String.class).list()).containsExactly("Kept");
			}
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	@Test
	void emptyDatabaseWithMigrationsOffFailsStartupAndIsLeftEmpty(CapturedOutput output) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			assertThatThrownBy(() -> SampleInstance.start(database, "--spring.liquibase.enabled=false"))
				.satisfies((ex) -> assertThat(mismatch(ex)).isNotNull()
					.satisfies((mismatch) -> assertThat(mismatch.getBehind()).isEqualTo(CHANGE_SETS)));

			JdbcClient jdbc = ProxiedDatabase.direct(database);
			List<String> tables = jdbc
				.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
				.query(String.class)
				.list();
			this.figures.put("emptyDatabaseBehind",
					CHANGE_SETS.size() + " changesets named, tables created: " + tables.size());
			assertThat(tables).as("the verification only reads").isEmpty();
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static List<String> changeSets() {
		try {
			List<String> changeSets = new ArrayList<>(Arrays
				.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/changelog/changes/*.yaml"))
				.map(Resource::getFilename)
				.map((file) -> "db/changelog/changes/" + file + "::" + file.substring(0, file.lastIndexOf('.'))
						+ "::crudkit")
				.sorted()
				.toList());
			// Last, the table of crudkit's Idempotency-Key records, which the master
			// changelog includes after the sample's own changes.
			changeSets.add(IdempotencyStore.CHANGELOG + "::crudkit-idempotency-0001-create-table::crudkit");
			return changeSets;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MigrationMismatchException mismatch(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationMismatchException mismatch) {
				return mismatch;
			}
		}
		throw new AssertionError("not a migration mismatch", ex);
	}

	private static String report(CapturedOutput output, int mark) {
		String out = output.getAll().substring(Math.min(mark, output.getAll().length()));
		int start = out.indexOf("APPLICATION FAILED TO START");
		assertThat(start).as("Boot's failure report").isNotNegative();
		return out.substring(start);
	}

	private static boolean columnExists(JdbcClient jdbc, String table, String column) {
		return jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?")
			.param(table)
			.param(column)
			.query(Long.class)
			.single() > 0;
	}

}
