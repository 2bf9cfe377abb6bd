package io.github.crudkit.query;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;

/**
 * Reads pages of entities with their relations fetched, id-first, in one statement per
 * page: the page's ids are chosen on the entity's table alone (its filter, its order, the
 * id as the last key, the offset and the size), and only those rows are read with their
 * fetch joins: <pre class="code">
 * select t from Team t left join fetch t.members
 * where t.id in (select t2.id from Team t2 where ... order by t2.name, t2.id offset ? fetch first ? rows only)
 * order by t.name, t.id
 * </pre> A page deep in the list then joins as many rows as the page holds, and a
 * collection can be fetched with the page: the limit is on the subquery, so the rows are
 * not cut in memory (crudkit's default
 * {@code hibernate.query.fail_on_pagination_over_collection_fetch} refuses that) and no
 * {@code @BatchSize} round trips follow.
 * <p>
 * {@code Spring Data}'s {@code findAll(Specification, Pageable)} with {@link FetchJoins}
 * reads the same rows join-first: PostgreSQL joins every row it walks past to reach a
 * deep page. Use this reader for pages whose entities a request changes or whose
 * relations it needs; use {@link ProjectionReader} for what a request only shows.
 * Entities are managed by the current persistence context, so call it inside a
 * transaction ({@code @Transactional(readOnly = true)} for reads).
 * <p>
 * Failures are Spring's {@code DataAccessException}s, as a repository's are.
 *
 * @since 0.1.0
 */
public final class EntityReader {

	private final EntityManager entityManager;

	private final PersistenceExceptionTranslator exceptions;

	/**
	 * Create a reader whose failures are Spring's {@code DataAccessException}s, as
	 * Hibernate's exceptions translate to them.
	 * @param entityManager the entity manager, normally Spring's shared one
	 */
	public EntityReader(EntityManager entityManager) {
		this(entityManager, new HibernateJpaDialect());
	}

	/**
	 * Create a reader.
	 * @param entityManager the entity manager, normally Spring's shared one
	 * @param exceptions translates the provider's exceptions into Spring's
	 * {@code DataAccessException}s
	 */
	public EntityReader(EntityManager entityManager, PersistenceExceptionTranslator exceptions) {
		this.entityManager = entityManager;
		this.exceptions = exceptions;
	}

	/**
	 * Read an offset page of entities, id-first, with the given relations fetched, and
	 * its total (counted only when the page does not show it).
	 * @param <E> the entity type
	 * @param entity the entity class
	 * @param filter the filter
	 * @param pageable the page and its order; the order should end with the id, as
	 * crudkit's resolved {@code Pageable}s do, for pages that never repeat or skip a row
	 * @param fetch the relations to load with the rows, as attribute paths
	 * ({@code "team"}, {@code "members"}, {@code "team.city"}); to-one and to-many alike
	 * @return the page
	 */
	public <E> Page<E> findPage(Class<E> entity, Specification<E> filter, Pageable pageable, String... fetch) {
		if (pageable.isUnpaged()) {
			List<E> rows = findAll(entity, filter, pageable.getSort(), fetch);
			return PageableExecutionUtils.getPage(rows, pageable, rows::size);
		}
		try {
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			ParameterExpression<Integer> offset = builder.parameter(Integer.class);
			ParameterExpression<Integer> size = builder.parameter(Integer.class);
			List<E> rows = query(entity, fetch, pageable.getSort(),
					(query, root) -> PageIds.restrict(this.entityManager, query, root, filter, pageable.getSort(),
							offset, size))
				.setParameter(offset, Math.toIntExact(pageable.getOffset()))
				.setParameter(size, pageable.getPageSize())
				.getResultList();
			return PageableExecutionUtils.getPage(rows, pageable,
					() -> PageIds.count(this.entityManager, entity, filter));
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Read a keyset page of entities: the rows after the request's id, in id order,
	 * chosen through the primary key, with the given relations fetched; no total.
	 * @param <E> the entity type
	 * @param entity the entity class
	 * @param filter the filter
	 * @param request where the page starts and its size
	 * @param id how to read an entity's id
	 * @param fetch the relations to load with the rows, as attribute paths
	 * @return the page
	 */
	public <E> KeysetPage<E> findAfter(Class<E> entity, Specification<E> filter, Keyset.Request request,
			ToLongFunction<? super E> id, String... fetch) {
		try {
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			ParameterExpression<Integer> size = builder.parameter(Integer.class);
			List<E> rows = query(entity, fetch, Keyset.order(),
					(query, root) -> PageIds.restrict(this.entityManager, query, root,
							filter.and(Keyset.after(request.after())), Keyset.order(), null, size))
				.setParameter(size, Keyset.limit(request.size()))
				.getResultList();
			return KeysetPage.of(rows, request, id);
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Read every entity that the filter selects, in order, with the given relations
	 * fetched: for lists that are bounded by what they are, not for pages.
	 * @param <E> the entity type
	 * @param entity the entity class
	 * @param filter the filter
	 * @param sort the order
	 * @param fetch the relations to load with the rows, as attribute paths
	 * @return the entities
	 */
	public <E> List<E> findAll(Class<E> entity, Specification<E> filter, Sort sort, String... fetch) {
		try {
			return query(entity, fetch, sort,
					(query, root) -> filter.toPredicate(root, query, this.entityManager.getCriteriaBuilder()))
				.getResultList();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	private <E> TypedQuery<E> query(Class<E> entity, String[] fetch, Sort sort, Condition<E> condition) {
		List<String[]> paths = Arrays.stream(fetch).map(FetchJoins::parse).toList();
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<E> query = builder.createQuery(entity);
		Root<E> root = query.from(entity);
		paths.forEach((path) -> FetchJoins.fetch(root, path));
		query.select(root);
		Predicate where = condition.on(query, root);
		if (where != null) {
			query.where(where);
		}
		query.orderBy(QueryUtils.toOrders(sort, root, builder));
		return this.entityManager.createQuery(query);
	}

	private RuntimeException translate(RuntimeException ex) {
		DataAccessException translated = this.exceptions.translateExceptionIfPossible(ex);
		return (translated != null) ? translated : ex;
	}

	@FunctionalInterface
	private interface Condition<E> {

		@Nullable Predicate on(CriteriaQuery<E> query, Root<E> root);

	}

}
