package io.github.crudkit.sample.team;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Teams, read with their hero counts in the same statement.
 */
public interface TeamRepository extends JpaRepository<Team, Long> {

	/**
	 * Return a page of teams, each with its number of heroes, in one statement (plus the count).
	 * @param nameContains a case-insensitive substring of the name, as a LIKE pattern, or {@code null}
	 * @param pageable the page and order
	 * @return the page
	 */
	@Query(value = """
			select new io.github.crudkit.sample.team.TeamRepository$TeamWithHeroCount(t,
			       (select count(h) from Hero h where h.team = t))
			from Team t
			where (:nameContains is null or lower(t.name) like :nameContains escape '\\')""",
			countQuery = """
					select count(t) from Team t
					where (:nameContains is null or lower(t.name) like :nameContains escape '\\')""")
	Page<TeamWithHeroCount> findPage(@Nullable String nameContains, Pageable pageable);

	/**
	 * Return the number of heroes in a team.
	 * @param teamId the team's id
	 * @return the number of heroes
	 */
	@Query("select count(h) from Hero h where h.team.id = :teamId")
	long countHeroes(long teamId);

	/**
	 * A team with its number of heroes (a constructor expression: no proxy per row).
	 *
	 * @param team the team
	 * @param heroCount how many heroes belong to it
	 */
	record TeamWithHeroCount(Team team, long heroCount) {

	}

}
