package io.github.crudkit.test.liquibase;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangelogConventions}: each fixture under {@code fixtures/changelog/}
 * is a classpath root of its own, seen through a class loader that sees nothing else.
 */
class ChangelogConventionsTests {

	private static final String CHANGES = "db/changelog/changes/";

	@Test
	void acceptsChangelogFollowingEveryConvention() throws Exception {
		assertThat(violations("valid")).isEmpty();
	}

	@Test
	void requiresRollbackForRawSqlAndForChangesLiquibaseCannotReverse() throws Exception {
		assertThat(violations("missing-rollback")).containsExactly(CHANGES
				+ "0002-backfill-author.yaml [0002-backfill-author]: rollback: no rollback, and Liquibase cannot roll back sql by itself: add a rollback block",
				CHANGES + "0002-backfill-author.yaml [0002-backfill-author-drop-name]: rollback: no rollback, and Liquibase cannot roll back dropColumn by itself: add a rollback block");
	}

	@Test
	void refusesChangeSetInMaster() throws Exception {
		assertThat(violations("master-with-changeset")).containsExactly(
				"db/changelog/db.changelog-master.yaml [quick-fix]: master-includes-only: the master changelog holds includes only; move this change set to db/changelog/changes/NNNN-verb-object.yaml");
	}

	@Test
	void checksFileNamesNumbersLocationAndInclusion() throws Exception {
		assertThat(violations("bad-file-name")).containsExactly(CHANGES
				+ "0004-add-author-phone.yaml: included: the file adds no change set to the changelog: include it from db/changelog/db.changelog-master.yaml (or remove it)",
				CHANGES + "0002_AddAuthorName.yaml: file-name: '0002_AddAuthorName.yaml' does not match NNNN-verb-object.yaml (four digits, then lower-case words joined by '-', e.g. 0005-add-hero-status.yaml)",
				CHANGES + "0001-create-book.yaml: unique-number: number 0001 is already used by db/changelog/changes/0001-create-author.yaml",
				"db/changelog/extra/0003-add-author-email.yaml: file-location: change sets live in db/changelog/changes/, one logical change per file");
	}

	@Test
	void checksChangeSetIdsAndAuthors() throws Exception {
		assertThat(violations("bad-ids")).containsExactly(CHANGES
				+ "0001-add-author-name.yaml [1]: changeset-id: the id must be the file's base name '0001-add-author-name'",
				CHANGES + "0002-add-author-email.yaml [add-author-email-index]: changeset-id: the id must start with the file's base name '0002-add-author-email'",
				CHANGES + "0002-add-author-email.yaml [add-author-email-index]: author: the change set has no author");
	}

	@Test
	void checksNamesOfConstraintsAndIndexesDeclaredInChangeTypes() throws Exception {
		String prefix = CHANGES + "0001-create-book.yaml [0001-create-book]: constraint-name: ";
		assertThat(violations("bad-names")).containsExactly(
				prefix + "primary key on book(id) has no name: name it pk_book",
				prefix + "foreign key FK_8x7d6s on book(author_id) must be named fk_book_author_id (or start with it)",
				prefix + "unique constraint on book(isbn) has no name: name it uk_book_isbn",
				prefix + "index idx_author on book(author_id) must be named ix_book_author_id (or start with it)",
				prefix + "unique index ix_book_isbn on book(isbn) must be named uk_book_isbn (or start with it)",
				prefix + "foreign key book_author_fkey on book(author_id) must be named fk_book_author_id (or start with it)");
	}

	@Test
	void aLibraryChangelogKeepsItsPlaceNameAndIdsAndIsHeldToTheOtherRules() throws Exception {
		assertThat(violations("library-changelogs")).containsExactly(
				"db/changelog/vendor/audit.yaml: file-location: change sets live in db/changelog/changes/, one logical change per file",
				"db/changelog/vendor/audit.yaml: file-name: 'audit.yaml' does not match NNNN-verb-object.yaml (four digits, then lower-case words joined by '-', e.g. 0005-add-hero-status.yaml)",
				"db/changelog/crudkit/records.yaml [crudkit-records-0002-backfill]: rollback: no rollback, and Liquibase cannot roll back sql by itself: add a rollback block",
				"db/changelog/vendor/audit.yaml [audit-1]: changeset-id: the id must be the file's base name 'audit'");
	}

	@Test
	void anotherLibraryIsNamedByItsDirectory() throws Exception {
		assertThat(violations("library-changelogs",
				(conventions) -> conventions.withLibraryDirectory("db/changelog/vendor")))
			.containsExactly(
					"db/changelog/crudkit/records.yaml [crudkit-records-0002-backfill]: rollback: no rollback, and Liquibase cannot roll back sql by itself: add a rollback block");
	}

	@Test
	void allowsOnlyValidateOrNoneAsDdlAutoInApplicationConfiguration() throws Exception {
		assertThat(violations("ddl-auto-update")).containsExactly(
				"application.yml: ddl-auto: spring.jpa.hibernate.ddl-auto is 'update': Liquibase owns the schema, so only validate or none are allowed",
				"config/application-dev.properties: ddl-auto: spring.jpa.properties.hibernate.hbm2ddl.auto is 'create-drop': Liquibase owns the schema, so only validate or none are allowed");
	}

	@Test
	void reportsMissingMaster() throws Exception {
		try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			assertThat(ChangelogConventions.of(empty).check()).map(ChangelogViolation::toString)
				.containsExactly("db/changelog/db.changelog-master.yaml: parse: master changelog not found");
		}
	}

	@Test
	void reportsChangelogThatCannotBeParsed() throws Exception {
		assertThat(violations("unparsable")).singleElement()
			.asString()
			.startsWith("db/changelog/db.changelog-master.yaml: parse: ")
			.contains("0001-missing.yaml");
	}

	private static List<String> violations(String fixture) throws Exception {
		return violations(fixture, UnaryOperator.identity());
	}

	private static List<String> violations(String fixture, UnaryOperator<ChangelogConventions> configuration)
			throws Exception {
		URL root = ChangelogConventionsTests.class.getResource("/fixtures/changelog/" + fixture + "/");
		assertThat(root).isNotNull();
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root },
				ClassLoader.getPlatformClassLoader())) {
			return configuration.apply(ChangelogConventions.of(classLoader))
				.check()
				.stream()
				.map(ChangelogViolation::toString)
				.toList();
		}
	}

}
