package io.github.crudkit.error;

import java.io.IOException;

/**
 * Thrown while a request body is read once it grows past
 * {@code crudkit.errors.max-request-body}; mapped to {@code 413 Content Too Large}. An
 * {@link IOException}, so that it travels through message converters.
 *
 * @since 0.1.0
 */
public class PayloadTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long limit;

	/**
	 * Create the exception.
	 * @param limit the largest body accepted, in bytes
	 */
	public PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes.");
		this.limit = limit;
	}

	/**
	 * Return the largest body accepted, in bytes.
	 * @return the limit
	 */
	public long getLimit() {
		return this.limit;
	}

}
