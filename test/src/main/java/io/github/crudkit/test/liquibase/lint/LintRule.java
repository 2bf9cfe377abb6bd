package io.github.crudkit.test.liquibase.lint;

/**
 * The rules of {@link MigrationLint}: each names what locks or breaks a live PostgreSQL
 * table, and how to write the change safely. A table is <em>existing</em> when an earlier
 * changeset created it (or no changeset of the changelog did); a table created in the
 * same changeset is new and empty, and only the type rules apply to it.
 *
 * @since 0.1.0
 */
public enum LintRule {

	/**
	 * A waiver that names no known rule or gives no reason.
	 */
	WAIVER("CK-L000", "waiver",
			"write it as crudkit-lint: allow CK-L001 -- why the statement is safe here, in the changeset's comment"),

	/**
	 * {@code CREATE INDEX} on an existing table without {@code CONCURRENTLY}, or an
	 * {@code ADD PRIMARY KEY}/{@code UNIQUE} constraint that builds its index the same
	 * way: writes to the table wait for the whole build.
	 */
	INDEX_CONCURRENTLY("CK-L001", "index-concurrently",
			"build it with CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction: false "
					+ "(a constraint: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX)"),

	/**
	 * A {@code CONCURRENTLY} statement in a changeset that runs in a transaction, which
	 * PostgreSQL refuses.
	 */
	CONCURRENTLY_IN_TRANSACTION("CK-L002", "concurrently-in-transaction",
			"set runInTransaction: false on the changeset and keep the statement alone in it"),

	/**
	 * A foreign key or {@code CHECK} added to an existing table without {@code NOT VALID}
	 * and a {@code VALIDATE CONSTRAINT} in a later transaction: the table is scanned
	 * under the lock that adding the constraint takes.
	 */
	CONSTRAINT_NOT_VALID("CK-L003", "constraint-not-valid",
			"add it NOT VALID, then VALIDATE CONSTRAINT in a later changeset, where the scan lets reads and writes "
					+ "go on"),

	/**
	 * {@code ADD COLUMN ... NOT NULL} without a default on an existing table: it fails on
	 * the first row.
	 */
	ADD_COLUMN_NOT_NULL("CK-L004", "add-column-not-null",
			"add the column nullable (or with a constant DEFAULT), backfill it, then make it NOT NULL as CK-L005 "
					+ "says"),

	/**
	 * {@code SET NOT NULL} on an existing table without a validated
	 * {@code CHECK (column IS NOT NULL)} first: the table is scanned under an
	 * {@code ACCESS EXCLUSIVE} lock.
	 */
	SET_NOT_NULL("CK-L005", "set-not-null",
			"first ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID and VALIDATE it in a later changeset; "
					+ "SET NOT NULL then skips its scan, and the helper check can be dropped"),

	/**
	 * A column's type changed on an existing table (other than a widening PostgreSQL
	 * makes without a rewrite): the table is rewritten under an {@code ACCESS EXCLUSIVE}
	 * lock, and the running version's statements break.
	 */
	COLUMN_TYPE("CK-L006", "column-type",
			"expand/contract: add a column of the new type, write both, backfill, switch reads, drop the old one"),

	/**
	 * A column or table of an existing table renamed: the running version's statements
	 * name the old one.
	 */
	RENAME("CK-L007", "rename",
			"expand/contract: add the new column (or a view named like the new table), write both, drop the old "
					+ "name once no running version uses it"),

	/**
	 * A column or table dropped while an entity still maps it: the application built from
	 * the same commit fails on it.
	 */
	DROP_MAPPED("CK-L008", "drop-mapped",
			"remove it from the entity and release that first; drop it in a later release"),

	/**
	 * A statement that rewrites or scans an existing table under a lock that blocks
	 * writes (a volatile or generated default, an identity column,
	 * {@code SET TABLESPACE}, {@code SET LOGGED}, {@code CLUSTER}, {@code VACUUM FULL},
	 * {@code REFRESH MATERIALIZED
	 * VIEW}, {@code LOCK TABLE}) in a changeset that does not set {@code lock_timeout}
	 * before it.
	 */
	LOCK_TIMEOUT("CK-L009", "lock-timeout",
			"SET LOCAL lock_timeout = '5s' before it in the changeset (a sql change), so that it gives up instead "
					+ "of queueing every query on the table behind it, and run it when the table is quiet"),

	/**
	 * A generated primary key (serial, identity, a sequence default, or a generated id of
	 * an entity) of type {@code integer} or {@code smallint}.
	 */
	INT_PRIMARY_KEY("CK-L010", "int-primary-key",
			"use bigint: an integer key runs out at 2,147,483,647 rows, and widening it later rewrites the table"),

	/**
	 * A {@code timestamp} column without time zone.
	 */
	TIMESTAMP_WITHOUT_TIME_ZONE("CK-L011", "timestamp-without-time-zone",
			"use timestamp with time zone: a value without one means whatever the writing session's TimeZone was"),

	/**
	 * A {@code varchar(n)} column whose entity mapping says another length or type.
	 */
	VARCHAR_LENGTH("CK-L012", "varchar-length",
			"make the column and the mapping agree: varchar(length) as @Column(length) says, or change the mapping");

	private final String code;

	private final String id;

	private final String fix;

	LintRule(String code, String id, String fix) {
		this.code = code;
		this.id = id;
		this.fix = fix;
	}

	/**
	 * Return the rule's code, which a waiver names.
	 * @return the code, for example {@code CK-L001}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return the rule's short name.
	 * @return the name, for example {@code index-concurrently}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return how to write the change safely.
	 * @return the fix
	 */
	public String fix() {
		return this.fix;
	}

}
