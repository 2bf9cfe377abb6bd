package io.github.crudkit.statements;

import java.util.Locale;

/**
 * What an SQL statement does, from its first keyword.
 *
 * @since 0.1.0
 */
public enum StatementKind {

	/**
	 * {@code SELECT}, {@code WITH}, {@code VALUES}, {@code SHOW}.
	 */
	SELECT,

	/**
	 * {@code INSERT}.
	 */
	INSERT,

	/**
	 * {@code UPDATE}.
	 */
	UPDATE,

	/**
	 * {@code DELETE}.
	 */
	DELETE,

	/**
	 * Anything else: {@code call}, DDL, {@code SET}, sequence calls through
	 * {@code select nextval} count as selects.
	 */
	OTHER;

	/**
	 * Classify a statement.
	 * @param sql the SQL text
	 * @return its kind
	 */
	public static StatementKind of(String sql) {
		int start = 0;
		int length = sql.length();
		while (start < length) {
			char c = sql.charAt(start);
			if (Character.isWhitespace(c) || c == '(') {
				start++;
			}
			else if (sql.startsWith("/*", start)) {
				int end = sql.indexOf("*/", start + 2);
				start = (end < 0) ? length : end + 2;
			}
			else if (sql.startsWith("--", start)) {
				int end = sql.indexOf('\n', start);
				start = (end < 0) ? length : end + 1;
			}
			else {
				break;
			}
		}
		int end = start;
		while (end < length && Character.isLetter(sql.charAt(end))) {
			end++;
		}
		return switch (sql.substring(start, end).toLowerCase(Locale.ROOT)) {
			case "select", "with", "values", "show", "table" -> SELECT;
			case "insert" -> INSERT;
			case "update" -> UPDATE;
			case "delete" -> DELETE;
			default -> OTHER;
		};
	}

}
