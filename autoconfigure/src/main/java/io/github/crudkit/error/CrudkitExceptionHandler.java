package io.github.crudkit.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 problem detail ({@code application/problem+json})
 * with {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance},
 * and {@code errors: [{field, message}]} where fields are at fault. No body ever carries
 * a stack trace, a class name or SQL text.
 * <p>
 * A failure that carries its own problem (an {@link ErrorResponse}, such as a
 * {@link ProblemException} a service or a crudkit feature throws, found in the failure or
 * among its causes) is answered with that problem: the handler knows no feature. Beans of
 * type {@link ProblemResolver} map further failures (crudkit's strict input, for one,
 * maps JSON bodies that cannot be read). Extending Spring's
 * {@link ResponseEntityExceptionHandler} covers every exception Spring MVC raises itself.
 * What is left is the database's side: 409 for a unique violation (naming the field) or
 * for deleting a row that is still referenced, and for a lost optimistic-lock race
 * without {@code If-Match} (412 with one); 422 for a foreign key to a missing row; 400
 * for a check, not-null or data violation; 503 with {@code Retry-After} when the database
 * cannot be reached or the connection breaks, whatever exception wraps that. What the ORM
 * refuses before the database could (a reference to a deleted or unsaved row, a lazy
 * reference to a row that is gone) is answered as the foreign key would have been.
 * Anything else is a 500.
 * <p>
 * It runs after the application's own advice ({@link Ordered#LOWEST_PRECEDENCE}). Replace
 * it by declaring a {@code ResponseEntityExceptionHandler} bean of your own, or extend it
 * and override single mappings.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CrudkitExceptionHandler extends ResponseEntityExceptionHandler {

	/**
	 * Name of the problem property that lists one entry per offending field.
	 */
	public static final String ERRORS_PROPERTY = ProblemException.ERRORS_PROPERTY;

	private static final Log logger = LogFactory.getLog(CrudkitExceptionHandler.class);

	private static final Pattern CONTAINER_ELEMENT = Pattern.compile("\\.?<[a-z ]+>");

	/**
	 * What JPA providers raise, by name (each is optional), for a reference to a row that
	 * does not exist: an entity that is not saved (or was deleted while others still
	 * point to it), or a lazy reference to a row that is gone.
	 */
	private static final Set<String> MISSING_REFERENCES = Set.of("org.hibernate.TransientObjectException",
			"org.hibernate.ObjectNotFoundException", "jakarta.persistence.EntityNotFoundException");

	private final ProblemTypes types;

	private final Map<String, String> constraintFields;

	private final Duration retryAfter;

	private final List<ProblemResolver> resolvers;

	/**
	 * Create a handler with {@code about:blank} problem types, the naming rule for
	 * constraints, a {@code Retry-After} of five seconds and no resolvers.
	 */
	public CrudkitExceptionHandler() {
		this(new ProblemTypes(null), Map.of(), Duration.ofSeconds(5));
	}

	/**
	 * Create a handler without resolvers.
	 * @param types chooses the {@code type} of each problem
	 * @param constraintFields database constraint names mapped to the request fields they
	 * guard, consulted before the naming rule
	 * @param retryAfter what {@code Retry-After} tells a client when the database cannot
	 * be reached
	 */
	public CrudkitExceptionHandler(ProblemTypes types, Map<String, String> constraintFields, Duration retryAfter) {
		this(types, constraintFields, retryAfter, List.of());
	}

	/**
	 * Create a handler.
	 * @param types chooses the {@code type} of each problem
	 * @param constraintFields database constraint names mapped to the request fields they
	 * guard, consulted before the naming rule
	 * @param retryAfter what {@code Retry-After} tells a client when the database cannot
	 * be reached
	 * @param resolvers map failures the handler does not know, asked in this order
	 */
	public CrudkitExceptionHandler(ProblemTypes types, Map<String, String> constraintFields, Duration retryAfter,
			List<ProblemResolver> resolvers) {
		this.types = types;
		this.constraintFields = Map.copyOf(constraintFields);
		this.retryAfter = retryAfter;
		this.resolvers = List.copyOf(resolvers);
	}

	/**
	 * Map a lost optimistic-lock race: {@code 412} when the request named a version in
	 * {@code If-Match}, otherwise {@code 409 Conflict}. Either way nothing was written.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
			return respond(
					problem(HttpStatus.PRECONDITION_FAILED,
							"The resource was changed by another request meanwhile. Read it again and retry."),
					"stale-version", request);
		}
		return respond(problem(HttpStatus.CONFLICT,
				"The resource was changed by another request meanwhile; nothing was written. Read it again and retry."),
				"concurrent-update", request);
	}

	/**
	 * Map a database constraint violation: unique → {@code 409} naming the field; foreign
	 * key → {@code 409} when deleting a row that is still referenced, else {@code 422}
	 * naming the field; check or not-null → {@code 400} naming the field.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<Object> handleDataIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
		ConstraintViolationInfo violation = ConstraintViolationInfo.of(ex, this.constraintFields);
		List<String> fields = violation.fields();
		String named = named(fields);
		return switch (violation.kind()) {
			case UNIQUE -> respond(
					withFields(
							problem(HttpStatus.CONFLICT,
									(fields.size() > 1) ? "The combination of " + named + " is already taken."
											: (named != null) ? "The value of " + named + " is already taken."
													: "A unique value is already taken."),
							fields, (fields.size() > 1) ? "is already taken in this combination" : "is already taken"),
					"duplicate", request);
			case FOREIGN_KEY ->
				isDelete(request)
						? respond(
								problem(HttpStatus.CONFLICT,
										"The resource is still referenced by other resources and cannot be deleted."),
								"still-referenced", request)
						: respond(
								withFields(
										problem(HttpStatus.UNPROCESSABLE_CONTENT,
												(named != null) ? named + " refers to a resource that does not exist."
														: "The request refers to a resource that does not exist."),
										fields, "refers to a resource that does not exist"),
								"unknown-reference", request);
			case CHECK, NOT_NULL -> respond(
					withFields(problem(HttpStatus.BAD_REQUEST, "The request is not valid."), fields, "is not allowed"),
					"validation", request);
			case DATA -> respond(withFields(problem(HttpStatus.BAD_REQUEST, "A value of the request cannot be stored."),
					fields, "cannot be stored"), "validation", request);
			case OTHER -> respond(problem(HttpStatus.CONFLICT, "The request conflicts with the stored data."),
					"conflict", request);
		};
	}

	/**
	 * Map an unreachable database, an exhausted connection pool or a statement timeout to
	 * {@code 503 Service Unavailable} with {@code Retry-After}.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class, CannotAcquireLockException.class })
	public ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, WebRequest request) {
		logger.warn("Database unavailable for " + describe(request) + ": " + ConnectionFailures.describe(ex));
		return databaseUnavailable(request);
	}

	/**
	 * Map a path or query parameter that cannot be converted to its declared type to
	 * {@code 400 Bad Request}, naming the parameter but never echoing the converter's
	 * internals.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		String message = "must be " + describe(ex.getRequiredType());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Parameter '" + ex.getName() + "' " + message + ".");
		problem.setProperty(ERRORS_PROPERTY, List.of(new FieldViolation(ex.getName(), message)));
		return respond(problem, "validation", request);
	}

	/**
	 * Map Bean Validation failures raised outside request binding (for example on a
	 * merged patch) to {@code 400 Bad Request} with one entry per offending field.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldViolation> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldViolation(fieldOf(violation), violation.getMessage()))
			.sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
			.toList();
		return respond(validationProblem(errors), "validation", request);
	}

	/**
	 * The request field of a violation, as the client wrote it: {@code tags[3]} for an
	 * element of a list, without Bean Validation's {@code <list element>} node.
	 */
	private static String fieldOf(ConstraintViolation<?> violation) {
		return CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
	}

	/**
	 * Map anything else: a failure that carries its own problem, or one that a
	 * {@link ProblemResolver} knows, gets that problem; a failure caused by a lost or
	 * unusable database connection ({@link ConnectionFailures}), whatever wraps it, is a
	 * {@code 503} as from {@link #handleDatabaseUnavailable}; the rest is a
	 * {@code 500 Internal Server Error}, logged in full on the server and telling the
	 * client nothing about it.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		ErrorResponse known = resolve(ex);
		if (known != null && !isConnectionFailure(ex, known.getStatusCode())) {
			return respond(known, request);
		}
		if (ConnectionFailures.isConnectionFailure(ex)) {
			return handleConnectionFailure(ex, request);
		}
		if (isUndecodableParameters(ex)) {
			return respond(problem(HttpStatus.BAD_REQUEST, "The request parameters cannot be decoded."), "validation",
					request);
		}
		Throwable missingReference = findByClassName(ex, MISSING_REFERENCES);
		if (missingReference != null) {
			return missingReference(missingReference, request);
		}
		logger.error("Unexpected failure of " + describe(request), ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "The server failed to handle the request."),
				"internal-error", request);
	}

	/**
	 * Map a failure caused by a lost or unusable database connection, whatever wraps it
	 * (a statement, commit or rollback on a broken connection, say), to
	 * {@code 503 Service Unavailable} with {@code Retry-After}, the same problem as
	 * {@link #handleDatabaseUnavailable}, logging one warning without SQL or values.
	 * @param ex the exception, one that {@link ConnectionFailures} recognises
	 * @param request the request
	 * @return the problem response
	 */
	protected ResponseEntity<Object> handleConnectionFailure(Exception ex, WebRequest request) {
		logger.warn("Database connection lost or unusable during " + describe(request) + ": "
				+ ConnectionFailures.describe(ex));
		return databaseUnavailable(request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (isConnectionFailure(ex, ex.getStatusCode())) {
			return handleConnectionFailure(ex, request);
		}
		return respond(ex, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (isConnectionFailure(ex, statusCode)) {
			return handleConnectionFailure(ex, request);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return respond(validationProblem(errors), headers, "validation", request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			String parameter = (name != null) ? name : "parameter";
			if (result instanceof ParameterErrors bean) {
				// A @Valid body (or other object) validated with the method's parameters:
				// its fields are what the client named, as when it is validated alone.
				bean.getFieldErrors()
					.forEach((error) -> errors
						.add(new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage()))));
				bean.getGlobalErrors()
					.forEach((error) -> errors
						.add(new FieldViolation(parameter, String.valueOf(error.getDefaultMessage()))));
			}
			else {
				result.getResolvableErrors()
					.forEach((error) -> errors
						.add(new FieldViolation(parameter, String.valueOf(error.getDefaultMessage()))));
			}
		});
		errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
		return respond(validationProblem(errors), headers, "validation", request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ErrorResponse known = resolve(ex);
		if (known != null) {
			return respond(known, request);
		}
		return respond(problem(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read."), headers,
				"validation", request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			complete(problem, ProblemTypes.slugOf(problem.getStatus()), request);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/**
	 * Answer what the ORM refused before the database could: a reference to a row that is
	 * gone (a stale proxy) or not saved (a deleted parent that loaded children still
	 * point to), as the foreign key would have been answered.
	 */
	private ResponseEntity<Object> missingReference(Throwable missing, WebRequest request) {
		if (isDelete(request)) {
			return respond(
					problem(HttpStatus.CONFLICT,
							"The resource is still referenced by other resources and cannot be deleted."),
					"still-referenced", request);
		}
		if (request instanceof ServletWebRequest servlet && HttpMethod.GET.matches(servlet.getRequest().getMethod())) {
			return respond(problem(HttpStatus.NOT_FOUND, "The resource refers to a resource that no longer exists."),
					"not-found", request);
		}
		String field = referenceField(missing);
		return respond(withField(
				problem(HttpStatus.UNPROCESSABLE_CONTENT,
						(field != null) ? "'" + field + "' refers to a resource that does not exist."
								: "The request refers to a resource that does not exist."),
				field, "refers to a resource that does not exist"), "unknown-reference", request);
	}

	/**
	 * The request field of a reference Hibernate names by its property ({@code team}), in
	 * the form the foreign key's column gives it ({@code team_id} → {@code teamId}).
	 */
	private static @Nullable String referenceField(Throwable missing) {
		try {
			Object property = missing.getClass().getMethod("getPropertyName").invoke(missing);
			return (property instanceof String name && !name.isEmpty()) ? name + "Id" : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Return the problem a failure carries (the failure itself or one of its causes being
	 * an {@link ErrorResponse}), or the first one a {@link ProblemResolver} gives.
	 * @param ex the failure
	 * @return the problem, or {@code null} when nothing knows the failure
	 */
	protected @Nullable ErrorResponse resolve(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ErrorResponse response) {
				return response;
			}
		}
		for (ProblemResolver resolver : this.resolvers) {
			ErrorResponse response = resolver.resolve(ex);
			if (response != null) {
				return response;
			}
		}
		return null;
	}

	/**
	 * Return a problem with the status, its reason phrase as title, and the detail.
	 * @param status the status
	 * @param detail the detail, safe to show to the client
	 * @return the problem
	 */
	protected static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/**
	 * Complete a problem (type, title, instance) and wrap it in a response.
	 * @param problem the problem
	 * @param slug the kind of problem, for its type
	 * @param request the request
	 * @return the response
	 */
	protected ResponseEntity<Object> respond(ProblemDetail problem, String slug, WebRequest request) {
		return respond(problem, new HttpHeaders(), slug, request);
	}

	private ResponseEntity<Object> respond(ErrorResponse response, WebRequest request) {
		ProblemDetail problem = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		String slug = (response instanceof ProblemException known) ? known.getSlug()
				: ProblemTypes.slugOf(response.getStatusCode().value());
		return respond(problem, HttpHeaders.copyOf(response.getHeaders()), slug, request);
	}

	private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, String slug,
			WebRequest request) {
		return new ResponseEntity<>(complete(problem, slug, request), headers, problem.getStatus());
	}

	private ProblemDetail complete(ProblemDetail problem, String slug, WebRequest request) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : null;
		this.types.complete(problem, slug, path);
		if (problem.getDetail() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setDetail((status != null) ? status.getReasonPhrase() + "." : "The request failed.");
		}
		return problem;
	}

	private ResponseEntity<Object> databaseUnavailable(WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter.toSeconds())));
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is not available at the moment. Retry later.");
		return respond(problem, headers, "database-unavailable", request);
	}

	/**
	 * Return whether a server error is really a lost or unusable database connection.
	 */
	private static boolean isConnectionFailure(Throwable ex, HttpStatusCode status) {
		return status.is5xxServerError() && ConnectionFailures.isConnectionFailure(ex);
	}

	private static ProblemDetail validationProblem(List<FieldViolation> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request is not valid.");
		problem.setProperty(ERRORS_PROPERTY, oneEntryPerField(errors));
		return problem;
	}

	/**
	 * Merge the violations of one field into one entry, their messages joined by
	 * {@code "; "}.
	 * @param errors the violations, sorted
	 * @return one entry per field, in the order of first appearance
	 */
	static List<FieldViolation> oneEntryPerField(List<FieldViolation> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.forEach((error) -> byField.merge(error.field(), error.message(),
				(first, second) -> first.equals(second) ? first : first + "; " + second));
		List<FieldViolation> merged = new ArrayList<>(byField.size());
		byField.forEach((field, message) -> merged.add(new FieldViolation(field, message)));
		return merged;
	}

	private static ProblemDetail withFields(ProblemDetail problem, List<String> fields, String message) {
		if (!fields.isEmpty()) {
			problem.setProperty(ERRORS_PROPERTY,
					fields.stream().map((field) -> new FieldViolation(field, message)).toList());
		}
		return problem;
	}

	/**
	 * The fields as a detail names them: {@code 'name'}, {@code 'bookId' and 'tagId'}.
	 */
	private static @Nullable String named(List<String> fields) {
		if (fields.isEmpty()) {
			return null;
		}
		List<String> quoted = fields.stream().map((field) -> "'" + field + "'").toList();
		return (quoted.size() == 1) ? quoted.get(0)
				: String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
	}

	private static ProblemDetail withField(ProblemDetail problem, @Nullable String field, String message) {
		if (field != null) {
			problem.setProperty(ERRORS_PROPERTY, List.of(new FieldViolation(field, message)));
		}
		return problem;
	}

	/**
	 * Return whether the servlet container failed to decode the request's parameters (a
	 * form body or a query string with bad percent-encoding). Matched by name: Tomcat's
	 * exception is only there when Tomcat is.
	 */
	private static boolean isUndecodableParameters(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable findByClassName(Throwable ex, Set<String> names) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (names.contains(type.getName())) {
					return cause;
				}
			}
		}
		return null;
	}

	private static boolean isDelete(WebRequest request) {
		return request instanceof ServletWebRequest servlet
				&& HttpMethod.DELETE.matches(servlet.getRequest().getMethod());
	}

	private static String describe(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			return http.getMethod() + " " + http.getRequestURI();
		}
		return request.getDescription(false);
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "an integer";
		}
		if (type != null && type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			StringBuilder values = new StringBuilder("one of ");
			for (int i = 0; i < constants.length; i++) {
				values.append((i > 0) ? ", " : "").append(((Enum<?>) constants[i]).name());
			}
			return values.toString();
		}
		return "a valid value";
	}

}
