package io.github.crudkit.input;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.error.ProblemResolver;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;

/**
 * Tells why Jackson could not read a JSON body, as a {@code 400} problem that names the
 * field at fault in the form clients use ({@code items[3].name}): a property that is not
 * known, a value of the wrong type, a string that cannot be stored as sent
 * ({@link StrictJsonModule}), a body that nests too deeply or is not JSON at all. The
 * detail never names the field, which may be write-only; only {@code errors} does. Only
 * failures to read a request body are resolved: Jackson failing elsewhere (writing a
 * response, say) is the server's fault.
 *
 * @since 0.1.0
 */
public final class JsonProblemResolver implements ProblemResolver {

	@Override
	public @Nullable ErrorResponse resolve(Throwable failure) {
		if (findCause(failure, HttpMessageNotReadableException.class) == null) {
			// Only a body that cannot be read is the client's fault; Jackson failing
			// elsewhere is the server's.
			return null;
		}
		StrictJsonModule.InvalidTextException invalidText = findCause(failure,
				StrictJsonModule.InvalidTextException.class);
		if (invalidText != null && JsonPaths.fieldOf(invalidText) != null) {
			return invalid(JsonPaths.fieldOf(invalidText), String.valueOf(invalidText.getOriginalMessage()));
		}
		UnrecognizedPropertyException unknown = findCause(failure, UnrecognizedPropertyException.class);
		if (unknown != null) {
			String field = JsonPaths.fieldOf(unknown);
			return problem("The request has a property that is not known.", field, "is not a known property");
		}
		if (findCause(failure, StreamConstraintsException.class) != null) {
			return problem("The request body nests too deeply or has a value that is too long.", null, "");
		}
		MismatchedInputException mismatched = findCause(failure, MismatchedInputException.class);
		if (mismatched != null && JsonPaths.fieldOf(mismatched) != null) {
			if (mismatched instanceof InvalidNullException) {
				return invalid(JsonPaths.fieldOf(mismatched), "must not be null");
			}
			Class<?> target = mismatched.getTargetType();
			if (target != null && target.isEnum()) {
				return invalid(JsonPaths.fieldOf(mismatched), mustBeOneOf(target));
			}
		}
		JacksonException jackson = findCause(failure, JacksonException.class);
		if (jackson != null && JsonPaths.fieldOf(jackson) != null) {
			return invalid(JsonPaths.fieldOf(jackson), "has a value of the wrong type");
		}
		if (jackson != null || findCause(failure, StreamReadException.class) != null) {
			return problem("The request body is not valid JSON.", null, "");
		}
		return null;
	}

	/**
	 * The message for a value outside an enum: {@code must be one of A, B, C}.
	 * @param type the enum type
	 * @return the message
	 */
	public static String mustBeOneOf(Class<?> type) {
		Object[] constants = type.getEnumConstants();
		StringBuilder message = new StringBuilder("must be one of ");
		for (int i = 0; i < constants.length; i++) {
			message.append((i > 0) ? ", " : "").append(((Enum<?>) constants[i]).name());
		}
		return message.toString();
	}

	private static ProblemException invalid(@Nullable String field, String message) {
		return problem("The request is not valid.", field, message);
	}

	private static ProblemException problem(String detail, @Nullable String field, String message) {
		return (field != null) ? ProblemException.badRequest(detail, new FieldViolation(field, message))
				: ProblemException.badRequest(detail);
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
