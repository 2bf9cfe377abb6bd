package io.github.crudkit.query;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.FetchParent;
import jakarta.persistence.criteria.JoinType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;

/**
 * Fetch plans for {@link Specification} queries, as left fetch joins that Hibernate can
 * cache.
 * <p>
 * An {@code @EntityGraph} on a repository method names the relations to load with the
 * rows, but Hibernate 7 does not keep the query plan of a query that carries an entity
 * graph: it translates the query again on every execution (in the profile of a paged read
 * that was about a fifth of the request's CPU time). A fetch join in the query itself
 * loads the same rows in the same statement, and its plan is cached like any other. Use
 * {@code filter.and(FetchJoins.left("team"))} with {@code findAll(Specification)} or
 * {@code findAll(Specification, Sort)}: the joins are added to the query that reads the
 * rows, left out of a query that counts them (a count cannot fetch) and out of
 * subqueries.
 * <p>
 * For pages, prefer {@link EntityReader#findPage}: {@code findAll(Specification,
 * Pageable)} joins every row PostgreSQL walks past to reach a deep page, where the reader
 * chooses the page's ids first and joins only those, and it can fetch collections too.
 * Through a repository, only to-one relations belong here: fetching a collection would
 * multiply the rows, and paging such a query is refused by crudkit's default
 * {@code hibernate.query.fail_on_pagination_over_collection_fetch}.
 *
 * @since 0.1.0
 */
public final class FetchJoins {

	private FetchJoins() {
	}

	/**
	 * A specification that adds no condition and fetches the given relations with left
	 * joins.
	 * @param <T> the entity type
	 * @param paths attribute paths, dotted for nested relations ({@code "team"},
	 * {@code "team.city"})
	 * @return the specification
	 */
	public static <T> Specification<T> left(String... paths) {
		Assert.notEmpty(paths, "At least one path is required");
		List<String[]> parsed = Arrays.stream(paths).map(FetchJoins::parse).toList();
		return (root, query, builder) -> {
			if (!isCount(query) && query.getRoots().contains(root)) {
				parsed.forEach((path) -> fetch(root, path));
			}
			return null;
		};
	}

	static String[] parse(String path) {
		Assert.hasText(path, "A path must not be empty");
		String[] names = path.split("\\.", -1);
		for (String name : names) {
			Assert.hasText(name, () -> "Path '" + path + "' has an empty segment");
		}
		return names;
	}

	static void fetch(FetchParent<?, ?> root, String[] path) {
		FetchParent<?, ?> parent = root;
		for (String name : path) {
			Fetch<?, ?> next = existing(parent, name);
			parent = (next != null) ? next : parent.fetch(name, JoinType.LEFT);
		}
	}

	private static @Nullable Fetch<?, ?> existing(FetchParent<?, ?> parent, String name) {
		for (Fetch<?, ?> fetch : parent.getFetches()) {
			if (fetch.getAttribute().getName().equals(name)) {
				return fetch;
			}
		}
		return null;
	}

	private static boolean isCount(CriteriaQuery<?> query) {
		Class<?> type = query.getResultType();
		return type == Long.class || type == long.class;
	}

}
