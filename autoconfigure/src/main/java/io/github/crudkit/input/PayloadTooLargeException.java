package io.github.crudkit.input;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * Thrown while a request body is read once it grows past
 * {@code crudkit.input.max-request-body}; a {@code 413 Content Too Large} problem. An
 * {@link IOException}, so that it travels through message converters, and an
 * {@link ErrorResponse}, so that crudkit's handler answers it wherever it is found among
 * the causes of a failure.
 *
 * @since 0.1.0
 */
public class PayloadTooLargeException extends IOException implements ErrorResponse {

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

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public ProblemDetail getBody() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, getMessage());
		problem.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
		return problem;
	}

}
