package io.github.crudkit.error;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * What a database constraint violation was about: its kind (from the SQLState), the
 * constraint's name and the request fields it guards.
 * <p>
 * The fields come from {@code crudkit.errors.constraint-fields} when the constraint is
 * listed there (several fields separated by commas, for a constraint over several
 * columns); otherwise from the column the database names (a not-null violation), or the
 * key columns of PostgreSQL's error detail ({@code Key (book_id, tag_id)=...} gives
 * {@code bookId} and {@code tagId}; only the column names are read, never the values);
 * otherwise from the naming rule {@code prefix_table_column} ({@code uk_team_name} gives
 * {@code name}, {@code fk_hero_team_id} gives {@code teamId}), each column turned into
 * camelCase.
 *
 * @param kind what kind of constraint was violated
 * @param constraint the constraint's name, if the database reported one
 * @param fields the request fields the constraint guards, empty if unknown
 * @since 0.1.0
 */
public record ConstraintViolationInfo(Kind kind, @Nullable String constraint, List<String> fields) {

	private static final Pattern KEY_COLUMNS = Pattern.compile("^Key \\(([a-z_][a-z0-9_]*(?:, [a-z_][a-z0-9_]*)*)\\)=");

	/**
	 * Create the information, copying the fields.
	 * @param kind what kind of constraint was violated
	 * @param constraint the constraint's name, if the database reported one
	 * @param fields the request fields the constraint guards, empty if unknown
	 */
	public ConstraintViolationInfo {
		fields = List.copyOf(fields);
	}

	/**
	 * Create the information for a constraint that guards one field, or none.
	 * @param kind what kind of constraint was violated
	 * @param constraint the constraint's name, if the database reported one
	 * @param field the request field the constraint guards, if known
	 */
	public ConstraintViolationInfo(Kind kind, @Nullable String constraint, @Nullable String field) {
		this(kind, constraint, (field != null) ? List.of(field) : List.of());
	}

	/**
	 * Return the one request field the constraint guards.
	 * @return the field, or {@code null} when none or several are known
	 */
	public @Nullable String field() {
		return (this.fields.size() == 1) ? this.fields.get(0) : null;
	}

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
			return new ConstraintViolationInfo(Kind.OTHER, null, List.of());
		}
		Kind kind = Kind.of(sql.getSQLState());
		String constraint = null;
		String table = null;
		String column = null;
		String detail = null;
		if (POSTGRESQL_PRESENT) {
			@Nullable String[] details = PostgresDetails.of(sql);
			constraint = details[0];
			table = details[1];
			column = details[2];
			detail = details[3];
		}
		List<String> fields = List.of();
		// A unique key's detail names its columns; a foreign key's names the referencing
		// row's columns only when
		// that row is refused ("is not present in table"), the referenced row's key when
		// a delete is.
		List<String> keyColumns = (kind == Kind.UNIQUE
				|| (kind == Kind.FOREIGN_KEY && detail != null && detail.contains("is not present in table")))
						? keyColumns(detail) : List.of();
		if (constraint != null && registry.containsKey(constraint)) {
			fields = Arrays.stream(registry.get(constraint).split(","))
				.map(String::strip)
				.filter((f) -> !f.isEmpty())
				.toList();
		}
		else if (column != null) {
			fields = List.of(camelCase(column));
		}
		else if (!keyColumns.isEmpty()) {
			fields = keyColumns.stream().map(ConstraintViolationInfo::camelCase).toList();
		}
		else if (constraint != null) {
			String field = fieldFromName(constraint, table);
			fields = (field != null) ? List.of(field) : List.of();
		}
		return new ConstraintViolationInfo(kind, constraint, fields);
	}

	/**
	 * The plain columns of a key in PostgreSQL's detail ({@code Key (a, b)=(...)}); none
	 * for an expression ({@code Key (lower(name::text))=(...)}). The values after the
	 * {@code =} are never read.
	 */
	static List<String> keyColumns(@Nullable String detail) {
		if (detail == null) {
			return List.of();
		}
		Matcher matcher = KEY_COLUMNS.matcher(detail);
		return matcher.find() ? List.of(matcher.group(1).split(", ")) : List.of();
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
								message.getColumn(), message.getDetail() };
					}
					if (cause.getCause() == cause) {
						break;
					}
				}
				if (candidate.getNextException() == candidate) {
					break;
				}
			}
			return new @Nullable String[] { null, null, null, null };
		}

	}

}
