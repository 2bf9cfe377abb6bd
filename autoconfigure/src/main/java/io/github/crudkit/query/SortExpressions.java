package io.github.crudkit.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.util.Assert;

/**
 * Sort properties that are not attributes of the entity a page is read from, each with
 * the expression it orders by. A list of heroes that hold a power can then be sorted by
 * the level at which each holds it, a value of the link, not of the hero:
 * <pre class="code">
 * SortExpressions&lt;Hero&gt; byLevel = SortExpressions.of("level", (hero, query, builder) -&gt; {
 * 	Subquery&lt;Integer&gt; level = query.subquery(Integer.class);
 * 	Root&lt;HeroPower&gt; link = level.from(HeroPower.class);
 * 	return level.select(link.get("level")).where(builder.equal(link.get("hero"), hero),
 * 			builder.equal(link.get("power").get("id"), powerId));
 * });
 * reader.findPage(HeroView.PROJECTION, holdersOf(powerId), pageable, byLevel);
 * </pre> The properties still need their place in the endpoint's {@code @SortableBy}
 * whitelist. Every other property of the sort is an attribute path, as usual.
 *
 * @param <E> the entity type
 * @since 0.1.0
 */
public final class SortExpressions<E> {

	private final Map<String, SortExpression<E>> expressions;

	private SortExpressions(Map<String, SortExpression<E>> expressions) {
		this.expressions = expressions;
	}

	/**
	 * No sort expressions: every property is an attribute path.
	 * @param <E> the entity type
	 * @return the empty set
	 */
	public static <E> SortExpressions<E> none() {
		return new SortExpressions<>(Map.of());
	}

	/**
	 * One sort property and its expression.
	 * @param <E> the entity type
	 * @param property the property name, as the request's sort names it
	 * @param expression what it orders by
	 * @return the sort expressions
	 */
	public static <E> SortExpressions<E> of(String property, SortExpression<E> expression) {
		return SortExpressions.<E>none().and(property, expression);
	}

	/**
	 * Add a sort property and its expression.
	 * @param property the property name, as the request's sort names it
	 * @param expression what it orders by
	 * @return new sort expressions with this one added
	 */
	public SortExpressions<E> and(String property, SortExpression<E> expression) {
		Assert.hasText(property, "A property is required");
		Assert.notNull(expression, "An expression is required");
		Map<String, SortExpression<E>> added = new LinkedHashMap<>(this.expressions);
		added.put(property, expression);
		return new SortExpressions<>(Map.copyOf(added));
	}

	/**
	 * Turn a sort into the orders of a query.
	 * @param sort the sort
	 * @param root the root the orders apply to
	 * @param query the query, for subqueries
	 * @param builder the criteria builder
	 * @return the orders
	 */
	List<Order> toOrders(Sort sort, Root<E> root, CriteriaQuery<?> query, CriteriaBuilder builder) {
		if (this.expressions.isEmpty()) {
			return QueryUtils.toOrders(sort, root, builder);
		}
		List<Order> orders = new ArrayList<>();
		for (Sort.Order order : sort) {
			SortExpression<E> expression = this.expressions.get(order.getProperty());
			if (expression == null) {
				orders.addAll(QueryUtils.toOrders(Sort.by(order), root, builder));
			}
			else {
				Expression<?> value = expression.orderBy(root, query, builder);
				orders.add(order.isAscending() ? builder.asc(value) : builder.desc(value));
			}
		}
		return orders;
	}

	/**
	 * What one sort property orders by, for a root of the entity.
	 *
	 * @param <E> the entity type
	 */
	@FunctionalInterface
	public interface SortExpression<E> {

		/**
		 * Return the expression to order by.
		 * @param root the root of the query or subquery being ordered
		 * @param query the query, for subqueries
		 * @param builder the criteria builder
		 * @return the expression
		 */
		Expression<?> orderBy(Root<E> root, CriteriaQuery<?> query, CriteriaBuilder builder);

	}

}
