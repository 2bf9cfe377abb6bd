package io.github.crudkit.query;

import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * Builds SQL {@code LIKE} patterns from user input, escaping the wildcards so that
 * {@code 50%} or {@code a_b} match literally. Use with {@code ESCAPE '\'}, or build the
 * whole condition of a criteria query with
 * {@link #containsIgnoringCase(CriteriaBuilder, Expression, String)}.
 *
 * @since 0.1.0
 */
public final class LikePatterns {

	/**
	 * The escape character the patterns use.
	 */
	public static final char ESCAPE = '\\';

	private LikePatterns() {
	}

	/**
	 * Return a pattern that matches lower-cased values containing the text, regardless of
	 * case.
	 * @param text the text to look for
	 * @return the pattern, for example {@code %50\%%} for {@code 50%}
	 */
	public static String containsIgnoringCase(String text) {
		String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	/**
	 * Return the condition "the value contains the text, regardless of case":
	 * {@code lower(value) LIKE '%text%' ESCAPE '\'}, which a trigram index on
	 * {@code lower(value)} serves.
	 * @param builder the criteria builder
	 * @param value the text value, for example {@code root.get("name")}
	 * @param text the text to look for, as the user typed it
	 * @return the condition
	 */
	public static Predicate containsIgnoringCase(CriteriaBuilder builder, Expression<String> value, String text) {
		return builder.like(builder.lower(value), containsIgnoringCase(text), ESCAPE);
	}

}
