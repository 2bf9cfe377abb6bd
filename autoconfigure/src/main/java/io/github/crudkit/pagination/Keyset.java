package io.github.crudkit.pagination;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Keyset ("after id") paging: the rows whose id is greater than the last one seen, in id
 * order, read through the primary key index so that the thousandth page costs what the
 * first does. An offset page must skip every row before it, which grows with the depth.
 * <p>
 * An endpoint takes an {@code after} parameter next to its {@code Pageable};
 * {@link #check(Long, Pageable)} refuses what keyset paging cannot honour (a negative
 * {@code after}, a page number or an order other than by id), {@link #after(long)}
 * narrows the query and {@link #limit(int)} reads one row more than the page, which
 * {@link KeysetPage#of} turns into the {@code next} position.
 *
 * @since 0.1.0
 */
public final class Keyset {

	/**
	 * The name of the query parameter.
	 */
	public static final String PARAMETER = "after";

	/**
	 * OpenAPI description of an endpoint that is paged by offset or, with {@code after},
	 * by keyset.
	 */
	public static final String OPERATION_DESCRIPTION = "Paged by `page`, `size` and `sort`, with totals. With "
			+ "`after`, paged by keyset instead: the rows whose id is greater than `after`, in id order, the same "
			+ "filters applying, without totals; a keyset page costs the same however deep. `page.next` is the "
			+ "`after` of the next page, null on the last one.";

	/**
	 * OpenAPI description of the {@code after} parameter.
	 */
	public static final String PARAMETER_DESCRIPTION = "Keyset paging: the last id seen, 0 for the first page. "
			+ "Cannot be combined with `page` or `sort`.";

	private static final Sort BY_ID = Sort.by("id");

	private Keyset() {
	}

	/**
	 * A checked keyset request.
	 *
	 * @param after the last id seen, 0 for the first page
	 * @param size the page size
	 */
	public record Request(long after, int size) {

	}

	/**
	 * Check that a request can be read by keyset: an {@code after} of 0 or more, page 0
	 * and the order by id ascending (the default).
	 * @param after the value of the {@code after} parameter
	 * @param pageable the page request of the endpoint
	 * @return where the page starts and its size
	 * @throws InvalidPageRequestException if {@code after} is missing or negative, or a
	 * page number or another order was asked for
	 */
	public static Request check(@Nullable Long after, Pageable pageable) {
		if (after == null || after < 0) {
			throw new InvalidPageRequestException(PARAMETER, "Parameter 'after' must be an integer of 0 or more.");
		}
		if (pageable.getPageNumber() != 0) {
			throw new InvalidPageRequestException("page",
					"Parameter 'page' cannot be combined with 'after': a keyset page starts after an id.");
		}
		if (!BY_ID.equals(pageable.getSort())) {
			throw new InvalidPageRequestException("sort",
					"Parameter 'sort' cannot be combined with 'after': keyset pages are ordered by id ascending.");
		}
		return new Request(after, pageable.getPageSize());
	}

	/**
	 * Return the condition "id greater than {@code id}".
	 * @param <T> the entity type
	 * @param id the last id seen, {@code 0} for the first page
	 * @return the specification
	 */
	public static <T> Specification<T> after(long id) {
		return (root, query, builder) -> builder.greaterThan(root.get("id"), id);
	}

	/**
	 * Return how many rows to read for a page: one more than its size, to know whether a
	 * next page exists.
	 * @param size the page size
	 * @return the number of rows to read
	 */
	public static int limit(int size) {
		return size + 1;
	}

	/**
	 * Return the order of keyset pages.
	 * @return id ascending
	 */
	public static Sort order() {
		return BY_ID;
	}

}
