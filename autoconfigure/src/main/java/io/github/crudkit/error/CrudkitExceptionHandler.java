package io.github.crudkit.error;

import java.util.Comparator;
import java.util.List;

import io.github.crudkit.patch.InvalidPatchException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps failures to RFC 9457 problem details ({@code application/problem+json}).
 * <p>
 * Extends Spring's {@link ResponseEntityExceptionHandler}, so every exception Spring MVC raises itself
 * (malformed JSON, unsupported media type, missing parameters) is already a problem detail; this class adds
 * crudkit's own exceptions and lists validation failures as {@code errors: [{field, message}]}. Applications
 * replace it by declaring their own {@code ResponseEntityExceptionHandler} bean, or extend it to add mappings.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class CrudkitExceptionHandler extends ResponseEntityExceptionHandler {

	/**
	 * Name of the problem property that lists one entry per offending field.
	 */
	public static final String ERRORS_PROPERTY = "errors";

	/**
	 * Map a missing resource to {@code 404 Not Found}.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ProblemDetail handleResourceNotFound(ResourceNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage() + ".");
	}

	/**
	 * Map a reference to a missing resource in the request body to {@code 422 Unprocessable Content}, naming the
	 * field.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ProblemDetail handleReferenceNotFound(ReferenceNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage() + ".");
		problem.setProperty(ERRORS_PROPERTY, List.of(fieldError(ex.getField(), String.valueOf(ex.getMessage()))));
		return problem;
	}

	/**
	 * Map a path or query parameter that cannot be converted to its declared type to {@code 400 Bad Request},
	 * naming the parameter but never echoing the converter's internals.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST,
				"Parameter '" + ex.getName() + "' must be " + describe(ex.getRequiredType()) + ".");
	}

	/**
	 * Map a merge patch that does not fit its resource to {@code 400 Bad Request}.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ProblemDetail handleInvalidPatch(InvalidPatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
		if (ex.getField() != null) {
			problem.setProperty(ERRORS_PROPERTY, List.of(fieldError(ex.getField(), String.valueOf(ex.getMessage()))));
		}
		return problem;
	}

	/**
	 * Map Bean Validation failures raised outside request binding (for example on a merged patch) to
	 * {@code 400 Bad Request} with one entry per offending field.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ProblemDetail handleConstraintViolation(ConstraintViolationException ex) {
		List<FieldViolation> errors = ex.getConstraintViolations()
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.map((violation) -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return validationProblem(errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail validationProblem(List<FieldViolation> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request is not valid.");
		problem.setProperty(ERRORS_PROPERTY, errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private static FieldViolation fieldError(String field, String message) {
		return new FieldViolation(field, message);
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "an integer";
		}
		return "a valid value";
	}

}
