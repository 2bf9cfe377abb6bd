package io.github.crudkit.concurrency;

/**
 * Thrown when a request's {@code If-Match} names a version other than the stored one;
 * mapped to {@code 412 Precondition Failed}. Nothing was changed.
 *
 * @since 0.1.0
 */
public class StaleVersionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long currentVersion;

	/**
	 * Create the exception.
	 * @param resource the resource's name as clients know it
	 * @param id the resource's id
	 * @param currentVersion the stored version
	 */
	public StaleVersionException(String resource, Object id, long currentVersion) {
		super(resource + " " + id + " has changed since the version named in If-Match; it is now at version "
				+ currentVersion);
		this.currentVersion = currentVersion;
	}

	/**
	 * Return the stored version, which the client can read again.
	 * @return the current version
	 */
	public long getCurrentVersion() {
		return this.currentVersion;
	}

}
