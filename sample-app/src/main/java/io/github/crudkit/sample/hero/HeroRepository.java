package io.github.crudkit.sample.hero;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Heroes, for the requests that change them. What a request only shows is read as a
 * projection ({@link HeroView}) by crudkit's {@code ProjectionReader} instead.
 */
public interface HeroRepository extends JpaRepository<Hero, Long> {

	/**
	 * Return a hero with its team and mentor, for a request that changes the hero. The
	 * fetch plan is a {@code join fetch} in the query, whose translation Hibernate caches
	 * (it redoes it for every execution of an {@code @EntityGraph} finder).
	 * @param id the id
	 * @return the hero
	 */
	@Query("select h from Hero h left join fetch h.team left join fetch h.mentor where h.id = :id")
	Optional<Hero> findWithTeamById(long id);

	/**
	 * Take a hero's mentees away from it before it is deleted: their mentor becomes
	 * {@code null} and their versions change (so their {@code ETag}s do), in one
	 * statement.
	 * @param mentorId the hero about to be deleted
	 * @return how many mentees it had
	 */
	@Modifying(flushAutomatically = true)
	@Query("update Hero h set h.mentor = null, h.version = h.version + 1, h.updatedAt = instant "
			+ "where h.mentor.id = :mentorId")
	int clearMentor(long mentorId);

	/**
	 * Return the version of a hero, the {@code ETag} of what belongs to it.
	 * @param id the hero's id
	 * @return its version, if the hero exists
	 */
	@Query("select h.version from Hero h where h.id = :id")
	Optional<Long> findVersionById(long id);

}
