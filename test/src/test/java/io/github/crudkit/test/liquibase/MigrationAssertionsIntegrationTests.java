package io.github.crudkit.test.liquibase;

import javax.sql.DataSource;

import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationAssertions#assertSchemaHealthy}, on a schema made with SQL on
 * a fresh PostgreSQL database; the checks themselves are tested beside
 * {@code SchemaHealth}, in the starter.
 */
class MigrationAssertionsIntegrationTests {

	// Four problems: a foreign key without an index, duplicated indexes, overlapping
	// indexes and a table without a primary key.
	private static final String[] UNHEALTHY_SCHEMA = { "create table parent (id bigint primary key)",
			"create table child (id bigint primary key,"
					+ " parent_id bigint constraint fk_child_parent_id references parent)",
			"create table note (body text)", "create table item (id bigint primary key, code varchar(10))",
			"create index ix_item_code on item (code)", "create index ix_item_code_copy on item (code)",
			"create table stock (id bigint primary key, warehouse varchar(10), amount integer)",
			"create index ix_stock_warehouse on stock (warehouse)",
			"create index ix_stock_warehouse_amount on stock (warehouse, amount)" };

	@Test
	void schemaHealthAssertionFailsWithOneLinePerProblem() {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			DataSource dataSource = MigrationAssertions.dataSource(database);
			Fixtures.execute(dataSource, UNHEALTHY_SCHEMA);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MigrationAssertions.assertSchemaHealthy(dataSource))
				.withMessageStartingWith("4 schema health problem(s):\n  ")
				.withMessageContaining(
						"\n  foreign key fk_child_parent_id on child(parent_id) has no index; add one: CREATE INDEX ix_child_parent_id ON child (parent_id);");
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

}
