package io.github.crudkit.test.liquibase;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.crudkit.test.liquibase.drift.Author;
import io.github.crudkit.test.liquibase.drift.Book;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SchemaDrift} and {@link MigrationAssertions#assertNoSchemaDrift}: the
 * entities {@link Author} and {@link Book} against schemas made with SQL on fresh
 * PostgreSQL databases.
 */
class SchemaDriftIntegrationTests {

	private static final String[] MATCHING_SCHEMA = {
			"create table author (id bigint primary key, name varchar(255), country varchar(255), email varchar(255),"
					+ " constraint uk_author_email unique (email))",
			"create unique index uk_author_name_country on author (country, name)",
			"create index ix_author_country on author (country)",
			// Only in the schema, and fine: an expression index and an index on a foreign
			// key.
			"create unique index uk_author_lower_name on author (lower(name))",
			// Hibernate's @SoftDelete column is mapped though no attribute holds it.
			"create table book (id bigint primary key, title varchar(255), withdrawn boolean not null default false,"
					+ " author_id bigint constraint fk_book_author_id references author)",
			"create index ix_book_author_id on book (author_id)",
			// Liquibase's own tables are never drift.
			"create table databasechangelog (id varchar(255) not null)" };

	private static final String[] DRIFTED_SCHEMA = {
			"create table author (id bigint primary key, name varchar(255), country varchar(255),"
					+ " nickname varchar(50))",
			"create unique index uk_author_lower_name on author (lower(name))",
			"create index ix_author_name_country on author (name, country)",
			"create table legacy (id bigint primary key)" };

	@Test
	void findsNothingWhenMappingsAndSchemaAgree() {
		assertThat(drift(MATCHING_SCHEMA, (drift) -> drift)).isEmpty();
	}

	@Test
	void reportsEveryDifferenceInBothDirections() {
		assertThat(drift(DRIFTED_SCHEMA, (drift) -> drift)).containsExactly(
				"column author.email is mapped by Author but missing from the schema",
				"column author.nickname is in the schema but not mapped by Author",
				"unique constraint uk_author_name_country on author(name, country) is declared on Author but the schema has no unique constraint or unique index on these columns",
				"unique constraint on author(email) is declared on Author.email but the schema has no unique constraint or unique index on these columns",
				"index ix_author_country on author(country) is declared on Author but the schema has no index on these columns",
				"table book is mapped by Book but missing from the schema",
				"table legacy is in the schema but not mapped by any entity");
	}

	@Test
	void reportsUniqueConstraintThatOnlyTheMappingHas() {
		assertThat(drift(new String[] { MATCHING_SCHEMA[0].replace(", constraint uk_author_email unique (email)", ""),
				MATCHING_SCHEMA[1], MATCHING_SCHEMA[2], MATCHING_SCHEMA[4] }, (drift) -> drift))
			.containsExactly(
					"unique constraint on author(email) is declared on Author.email but the schema has no unique constraint or unique index on these columns");
	}

	@Test
	void ignoresNamedTablesAndColumns() {
		assertThat(drift(DRIFTED_SCHEMA, (drift) -> drift.ignoring("author.nickname", "legac*", "book")))
			.doesNotContain("column author.nickname is in the schema but not mapped by Author",
					"table legacy is in the schema but not mapped by any entity",
					"table book is mapped by Book but missing from the schema")
			.hasSize(4);
	}

	@Test
	void assertionFailsWithOneLinePerDifference() {
		TestDatabase database = TestPostgres.server().createDatabase();
		DataSource dataSource = MigrationAssertions.dataSource(database);
		Fixtures.execute(dataSource, DRIFTED_SCHEMA);
		try (EntityManagerFactory entityManagerFactory = entityManagerFactory(database)) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MigrationAssertions.assertNoSchemaDrift(entityManagerFactory, dataSource))
				.withMessageStartingWith("7 difference(s) between the JPA mappings and the schema:\n"
						+ "  column author.email is mapped by Author but missing from the schema\n"
						+ "  column author.nickname is in the schema but not mapped by Author\n");
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static List<String> drift(String[] schema, Function<SchemaDrift, SchemaDrift> configure) {
		TestDatabase database = TestPostgres.server().createDatabase();
		DataSource dataSource = MigrationAssertions.dataSource(database);
		Fixtures.execute(dataSource, schema);
		try (EntityManagerFactory entityManagerFactory = entityManagerFactory(database)) {
			return configure.apply(SchemaDrift.of(entityManagerFactory, dataSource)).differences();
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static EntityManagerFactory entityManagerFactory(TestDatabase database) {
		return new HibernatePersistenceConfiguration("drift").managedClasses(Author.class, Book.class)
			.jdbcUrl(database.jdbcUrl())
			.jdbcCredentials(database.username(), database.password())
			.createEntityManagerFactory();
	}

}
