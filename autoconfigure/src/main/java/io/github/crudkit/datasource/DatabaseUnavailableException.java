package io.github.crudkit.datasource;

/**
 * Thrown at start-up when the configured database cannot be reached; its message names
 * the URL, without any password, and the driver's reason.
 *
 * @since 0.1.0
 */
public class DatabaseUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String url;

	private final String reason;

	/**
	 * Create the exception.
	 * @param url the JDBC URL with any credentials removed
	 * @param reason the driver's reason, for example {@code Connection refused}
	 * @param cause the driver's exception
	 */
	public DatabaseUnavailableException(String url, String reason, Throwable cause) {
		super("Cannot connect to the database at " + url + ": " + reason, cause);
		this.url = url;
		this.reason = reason;
	}

	/**
	 * Return the JDBC URL with any credentials removed.
	 * @return the sanitised URL
	 */
	public String getUrl() {
		return this.url;
	}

	/**
	 * Return the driver's reason for the failure.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
