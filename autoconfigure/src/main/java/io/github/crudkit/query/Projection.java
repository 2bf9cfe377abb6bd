package io.github.crudkit.query;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;

import org.springframework.util.Assert;

/**
 * What a read shows of an entity: the columns (of the entity and of what it joins) that a
 * constructor of a record takes, selected by a JPA constructor expression. Reading a
 * projection loads no entity, so it needs no persistence context and no transaction: a
 * page or a single row is one auto-commit statement. Declare one per view, once:
 * <pre class="code">
 * static final Projection&lt;Hero, HeroView&gt; VIEW = Projection.of(Hero.class, HeroView.class,
 * 		(hero, query, builder) -&gt; {
 * 			Join&lt;Hero, Team&gt; team = hero.join("team", JoinType.LEFT);
 * 			return List.of(hero.get("id"), hero.get("name"), team.get("id"), team.get("name"));
 * 		});
 * </pre> and read it with a {@link ProjectionReader}. Entities are for what a request
 * changes; projections for what it only shows.
 *
 * @param <E> the entity the rows come from
 * @param <R> the record each row becomes
 * @param entity the entity class, the root of the query
 * @param view the record class; its constructor takes the selections in their order
 * @param selector the selections, and the joins they need, for a root of the entity
 * @since 0.1.0
 */
public record Projection<E, R>(Class<E> entity, Class<R> view, Selector<E> selector) {

	/**
	 * Check the parts.
	 * @param entity the entity class
	 * @param view the record class
	 * @param selector the selections
	 */
	public Projection {
		Assert.notNull(entity, "An entity class is required");
		Assert.notNull(view, "A view class is required");
		Assert.notNull(selector, "A selector is required");
	}

	/**
	 * Declare a projection.
	 * @param <E> the entity the rows come from
	 * @param <R> the record each row becomes
	 * @param entity the entity class, the root of the query
	 * @param view the record class; its constructor takes the selections in their order
	 * @param selector the selections, and the joins they need, for a root of the entity
	 * @return the projection
	 */
	public static <E, R> Projection<E, R> of(Class<E> entity, Class<R> view, Selector<E> selector) {
		return new Projection<>(entity, view, selector);
	}

	/**
	 * Chooses what a projection selects for a root of its entity: attributes of the root,
	 * of joins made on it ({@code root.join("team", JoinType.LEFT)}), or expressions such
	 * as a correlated count ({@code query.subquery(Long.class)}). A page's rows are
	 * chosen before these are evaluated, so a per-row expression costs as many
	 * evaluations as the page has rows, at any depth.
	 *
	 * @param <E> the entity type
	 */
	@FunctionalInterface
	public interface Selector<E> {

		/**
		 * Return the selections, in the order of the view's constructor parameters.
		 * @param root the root of the query
		 * @param query the query, for subqueries
		 * @param builder the criteria builder
		 * @return the selections
		 */
		List<Selection<?>> select(Root<E> root, CriteriaQuery<?> query, CriteriaBuilder builder);

	}

}
