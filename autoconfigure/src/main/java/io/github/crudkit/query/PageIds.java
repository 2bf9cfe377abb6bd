package io.github.crudkit.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.query.criteria.JpaExpression;
import org.hibernate.query.criteria.JpaSubQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The ids of a page, chosen on the entity's table alone (its filter, its order, the id as
 * the last key, then how many rows to skip and to take), as a subquery of the query that
 * reads the page's rows: {@code where e.id in (select ... offset ? fetch first ?)}.
 * Whatever the outer query joins, fetches or computes per row is then done for the page's
 * rows only.
 */
final class PageIds {

	private PageIds() {
	}

	/**
	 * Restrict a query's root to the ids of a page.
	 * @param entityManager the entity manager, for its criteria builder and metamodel
	 * @param query the query that reads the rows
	 * @param root its root
	 * @param filter the filter, applied to the subquery's own root
	 * @param sort the order, applied to the subquery and to be applied to the query
	 * @param offset how many rows to skip, {@code null} for none
	 * @param size how many rows to take
	 * @return the condition
	 */
	static <E> Predicate restrict(EntityManager entityManager, CriteriaQuery<?> query, Root<E> root,
			Specification<E> filter, Sort sort, @Nullable ParameterExpression<Integer> offset,
			ParameterExpression<Integer> size) {
		return restrict(entityManager, query, root, filter, sort, SortExpressions.none(), offset, size);
	}

	/**
	 * Restrict a query's root to the ids of a page whose order may use sort expressions.
	 * @param entityManager the entity manager, for its criteria builder and metamodel
	 * @param query the query that reads the rows
	 * @param root its root
	 * @param filter the filter, applied to the subquery's own root
	 * @param sort the order, applied to the subquery and to be applied to the query
	 * @param sorts the expressions of sort properties that are not attributes
	 * @param offset how many rows to skip, {@code null} for none
	 * @param size how many rows to take
	 * @return the condition
	 */
	static <E> Predicate restrict(EntityManager entityManager, CriteriaQuery<?> query, Root<E> root,
			Specification<E> filter, Sort sort, SortExpressions<E> sorts, @Nullable ParameterExpression<Integer> offset,
			ParameterExpression<Integer> size) {
		@SuppressWarnings("unchecked")
		Class<E> entity = (Class<E>) root.getJavaType();
		SingularAttribute<? super E, ?> id = idAttribute(entityManager, entity);
		return root.get(id).in(subquery(entityManager, query, entity, id, filter, sort, sorts, offset, size));
	}

	private static <E, I> Subquery<I> subquery(EntityManager entityManager, CriteriaQuery<?> query, Class<E> entity,
			SingularAttribute<? super E, I> id, Specification<E> filter, Sort sort, SortExpressions<E> sorts,
			@Nullable ParameterExpression<Integer> offset, ParameterExpression<Integer> size) {
		CriteriaBuilder builder = entityManager.getCriteriaBuilder();
		JpaSubQuery<I> ids = (JpaSubQuery<I>) query.subquery(id.getJavaType());
		Root<E> candidate = ids.from(entity);
		ids.select(candidate.get(id));
		Predicate condition = filter.toPredicate(candidate, query, builder);
		if (condition != null) {
			ids.where(condition);
		}
		ids.orderBy(sorts.toOrders(sort, candidate, query, builder));
		if (offset != null) {
			ids.offset(jpa(offset));
		}
		ids.fetch(jpa(size));
		return ids;
	}

	private static JpaExpression<Integer> jpa(Expression<Integer> expression) {
		return (JpaExpression<Integer>) expression;
	}

	/**
	 * Count the rows of an entity that the filter selects.
	 */
	static <E> long count(EntityManager entityManager, Class<E> entity, Specification<E> filter) {
		CriteriaBuilder builder = entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = builder.createQuery(Long.class);
		Root<E> root = query.from(entity);
		query.select(builder.count(root));
		Predicate condition = filter.toPredicate(root, query, builder);
		if (condition != null) {
			query.where(condition);
		}
		return entityManager.createQuery(query).getSingleResult();
	}

	static <E> SingularAttribute<? super E, ?> idAttribute(EntityManager entityManager, Class<E> entity) {
		EntityType<E> type = entityManager.getMetamodel().entity(entity);
		if (!type.hasSingleIdAttribute()) {
			throw new IllegalStateException(entity.getName() + " has no single id attribute");
		}
		return type.getId(type.getIdType().getJavaType());
	}

}
