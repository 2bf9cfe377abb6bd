package io.github.crudkit.patch;

import java.util.List;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a merge patch is not a JSON object, names a property the target does not
 * have, or gives a property a value of the wrong type; a {@code 400 Bad Request} problem.
 * The field goes in {@code errors} only: the detail never names a field, which may be
 * write-only.
 *
 * @since 0.1.0
 */
public class InvalidPatchException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String field;

	/**
	 * Create the exception.
	 * @param field the offending property, or {@code null} when the patch as a whole is
	 * wrong
	 * @param message what is wrong with the field (for example
	 * {@code has a value of the wrong type}), or with the patch as a whole when there is
	 * no field; safe to show to the client
	 */
	public InvalidPatchException(@Nullable String field, String message) {
		super(HttpStatus.BAD_REQUEST, "validation", (field != null) ? "The request is not valid." : message,
				(field != null) ? List.of(new FieldViolation(field, message)) : List.of(), message, null);
		this.field = field;
	}

	/**
	 * Return the offending property, or {@code null} when the patch as a whole is wrong.
	 * @return the property name
	 */
	public @Nullable String getField() {
		return this.field;
	}

}
