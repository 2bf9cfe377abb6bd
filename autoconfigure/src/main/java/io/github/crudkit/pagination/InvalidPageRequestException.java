package io.github.crudkit.pagination;

/**
 * Thrown when {@code page}, {@code size} or {@code sort} is not acceptable; mapped to
 * {@code 400 Bad Request} naming the parameter.
 *
 * @since 0.1.0
 */
public class InvalidPageRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String parameter;

	/**
	 * Create the exception.
	 * @param parameter the offending query parameter: {@code page}, {@code size} or
	 * {@code sort}
	 * @param message what is wrong, safe to show to the client
	 */
	public InvalidPageRequestException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/**
	 * Return the offending query parameter.
	 * @return the parameter name
	 */
	public String getParameter() {
		return this.parameter;
	}

}
