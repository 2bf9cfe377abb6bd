package io.github.crudkit.patch;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a merge patch is not a JSON object, names a property the target does not
 * have, or gives a property a value of the wrong type; mapped to {@code 400 Bad Request}.
 *
 * @since 0.1.0
 */
public class InvalidPatchException extends RuntimeException {

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
		super(message);
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
