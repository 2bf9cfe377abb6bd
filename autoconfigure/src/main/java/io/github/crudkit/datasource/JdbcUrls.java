package io.github.crudkit.datasource;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to log.
 *
 * @since 0.1.0
 */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*&?");

	private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

	private JdbcUrls() {
	}

	/**
	 * Return the URL with any password parameter and any {@code user:password@} part removed.
	 * @param url the JDBC URL
	 * @return the URL safe to log
	 */
	public static String redact(String url) {
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//");
		String redacted = PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll("$1");
		return (redacted.endsWith("?") || redacted.endsWith("&") || redacted.endsWith(";"))
				? redacted.substring(0, redacted.length() - 1) : redacted;
	}

}
