package io.github.crudkit.error;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a request refers, in one of its fields, to a resource that does not exist
 * (for example a {@code teamId} naming no team); a {@code 422 Unprocessable Content}
 * problem naming the field.
 *
 * @since 0.1.0
 */
public class ReferenceNotFoundException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final String field;

	/**
	 * Create the exception.
	 * @param field the request field holding the reference, for example {@code teamId}
	 * @param resource the referenced resource's name as clients know it, for example
	 * {@code "Team"}
	 * @param id the identifier that was looked up
	 */
	public ReferenceNotFoundException(String field, String resource, Object id) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference", resource + " " + id + " does not exist.",
				List.of(new FieldViolation(field, resource + " " + id + " does not exist.")),
				resource + " " + id + " does not exist", null);
		this.field = field;
	}

	/**
	 * Return the request field holding the reference.
	 * @return the field path
	 */
	public String getField() {
		return this.field;
	}

}
