package io.github.crudkit.pagination;

import java.util.List;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Thrown when {@code page}, {@code size}, {@code sort} or {@code after} is not
 * acceptable; a {@code 400 Bad Request} problem naming the parameter.
 *
 * @since 0.1.0
 */
public class InvalidPageRequestException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final String parameter;

	/**
	 * Create the exception.
	 * @param parameter the offending query parameter: {@code page}, {@code size},
	 * {@code sort} or {@code after}
	 * @param message what is wrong, safe to show to the client
	 */
	public InvalidPageRequestException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldViolation(parameter, message)), message,
				null);
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
