package io.github.crudkit.query;

import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.replica.ReadRouting;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Embeddable;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

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
 * Reads {@link Projection}s: one row, a list, an offset page or a keyset page, each
 * filtered by a {@link Specification}, in auto-commit when no transaction is running (no
 * entity is loaded, so none needs managing).
 * <p>
 * An offset page is read <em>id-first</em>: the page's ids are chosen on the entity's
 * table alone (its filter, its order, the id as the last key, the offset and the size),
 * and only those rows are joined and projected, in one statement: <pre class="code">
 * select new HeroView(h.id, h.name, t.id, t.name) from Hero h left join h.team t
 * where h.id in (select h2.id from Hero h2 where ... order by h2.name, h2.id offset ? fetch first ? rows only)
 * order by h.name, h.id
 * </pre> so that a page deep in the list joins (and evaluates per-row expressions for) as
 * many rows as the page holds, instead of every row PostgreSQL walks past to reach it.
 * The total is a second statement, skipped when the page shows it holds the last row.
 * <p>
 * Its reads may go to a read replica ({@link ReadRouting#readOnly}) when the application
 * configures one.
 * <p>
 * Failures are Spring's {@code DataAccessException}s, as a repository's are, so that a
 * database that cannot be reached is a {@code 503}, not a {@code 500}.
 *
 * @since 0.1.0
 */
public final class ProjectionReader {

	private final EntityManager entityManager;

	private final PersistenceExceptionTranslator exceptions;

	/**
	 * Create a reader whose failures are Spring's {@code DataAccessException}s, as
	 * Hibernate's exceptions translate to them.
	 * @param entityManager the entity manager, normally Spring's shared one
	 */
	public ProjectionReader(EntityManager entityManager) {
		this(entityManager, new HibernateJpaDialect());
	}

	/**
	 * Create a reader.
	 * @param entityManager the entity manager, normally Spring's shared one
	 * @param exceptions translates the provider's exceptions into Spring's
	 * {@code DataAccessException}s, as a repository's are
	 */
	public ProjectionReader(EntityManager entityManager, PersistenceExceptionTranslator exceptions) {
		this.entityManager = entityManager;
		this.exceptions = exceptions;
	}

	/**
	 * Read the one row that the filter selects.
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter, typically by id
	 * @return the row, if there is one
	 */
	public <E, R> Optional<R> findOne(Projection<E, R> projection, Specification<E> filter) {
		return ReadRouting.readOnly(() -> readOne(projection, filter));
	}

	private <E, R> Optional<R> readOne(Projection<E, R> projection, Specification<E> filter) {
		try {
			List<R> rows = query(projection, filter, Sort.unsorted()).setMaxResults(2).getResultList();
			if (rows.size() > 1) {
				throw new IllegalStateException("More than one " + projection.entity().getSimpleName() + " matches");
			}
			return rows.stream().findFirst();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Read every row that the filter selects, in order: for lists that are bounded by
	 * what they are (the heroes of one team, say), not for pages.
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter
	 * @param sort the order
	 * @return the rows
	 */
	public <E, R> List<R> findAll(Projection<E, R> projection, Specification<E> filter, Sort sort) {
		return ReadRouting.readOnly(() -> {
			try {
				return query(projection, filter, sort).getResultList();
			}
			catch (RuntimeException ex) {
				throw translate(ex);
			}
		});
	}

	/**
	 * Read the rows that the filter selects, in order, at most {@code limit} of them.
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter
	 * @param sort the order
	 * @param limit the most rows to read
	 * @return the rows
	 */
	public <E, R> List<R> findAll(Projection<E, R> projection, Specification<E> filter, Sort sort, int limit) {
		return ReadRouting.readOnly(() -> {
			try {
				return query(projection, filter, sort).setMaxResults(limit).getResultList();
			}
			catch (RuntimeException ex) {
				throw translate(ex);
			}
		});
	}

	/**
	 * Read a keyset page: the rows after the request's id, in id order, through the
	 * primary key, and no total.
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter
	 * @param request where the page starts and its size
	 * @param id how to read a row's id
	 * @return the page
	 */
	public <E, R> KeysetPage<R> findAfter(Projection<E, R> projection, Specification<E> filter, Keyset.Request request,
			ToLongFunction<? super R> id) {
		List<R> rows = findAll(projection, filter.and(Keyset.after(request.after())), Keyset.order(),
				Keyset.limit(request.size()));
		return KeysetPage.of(rows, request, id);
	}

	/**
	 * Read an offset page, id-first, and its total (counted only when the page does not
	 * show it).
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter
	 * @param pageable the page and its order; the order should end with the id, as
	 * crudkit's resolved {@code Pageable}s do, for pages that never repeat or skip a row
	 * @return the page
	 */
	public <E, R> Page<R> findPage(Projection<E, R> projection, Specification<E> filter, Pageable pageable) {
		return findPage(projection, filter, pageable, SortExpressions.none());
	}

	/**
	 * Read an offset page, id-first, ordered by attributes and by the given sort
	 * expressions, and its total (counted only when the page does not show it).
	 * @param <E> the entity type
	 * @param <R> the view type
	 * @param projection the projection
	 * @param filter the filter
	 * @param pageable the page and its order; the order should end with the id
	 * @param sorts the expressions of the sort properties that are not attributes
	 * @return the page
	 */
	public <E, R> Page<R> findPage(Projection<E, R> projection, Specification<E> filter, Pageable pageable,
			SortExpressions<E> sorts) {
		return ReadRouting.readOnly(() -> readPage(projection, filter, pageable, sorts));
	}

	private <E, R> Page<R> readPage(Projection<E, R> projection, Specification<E> filter, Pageable pageable,
			SortExpressions<E> sorts) {
		try {
			if (pageable.isUnpaged()) {
				List<R> rows = query(projection, filter, pageable.getSort(), sorts).getResultList();
				return PageableExecutionUtils.getPage(rows, pageable, rows::size);
			}
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			CriteriaQuery<R> query = builder.createQuery(projection.view());
			Root<E> root = query.from(projection.entity());
			ParameterExpression<Integer> offset = builder.parameter(Integer.class);
			ParameterExpression<Integer> size = builder.parameter(Integer.class);
			select(query, root, projection);
			query.where(
					PageIds.restrict(this.entityManager, query, root, filter, pageable.getSort(), sorts, offset, size));
			query.orderBy(sorts.toOrders(pageable.getSort(), root, query, builder));
			List<R> rows = this.entityManager.createQuery(query)
				.setParameter(offset, Math.toIntExact(pageable.getOffset()))
				.setParameter(size, pageable.getPageSize())
				.getResultList();
			return PageableExecutionUtils.getPage(rows, pageable, () -> count(projection.entity(), filter));
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Read the children of many owners in one statement, grouped by owner: the Java
	 * answer to SQLAlchemy's {@code selectinload}. Read a page of owners first, then
	 * their children with the page's ids ({@code where owner.id = any(?)}, the ids as one
	 * array): two statements for any page size, and never a page cut in memory from a
	 * fetch-joined collection. The statement has one text and one cached query plan
	 * whatever the number of owners, as long as neither the owner's path, the order nor
	 * the projection goes through an embedded id or another embeddable: Hibernate gives
	 * such paths new aliases in every criteria query, so their plans never match. For
	 * those this method falls back to {@code in (...)}, which Hibernate translates again
	 * on every call (about a tenth of the CPU of a small read): name the owner through
	 * its association ({@code "hero.id"}), not through the key ({@code "id.heroId"}).
	 * <pre class="code">
	 * Page&lt;HeroView&gt; page = reader.findPage(HeroView.PROJECTION, filter, pageable);
	 * Map&lt;Long, List&lt;HeroPowerRow&gt;&gt; powers = reader.findChildren(HeroPowerRow.PROJECTION, "hero.id",
	 * 		page.map(HeroView::id).getContent(), HeroPowerRow.ORDER, HeroPowerRow::heroId);
	 * </pre>
	 * @param <E> the child entity type
	 * @param <R> the child view type
	 * @param <K> the owner's id type
	 * @param projection the projection of the children
	 * @param ownerIdPath the attribute path of the owner's id in the child
	 * ({@code "hero.id"} through a to-one; {@code "id.heroId"}, a column of a composite
	 * key, works but is translated on every call)
	 * @param ownerIds the owners' ids; none reads nothing
	 * @param sort the order of each owner's children
	 * @param ownerId how to read the owner's id from a child's view
	 * @return the children of each owner, in order; an owner without children has no
	 * entry
	 */
	public <E, R, K> Map<K, List<R>> findChildren(Projection<E, R> projection, String ownerIdPath,
			Collection<? extends K> ownerIds, Sort sort, Function<? super R, ? extends K> ownerId) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		List<K> distinct = List.copyOf(new LinkedHashSet<>(ownerIds));
		List<R> rows = ReadRouting.readOnly(() -> readChildren(projection, ownerIdPath, distinct, sort));
		Map<K, List<R>> grouped = new LinkedHashMap<>();
		for (R row : rows) {
			grouped.computeIfAbsent(ownerId.apply(row), (key) -> new ArrayList<>()).add(row);
		}
		return grouped;
	}

	private <E, R, K> List<R> readChildren(Projection<E, R> projection, String ownerIdPath, List<K> distinct,
			Sort sort) {
		try {
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			CriteriaQuery<R> query = builder.createQuery(projection.view());
			Root<E> root = query.from(projection.entity());
			select(query, root, projection);
			Path<?> owner = root;
			for (String name : ownerIdPath.split("\\.")) {
				owner = owner.get(name);
			}
			query.orderBy(QueryUtils.toOrders(sort, root, builder));
			boolean cacheable = !throughEmbeddable(projection.entity(), ownerIdPath)
					&& sort.stream().noneMatch((order) -> throughEmbeddable(projection.entity(), order.getProperty()))
					&& !selectsThroughEmbeddable(query.getSelection());
			if (builder instanceof HibernateCriteriaBuilder hibernate && cacheable) {
				// The ids as one value: a declared parameter makes the plan's cache key
				// unique to this query, a collection parameter makes it uncacheable.
				Object ids = ownerIdArray(owner.getJavaType(), distinct);
				query.where(builder.isTrue(hibernate.sql("? = any(?)", Boolean.class, owner, hibernate.value(ids))));
				return this.entityManager.createQuery(query).getResultList();
			}
			@SuppressWarnings("rawtypes")
			ParameterExpression<Collection> ids = builder.parameter(Collection.class);
			query.where(owner.in(ids));
			return this.entityManager.createQuery(query).setParameter(ids, distinct).getResultList();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Whether an attribute path goes through an embeddable (an embedded id, say) before
	 * its last attribute.
	 */
	private boolean throughEmbeddable(Class<?> entity, String path) {
		ManagedType<?> type = this.entityManager.getMetamodel().managedType(entity);
		String[] names = path.split("\\.");
		for (int i = 0; i < names.length - 1; i++) {
			if (!(type.getAttribute(names[i]) instanceof SingularAttribute<?, ?> attribute)
					|| !(attribute.getType() instanceof ManagedType<?> next)) {
				return false;
			}
			if (next.getPersistenceType() == Type.PersistenceType.EMBEDDABLE) {
				return true;
			}
			type = next;
		}
		return false;
	}

	/**
	 * Whether a selection reads an attribute of an embeddable (a column of an embedded
	 * id, say).
	 */
	private static boolean selectsThroughEmbeddable(Selection<?> selection) {
		if (selection.isCompoundSelection()) {
			return selection.getCompoundSelectionItems().stream().anyMatch(ProjectionReader::selectsThroughEmbeddable);
		}
		if (selection instanceof Path<?> path) {
			for (Path<?> parent = path.getParentPath(); parent != null; parent = parent.getParentPath()) {
				if (parent.getJavaType().isAnnotationPresent(Embeddable.class)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Object ownerIdArray(Class<?> type, List<?> ids) {
		Class<?> element = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
		Object array = Array.newInstance(element, ids.size());
		for (int i = 0; i < ids.size(); i++) {
			Array.set(array, i, ids.get(i));
		}
		return array;
	}

	/**
	 * Count the rows of an entity that the filter selects.
	 * @param <E> the entity type
	 * @param entity the entity class
	 * @param filter the filter
	 * @return the number of rows
	 */
	public <E> long count(Class<E> entity, Specification<E> filter) {
		return ReadRouting.readOnly(() -> {
			try {
				return PageIds.count(this.entityManager, entity, filter);
			}
			catch (RuntimeException ex) {
				throw translate(ex);
			}
		});
	}

	private RuntimeException translate(RuntimeException ex) {
		DataAccessException translated = this.exceptions.translateExceptionIfPossible(ex);
		return (translated != null) ? translated : ex;
	}

	private <E, R> TypedQuery<R> query(Projection<E, R> projection, Specification<E> filter, Sort sort) {
		return query(projection, filter, sort, SortExpressions.none());
	}

	private <E, R> TypedQuery<R> query(Projection<E, R> projection, Specification<E> filter, Sort sort,
			SortExpressions<E> sorts) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<R> query = builder.createQuery(projection.view());
		Root<E> root = query.from(projection.entity());
		select(query, root, projection);
		Predicate condition = filter.toPredicate(root, query, builder);
		if (condition != null) {
			query.where(condition);
		}
		query.orderBy(sorts.toOrders(sort, root, query, builder));
		return this.entityManager.createQuery(query);
	}

	private <E, R> void select(CriteriaQuery<R> query, Root<E> root, Projection<E, R> projection) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		List<Selection<?>> selections = projection.selector().select(root, query, builder);
		query.select(builder.construct(projection.view(), selections.toArray(Selection[]::new)));
	}

}
