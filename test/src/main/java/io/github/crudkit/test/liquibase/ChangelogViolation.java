package io.github.crudkit.test.liquibase;

import org.jspecify.annotations.Nullable;

/**
 * One breach of crudkit's changelog conventions, found by {@link ChangelogConventions}.
 *
 * @param file the changelog file, as a classpath path
 * @param changeSetId the id of the change set concerned, or {@code null} for a rule about
 * the file
 * @param rule the rule that is broken
 * @param message what is wrong, and how to fix it
 * @since 0.1.0
 */
public record ChangelogViolation(String file, @Nullable String changeSetId, Rule rule, String message) {

	/**
	 * Return the violation as one line: {@code file [change set id]: rule: message}.
	 * @return the line
	 */
	@Override
	public String toString() {
		return this.file + ((this.changeSetId != null) ? " [" + this.changeSetId + "]" : "") + ": " + this.rule.id()
				+ ": " + this.message;
	}

	/**
	 * The conventions {@link ChangelogConventions} checks.
	 */
	public enum Rule {

		/**
		 * The changelog cannot be read.
		 */
		PARSE("parse"),

		/**
		 * The master file holds includes only, no change sets.
		 */
		MASTER_INCLUDES_ONLY("master-includes-only"),

		/**
		 * Change sets live in files in the changes directory.
		 */
		FILE_LOCATION("file-location"),

		/**
		 * Files in the changes directory are named {@code NNNN-verb-object.yaml}.
		 */
		FILE_NAME("file-name"),

		/**
		 * No two files in the changes directory share a number.
		 */
		UNIQUE_NUMBER("unique-number"),

		/**
		 * Every file in the changes directory is part of the changelog.
		 */
		INCLUDED("included"),

		/**
		 * A change set's id is its file's base name, or starts with it when the file
		 * holds several change sets.
		 */
		CHANGESET_ID("changeset-id"),

		/**
		 * A change set names its author.
		 */
		AUTHOR("author"),

		/**
		 * Every change set can be rolled back: explicitly, or because Liquibase can roll
		 * back all its changes.
		 */
		ROLLBACK("rollback"),

		/**
		 * Constraints and indexes declared in change types are named {@code pk_
		 *
		<table>
		 * }, {@code fk_
		 *
		<table>
		 * _<column>}, {@code uk_
		 *
		<table>
		 * _<column>} and {@code ix_
		 *
		<table>
		 * _<column>}.
		 */
		CONSTRAINT_NAME("constraint-name"),

		/**
		 * Hibernate never changes the schema: {@code spring.jpa.hibernate.ddl-auto} is
		 * {@code validate} or {@code none}.
		 */
		DDL_AUTO("ddl-auto");

		private final String id;

		Rule(String id) {
			this.id = id;
		}

		/**
		 * Return the rule's id as it appears in messages.
		 * @return the id
		 */
		public String id() {
			return this.id;
		}

	}

}
