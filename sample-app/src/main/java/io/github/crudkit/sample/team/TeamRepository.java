package io.github.crudkit.sample.team;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Teams, for the requests that change them. What a request only shows is read as a
 * projection ({@link TeamRow}) by crudkit's {@code ProjectionReader} instead.
 */
public interface TeamRepository extends JpaRepository<Team, Long> {

	/**
	 * Return whether heroes belong to a team.
	 * @param teamId the team's id
	 * @return whether it has heroes
	 */
	@Query("select count(*) > 0 from Hero h where h.team.id = :teamId")
	boolean hasHeroes(long teamId);

	/**
	 * Return the number of heroes in a team.
	 * @param teamId the team's id
	 * @return the number of heroes
	 */
	@Query("select count(*) from Hero h where h.team.id = :teamId")
	long countHeroes(long teamId);

}
