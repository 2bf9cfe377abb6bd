package io.github.crudkit.sample.hero;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Heroes; every finder that feeds a response declares its fetch plan, so the team comes
 * in the same statement. The plans are fetch joins in the query ({@code join fetch},
 * {@link io.github.crudkit.query.FetchJoins}) rather than {@code @EntityGraph}: Hibernate
 * caches the translation of the former and redoes it for every execution of the latter.
 */
public interface HeroRepository extends JpaRepository<Hero, Long>, JpaSpecificationExecutor<Hero>, HeroViews {

	/**
	 * Return a hero with its team.
	 * @param id the id
	 * @return the hero
	 */
	@Query("select h from Hero h left join fetch h.team where h.id = :id")
	Optional<Hero> findWithTeamById(long id);

	/**
	 * Return what a read of one hero answers with, team included, without loading an
	 * entity.
	 * @param id the id
	 * @return the hero's columns
	 */
	@Query("select new io.github.crudkit.sample.hero.HeroView(h.id, h.name, h.age, t.id, t.name, h.createdAt, "
			+ "h.updatedAt, h.version) from Hero h left join h.team t where h.id = :id")
	Optional<HeroView> findViewById(long id);

	/**
	 * Return the heroes of a team, ordered by name, then id.
	 * @param teamId the team's id
	 * @return the heroes
	 */
	@Query("select new io.github.crudkit.sample.hero.HeroSummary(h.id, h.name, h.age) from Hero h "
			+ "where h.team.id = :teamId order by h.name, h.id")
	List<HeroSummary> findSummariesByTeamId(long teamId);

}
