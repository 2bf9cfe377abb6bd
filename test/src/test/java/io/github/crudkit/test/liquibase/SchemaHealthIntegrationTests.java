package io.github.crudkit.test.liquibase;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaHealth;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SchemaHealth} and {@link MigrationAssertions#assertSchemaHealthy}, on
 * schemas made with SQL on fresh PostgreSQL databases.
 */
class SchemaHealthIntegrationTests {

	static final String[] UNHEALTHY_SCHEMA = { "create table parent (id bigint primary key)",
			"create table child (id bigint primary key,"
					+ " parent_id bigint constraint fk_child_parent_id references parent)",
			"create table note (body text)", "create table item (id bigint primary key, code varchar(10))",
			"create index ix_item_code on item (code)", "create index ix_item_code_copy on item (code)",
			"create table stock (id bigint primary key, warehouse varchar(10), amount integer)",
			"create index ix_stock_warehouse on stock (warehouse)",
			"create index ix_stock_warehouse_amount on stock (warehouse, amount)" };

	private static final String[] HEALTHY_SCHEMA = { "create table parent (id bigint primary key)",
			"create table child (id bigint primary key,"
					+ " parent_id bigint constraint fk_child_parent_id references parent)",
			"create index ix_child_parent_id on child (parent_id)",
			// Two indexes on expressions of the same column are not duplicates.
			"create table team (id bigint primary key, name varchar(100))",
			"create unique index uk_team_name on team (lower(name))",
			"create index ix_team_name_pattern on team (lower(name) varchar_pattern_ops)",
			// Liquibase's tables have no primary key; they are not the application's
			// concern.
			"create table databasechangelog (id varchar(255) not null, author varchar(255) not null)",
			"create table databasechangeloglock (id integer not null, locked boolean not null)" };

	@Test
	void findsNothingInHealthySchema() {
		assertThat(problems(HEALTHY_SCHEMA, SchemaHealth.DEFAULT_CHECKS)).isEmpty();
	}

	@Test
	void reportsMissingForeignKeyIndexWithTheCreateIndexThatFixesIt() {
		assertThat(problems(UNHEALTHY_SCHEMA, Set.of(Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX))).containsExactly(
				"foreign key fk_child_parent_id on child(parent_id) has no index; add one: CREATE INDEX ix_child_parent_id ON child (parent_id);");
	}

	@Test
	void reportsDuplicatedIndexesAndTablesWithoutPrimaryKey() {
		assertThat(problems(UNHEALTHY_SCHEMA, SchemaHealth.DEFAULT_CHECKS)).containsExactlyInAnyOrder(
				"foreign key fk_child_parent_id on child(parent_id) has no index; add one: CREATE INDEX ix_child_parent_id ON child (parent_id);",
				"indexes ix_item_code, ix_item_code_copy on item are duplicates: drop all but one",
				"indexes ix_stock_warehouse, ix_stock_warehouse_amount on stock overlap (one's columns start the other's): the shorter one is probably redundant",
				"table note has no primary key");
	}

	@Test
	void assertionFailsWithOneLinePerProblem() {
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

	private static List<String> problems(String[] schema, Set<Diagnostic> checks) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			DataSource dataSource = MigrationAssertions.dataSource(database);
			Fixtures.execute(dataSource, schema);
			return SchemaHealth.of(dataSource).withChecks(checks).problems();
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

}
