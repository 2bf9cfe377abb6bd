package io.github.crudkit.sample.hero;

import java.util.List;

import io.github.crudkit.sample.team.Team;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Criteria queries with a constructor expression; their plans are cached (crudkit turns
 * on Hibernate's criteria plan cache), and, outside a transaction, each runs in
 * auto-commit on a connection held only for it.
 */
class HeroViewsImpl implements HeroViews {

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	public Page<HeroView> findViews(Specification<Hero> filter, boolean unfiltered, Pageable pageable) {
		List<HeroView> content = views(filter, pageable.getSort()).setFirstResult(Math.toIntExact(pageable.getOffset()))
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		return PageableExecutionUtils.getPage(content, pageable, () -> unfiltered ? countAll() : count(filter));
	}

	@Override
	public List<HeroView> findViews(Specification<Hero> filter, Sort sort, int limit) {
		return views(filter, sort).setMaxResults(limit).getResultList();
	}

	private TypedQuery<HeroView> views(Specification<Hero> filter, Sort sort) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<HeroView> query = builder.createQuery(HeroView.class);
		Root<Hero> hero = query.from(Hero.class);
		Join<Hero, Team> team = hero.join("team", JoinType.LEFT);
		query.select(builder.construct(HeroView.class, hero.get("id"), hero.get("name"), hero.get("age"),
				team.get("id"), team.get("name"), hero.get("createdAt"), hero.get("updatedAt"), hero.get("version")));
		where(query, hero, filter, builder);
		query.orderBy(QueryUtils.toOrders(sort, hero, builder));
		return this.entityManager.createQuery(query);
	}

	private long countAll() {
		return this.entityManager.createQuery("select coalesce(sum(c.heroes), 0) from HeroCountSlot c", Long.class)
			.getSingleResult();
	}

	private long count(Specification<Hero> filter) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = builder.createQuery(Long.class);
		Root<Hero> hero = query.from(Hero.class);
		query.select(builder.count(hero));
		where(query, hero, filter, builder);
		return this.entityManager.createQuery(query).getSingleResult();
	}

	private static void where(CriteriaQuery<?> query, Root<Hero> hero, Specification<Hero> filter,
			CriteriaBuilder builder) {
		Predicate predicate = filter.toPredicate(hero, query, builder);
		if (predicate != null) {
			query.where(predicate);
		}
	}

}
