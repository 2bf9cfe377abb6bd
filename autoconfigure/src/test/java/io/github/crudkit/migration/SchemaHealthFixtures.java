package io.github.crudkit.migration;

/**
 * Schemas for the tests of {@link SchemaHealth} and of the start-up check that runs it.
 */
public final class SchemaHealthFixtures {

	/**
	 * SQL for a schema with four problems that the default checks find: a foreign key
	 * without an index, duplicated indexes, overlapping indexes and a table without a
	 * primary key.
	 */
	public static final String[] UNHEALTHY_SCHEMA = { "create table parent (id bigint primary key)",
			"create table child (id bigint primary key,"
					+ " parent_id bigint constraint fk_child_parent_id references parent)",
			"create table note (body text)", "create table item (id bigint primary key, code varchar(10))",
			"create index ix_item_code on item (code)", "create index ix_item_code_copy on item (code)",
			"create table stock (id bigint primary key, warehouse varchar(10), amount integer)",
			"create index ix_stock_warehouse on stock (warehouse)",
			"create index ix_stock_warehouse_amount on stock (warehouse, amount)" };

	private SchemaHealthFixtures() {
	}

}
