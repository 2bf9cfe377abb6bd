package io.github.crudkit.concurrency;

import java.util.List;

import io.github.crudkit.error.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a request's {@code If-Match} names a version other than the stored one; a
 * {@code 412 Precondition Failed} problem. Nothing was changed.
 *
 * @since 0.1.0
 */
public class StaleVersionException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final long currentVersion;

	/**
	 * Create the exception.
	 * @param resource the resource's name as clients know it
	 * @param id the resource's id
	 * @param currentVersion the stored version
	 */
	public StaleVersionException(String resource, Object id, long currentVersion) {
		super(HttpStatus.PRECONDITION_FAILED, "stale-version",
				message(resource, id, currentVersion) + ". Read it again and retry.", List.of(),
				message(resource, id, currentVersion), null);
		this.currentVersion = currentVersion;
	}

	private static String message(String resource, Object id, long currentVersion) {
		return resource + " " + id + " has changed since the version named in If-Match; it is now at version "
				+ currentVersion;
	}

	/**
	 * Return the stored version, which the client can read again.
	 * @return the current version
	 */
	public long getCurrentVersion() {
		return this.currentVersion;
	}

}
