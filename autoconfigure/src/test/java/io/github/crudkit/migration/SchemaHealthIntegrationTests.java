package io.github.crudkit.migration;

import java.util.List;
import java.util.Set;

import io.github.crudkit.support.TestDatabase;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import org.junit.jupiter.api.Test;

import static io.github.crudkit.migration.SchemaHealthFixtures.UNHEALTHY_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemaHealth}, on schemas made with SQL on fresh PostgreSQL databases.
 */
class SchemaHealthIntegrationTests {

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

	private static List<String> problems(String[] schema, Set<Diagnostic> checks) {
		try (TestDatabase.Database database = TestDatabase.createDatabase()) {
			database.execute(schema);
			return SchemaHealth.of(database.dataSource()).withChecks(checks).problems();
		}
	}

}
