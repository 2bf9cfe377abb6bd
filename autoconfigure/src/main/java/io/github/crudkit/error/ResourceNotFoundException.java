package io.github.crudkit.error;

/**
 * Thrown by a service when the resource a request names does not exist; mapped to
 * {@code 404 Not Found}.
 *
 * @since 0.1.0
 */
public class ResourceNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String resource;

	private final Object id;

	/**
	 * Create an exception for a missing resource.
	 * @param resource the resource's name as clients know it, for example {@code "Hero"}
	 * @param id the identifier that was looked up
	 */
	public ResourceNotFoundException(String resource, Object id) {
		super(resource + " " + id + " not found");
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
