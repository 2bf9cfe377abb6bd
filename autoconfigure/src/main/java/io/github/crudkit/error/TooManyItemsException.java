package io.github.crudkit.error;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a bulk request carries more items than an endpoint accepts; a
 * {@code 413 Content Too Large} problem naming the field.
 *
 * @since 0.1.0
 */
public class TooManyItemsException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final int limit;

	/**
	 * Create the exception.
	 * @param field the request field holding the items, for example {@code items}
	 * @param limit the most items accepted
	 * @param actual how many the request carried
	 */
	public TooManyItemsException(String field, int limit, int actual) {
		super(HttpStatus.CONTENT_TOO_LARGE, "too-many-items",
				"'" + field + "' may hold at most " + limit + " items, not " + actual + ".",
				List.of(new FieldViolation(field, "at most " + limit + " items")));
		this.field = field;
		this.limit = limit;
	}

	/**
	 * Return the request field holding the items.
	 * @return the field
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * Return the most items accepted.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
