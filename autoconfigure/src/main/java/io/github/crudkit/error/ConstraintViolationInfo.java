package io.github.crudkit.error;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * What a database constraint violation was about: its kind (from the SQLState), the
 * constraint's name and the request field it guards.
 * <p>
 * The field comes from {@code crudkit.errors.constraint-fields} when the constraint is
 * listed there, and otherwise from the naming rule {@code <prefix>_
 *
<table>
 * _<column>} ({@code uk_team_name} → {@code name}, {@code fk_hero_team_id} →
 * {@code teamId}), the column turned into camelCase.
 *
 * @param kind what kind of constraint was violated
 * @param constraint the constraint's name, if the database reported one
 * @param field the request field the constraint guards, if known
 * @since 0.1.0
 */
public record ConstraintViolationInfo(Kind kind, @Nullable String constraint, @Nullable String field) {

	private static final java.util.Set<String> RULE_PREFIXES = java.util.Set.of("pk", "fk", "uk", "ck", "ix");

	private static final boolean POSTGRESQL_PRESENT = ClassUtils.isPresent("org.postgresql.util.PSQLException",
			ConstraintViolationInfo.class.getClassLoader());

	/**
	 * Inspect a failure for a constraint violation.
	 * @param failure the failure, typically a {@code DataIntegrityViolationException}
	 * @param registry constraint names mapped to request fields, consulted before the
	 * naming rule
	 * @return what the violation was about; {@link Kind#OTHER} if no SQLState says
	 */
	public static ConstraintViolationInfo of(Throwable failure, Map<String, String> registry) {
		SQLException sql = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException candidate && candidate.getSQLState() != null) {
				sql = candidate;
				break;
			}
		}
		if (sql == null) {
			return new ConstraintViolationInfo(Kind.OTHER, null, null);
		}
		Kind kind = Kind.of(sql.getSQLState());
		String constraint = null;
		String table = null;
		String column = null;
		if (POSTGRESQL_PRESENT) {
			String[] details = PostgresDetails.of(sql);
			constraint = details[0];
			table = details[1];
			column = details[2];
		}
		String field = null;
		if (constraint != null && registry.containsKey(constraint)) {
			field = registry.get(constraint);
		}
		else if (column != null) {
			field = camelCase(column);
		}
		else if (constraint != null) {
			field = fieldFromName(constraint, table);
		}
		return new ConstraintViolationInfo(kind, constraint, field);
	}

	static @Nullable String fieldFromName(String constraint, @Nullable String table) {
		int prefixEnd = constraint.indexOf('_');
		// Only names that follow crudkit's rule say which column they guard; PostgreSQL's
		// own names
		// (thing_code_key, thing_team_id_fkey) do not, reliably.
		if (prefixEnd < 0 || !RULE_PREFIXES.contains(constraint.substring(0, prefixEnd).toLowerCase(Locale.ROOT))) {
			return null;
		}
		String rest = constraint.substring(prefixEnd + 1);
		if (table != null && rest.startsWith(table + "_") && rest.length() > table.length() + 1) {
			return camelCase(rest.substring(table.length() + 1));
		}
		int tableEnd = rest.indexOf('_');
		return (tableEnd > 0 && tableEnd < rest.length() - 1) ? camelCase(rest.substring(tableEnd + 1)) : null;
	}

	static String camelCase(String column) {
		StringBuilder field = new StringBuilder(column.length());
		boolean upper = false;
		for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = field.length() > 0;
			}
			else {
				field.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return field.toString();
	}

	/**
	 * The kinds of integrity constraints, by SQLState class 23.
	 */
	public enum Kind {

		/**
		 * {@code 23505}: a unique constraint or index.
		 */
		UNIQUE,

		/**
		 * {@code 23503}: a foreign key.
		 */
		FOREIGN_KEY,

		/**
		 * {@code 23514}: a check constraint.
		 */
		CHECK,

		/**
		 * {@code 23502}: a NOT NULL column.
		 */
		NOT_NULL,

		/**
		 * SQLState class {@code 22}: a value the column cannot hold (too long, out of
		 * range, a NUL character).
		 */
		DATA,

		/**
		 * Any other failure.
		 */
		OTHER;

		static Kind of(String sqlState) {
			return switch (sqlState) {
				case "23505" -> UNIQUE;
				case "23503" -> FOREIGN_KEY;
				case "23514" -> CHECK;
				case "23502" -> NOT_NULL;
				default -> sqlState.startsWith("22") ? DATA : OTHER;
			};
		}

	}

	private static final class PostgresDetails {

		static @Nullable String[] of(SQLException ex) {
			// A JDBC batch reports a BatchUpdateException; the server's message is on its
			// next exception.
			for (SQLException candidate = ex; candidate != null; candidate = candidate.getNextException()) {
				for (Throwable cause = candidate; cause != null; cause = cause.getCause()) {
					if (cause instanceof org.postgresql.util.PSQLException psql
							&& psql.getServerErrorMessage() != null) {
						org.postgresql.util.ServerErrorMessage message = psql.getServerErrorMessage();
						return new @Nullable String[] { message.getConstraint(), message.getTable(),
								message.getColumn() };
					}
					if (cause.getCause() == cause) {
						break;
					}
				}
				if (candidate.getNextException() == candidate) {
					break;
				}
			}
			return new @Nullable String[] { null, null, null };
		}

	}

}
