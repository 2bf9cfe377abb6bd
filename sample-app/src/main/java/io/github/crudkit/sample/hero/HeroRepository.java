package io.github.crudkit.sample.hero;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Heroes, for the requests that change them. What a request only shows is read as a
 * projection ({@link HeroView}) by crudkit's {@code ProjectionReader} instead.
 */
public interface HeroRepository extends JpaRepository<Hero, Long> {

	/**
	 * Return a hero with its team, for a request that changes the hero. The fetch plan is
	 * a {@code join fetch} in the query, whose translation Hibernate caches (it redoes it
	 * for every execution of an {@code @EntityGraph} finder).
	 * @param id the id
	 * @return the hero
	 */
	@Query("select h from Hero h left join fetch h.team where h.id = :id")
	Optional<Hero> findWithTeamById(long id);

}
