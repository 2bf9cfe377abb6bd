package io.github.crudkit.error;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Thrown by a service when the resource a request names does not exist; a
 * {@code 404 Not Found} problem.
 *
 * @since 0.1.0
 */
public class ResourceNotFoundException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final String resource;

	private final transient Object id;

	/**
	 * Create an exception for a missing resource.
	 * @param resource the resource's name as clients know it, for example {@code "Hero"}
	 * @param id the identifier that was looked up
	 */
	public ResourceNotFoundException(String resource, Object id) {
		super(HttpStatus.NOT_FOUND, "not-found", resource + " " + id + " not found.", List.of(),
				resource + " " + id + " not found", null);
		this.resource = resource;
		this.id = id;
	}

	/**
	 * Return the resource's name as clients know it.
	 * @return the resource name
	 */
	public String getResource() {
		return this.resource;
	}

	/**
	 * Return the identifier that was looked up.
	 * @return the identifier
	 */
	public Object getId() {
		return this.id;
	}

}
