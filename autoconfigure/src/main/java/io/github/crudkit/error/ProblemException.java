package io.github.crudkit.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that carries its own RFC 9457 problem: a status, a detail that is safe to
 * show to the client and, where fields are at fault, {@code errors: [{field, message}]}.
 * crudkit's exception handler answers it as it is, whichever feature or service raised
 * it, so the handler needs to know none of them.
 * <p>
 * It is also the one way for a service to refuse a request by a business rule, naming the
 * fields at fault: <pre class="code">
 * throw ProblemException.conflict("Hero 7 already holds 20 powers.",
 * 		new FieldViolation("powerId", "a hero holds at most 20 powers"));
 * </pre> The problem's {@code type} is {@code about:blank}, or, with
 * {@code crudkit.errors.type-base-uri} set, that base followed by the problem's slug.
 *
 * @since 0.1.0
 */
public class ProblemException extends ErrorResponseException {

	/**
	 * Name of the problem property that lists one entry per offending field.
	 */
	public static final String ERRORS_PROPERTY = "errors";

	private static final long serialVersionUID = 1L;

	private final String slug;

	private final List<FieldViolation> errors;

	private final String message;

	/**
	 * Create a problem.
	 * @param status the HTTP status
	 * @param slug the kind of problem, the last segment of its type URI (for example
	 * {@code duplicate})
	 * @param detail what went wrong, safe to show to the client
	 * @param errors the fields at fault, if any
	 */
	public ProblemException(HttpStatusCode status, String slug, String detail, List<FieldViolation> errors) {
		this(status, slug, detail, errors, detail, null);
	}

	/**
	 * Create a problem whose exception message differs from its detail (the message goes
	 * to logs, the detail to the client).
	 * @param status the HTTP status
	 * @param slug the kind of problem
	 * @param detail what went wrong, safe to show to the client
	 * @param errors the fields at fault, if any
	 * @param message the exception's message
	 * @param cause the cause, if any
	 */
	protected ProblemException(HttpStatusCode status, String slug, String detail, List<FieldViolation> errors,
			String message, @Nullable Throwable cause) {
		super(status, problem(status, detail, errors), cause);
		this.slug = slug;
		this.errors = List.copyOf(errors);
		this.message = message;
	}

	/**
	 * A {@code 409 Conflict}: the request breaks a rule of the stored data (a limit, a
	 * cycle, a state that forbids it).
	 * @param detail what went wrong, safe to show to the client
	 * @param errors the fields at fault
	 * @return the problem, to throw
	 */
	public static ProblemException conflict(String detail, FieldViolation... errors) {
		return new ProblemException(HttpStatus.CONFLICT, "conflict", detail, List.of(errors));
	}

	/**
	 * A {@code 422 Unprocessable Content}: the request is well formed but cannot be
	 * carried out as it stands (it names something that does not exist, say).
	 * @param detail what went wrong, safe to show to the client
	 * @param errors the fields at fault
	 * @return the problem, to throw
	 */
	public static ProblemException unprocessable(String detail, FieldViolation... errors) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", detail, List.of(errors));
	}

	/**
	 * A {@code 400 Bad Request}: a value of the request is not acceptable.
	 * @param detail what went wrong, safe to show to the client
	 * @param errors the fields at fault
	 * @return the problem, to throw
	 */
	public static ProblemException badRequest(String detail, FieldViolation... errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", detail, List.of(errors));
	}

	/**
	 * Return the kind of problem, the last segment of its type URI.
	 * @return the slug, for example {@code stale-version}
	 */
	public String getSlug() {
		return this.slug;
	}

	/**
	 * Return the fields at fault.
	 * @return one entry per field, empty when the request as a whole is at fault
	 */
	public List<FieldViolation> getErrors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

	private static ProblemDetail problem(HttpStatusCode status, String detail, List<FieldViolation> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		HttpStatus resolved = HttpStatus.resolve(status.value());
		if (resolved != null) {
			problem.setTitle(resolved.getReasonPhrase());
		}
		if (!errors.isEmpty()) {
			problem.setProperty(ERRORS_PROPERTY, List.copyOf(errors));
		}
		return problem;
	}

}
