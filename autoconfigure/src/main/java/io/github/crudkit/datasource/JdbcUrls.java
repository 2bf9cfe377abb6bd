package io.github.crudkit.datasource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes JDBC URLs safe to log.
 *
 * @since 0.1.0
 */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)(?<=[?&;])(?:ssl)?password=([^&;]*)(?:[&;]|$)");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@?]*)@");

	private JdbcUrls() {
	}

	/**
	 * Return the URL with any password parameter ({@code password}, {@code sslpassword})
	 * and any {@code user:password@} part removed.
	 * @param url the JDBC URL
	 * @return the URL safe to log
	 */
	public static String redact(String url) {
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//");
		String redacted = PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll("");
		return (redacted.endsWith("?") || redacted.endsWith("&") || redacted.endsWith(";"))
				? redacted.substring(0, redacted.length() - 1) : redacted;
	}

	/**
	 * Return the text with every secret that the URL or the password carries replaced by
	 * {@code ******}, and the URL itself replaced by its {@linkplain #redact(String)
	 * redacted} form; for messages (a driver's, say) that may repeat them.
	 * @param text the text to clean
	 * @param url the JDBC URL
	 * @param password the password used with the URL, if any
	 * @return the text without secrets
	 */
	public static String scrub(String text, String url, @Nullable String password) {
		String safe = text.replace(url, redact(url));
		Matcher userInfo = USER_INFO.matcher(url);
		if (userInfo.find() && !userInfo.group(1).isEmpty()) {
			safe = safe.replace(userInfo.group(1) + "@", "");
		}
		Matcher parameter = PASSWORD_PARAMETER.matcher(url);
		while (parameter.find()) {
			if (!parameter.group(1).isEmpty()) {
				safe = safe.replace(parameter.group(1), "******");
			}
		}
		if (password != null && !password.isEmpty()) {
			safe = safe.replace(password, "******");
		}
		return safe;
	}

}
