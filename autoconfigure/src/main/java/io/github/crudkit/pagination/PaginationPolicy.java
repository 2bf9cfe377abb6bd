package io.github.crudkit.pagination;

/**
 * Page size rules of list endpoints.
 *
 * @param defaultSize the page size when the request gives none
 * @param maxSize the largest page size
 * @param oversize what a larger requested size gets
 * @since 0.1.0
 */
public record PaginationPolicy(int defaultSize, int maxSize, Oversize oversize) {

	/**
	 * Check the sizes.
	 * @param defaultSize the page size when the request gives none
	 * @param maxSize the largest page size
	 * @param oversize what a larger requested size gets
	 */
	public PaginationPolicy {
		if (defaultSize < 1 || maxSize < defaultSize) {
			throw new IllegalArgumentException(
					"Need 1 <= default-size <= max-size, got " + defaultSize + " and " + maxSize);
		}
	}

	/**
	 * What a requested page size above the maximum gets.
	 */
	public enum Oversize {

		/**
		 * The maximum size is used instead.
		 */
		CLAMP,

		/**
		 * The request is a {@code 400}.
		 */
		REJECT

	}

}
