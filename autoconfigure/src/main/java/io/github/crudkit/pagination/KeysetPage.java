package io.github.crudkit.pagination;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A page read by keyset: the rows after a given id, in id order, with the id to continue
 * from. Unlike an offset page it costs the same at any depth, and it carries no totals
 * (counting every row is what a deep keyset read avoids).
 * <p>
 * JSON: {@code {"content": [...], "page": {"size": 20, "after": 0, "next": 20}}};
 * {@code next} is {@code null} on the last page, otherwise the value of {@code after} for
 * the next request.
 *
 * @param <T> the type of the rows
 * @param content the rows
 * @param page where the rows are and where the next ones start
 * @since 0.1.0
 */
public record KeysetPage<T>(List<T> content, Metadata page) {

	/**
	 * Build a page from the rows that a query with {@link Keyset#limit(int)} returned:
	 * one row more than the page size tells that there is a next page, and is dropped.
	 * @param <T> the type of the rows
	 * @param rows the rows read, at most {@code request.size() + 1}
	 * @param request where the page starts and its size
	 * @param id how to read a row's id
	 * @return the page
	 */
	public static <T> KeysetPage<T> of(List<T> rows, Keyset.Request request, ToLongFunction<? super T> id) {
		int size = request.size();
		boolean more = rows.size() > size;
		List<T> content = more ? List.copyOf(rows.subList(0, size)) : List.copyOf(rows);
		Long next = more ? id.applyAsLong(content.get(content.size() - 1)) : null;
		return new KeysetPage<>(content, new Metadata(size, request.after(), next));
	}

	/**
	 * Return a page of the same position with every row converted.
	 * @param <U> the type of the converted rows
	 * @param converter converts one row
	 * @return the converted page
	 */
	public <U> KeysetPage<U> map(Function<? super T, ? extends U> converter) {
		return new KeysetPage<>(this.content.stream().<U>map(converter).toList(), this.page);
	}

	/**
	 * Where a keyset page is.
	 *
	 * @param size the page size
	 * @param after the id the page starts after
	 * @param next the id to pass as {@code after} for the next page, or {@code null} on
	 * the last page
	 */
	@Schema(name = "KeysetPageMetadata")
	public record Metadata(int size, long after, @Nullable Long next) {

	}

}
