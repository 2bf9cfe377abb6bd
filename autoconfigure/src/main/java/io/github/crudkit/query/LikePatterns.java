package io.github.crudkit.query;

import java.util.Locale;

/**
 * Builds SQL {@code LIKE} patterns from user input, escaping the wildcards so that
 * {@code 50%} or {@code a_b} match literally. Use with {@code ESCAPE '\'}.
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

}
