package io.github.crudkit.sample.hero;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Heroes; every finder that feeds a response declares its fetch plan, so the team comes in the same statement.
 */
public interface HeroRepository extends JpaRepository<Hero, Long>, JpaSpecificationExecutor<Hero> {

	@Override
	@EntityGraph(attributePaths = "team")
	Page<Hero> findAll(@Nullable Specification<Hero> spec, Pageable pageable);

	/**
	 * Return a hero with its team.
	 * @param id the id
	 * @return the hero
	 */
	@EntityGraph(attributePaths = "team")
	Optional<Hero> findWithTeamById(long id);

	/**
	 * Return the heroes of a team, ordered by name, then id.
	 * @param teamId the team's id
	 * @return the heroes
	 */
	@Query("select new io.github.crudkit.sample.hero.HeroSummary(h.id, h.name, h.age) from Hero h "
			+ "where h.team.id = :teamId order by h.name, h.id")
	List<HeroSummary> findSummariesByTeamId(long teamId);

}
