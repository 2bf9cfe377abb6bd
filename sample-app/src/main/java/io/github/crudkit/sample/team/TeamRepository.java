package io.github.crudkit.sample.team;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Teams, read with their hero counts in the same statement.
 */
public interface TeamRepository extends JpaRepository<Team, Long> {

	/**
	 * The teams as {@link TeamRow}s, each with its number of heroes counted with
	 * {@code count(*)}, which PostgreSQL answers from the team-id index alone; a query
	 * adds its conditions.
	 */
	String ROWS_WITH_HERO_COUNTS = """
			select new io.github.crudkit.sample.team.TeamRow(t.id, t.name, t.headquarters,
			       (select count(*) from Hero h where h.team = t), t.createdAt, t.updatedAt, t.version)
			from Team t
			""";

	/**
	 * The name filter: {@code :nameContains} is a case-insensitive LIKE pattern, or
	 * {@code null} for every team.
	 */
	String NAME_MATCHES = "(:nameContains is null or lower(t.name) like :nameContains escape '\\')";

	/**
	 * Return a page of teams, each with its number of heroes, in one statement (plus the
	 * count).
	 * @param nameContains a case-insensitive substring of the name, as a LIKE pattern, or
	 * {@code null}
	 * @param pageable the page and order
	 * @return the page
	 */
	@Query(value = ROWS_WITH_HERO_COUNTS + "where " + NAME_MATCHES,
			countQuery = "select count(t) from Team t where " + NAME_MATCHES)
	Page<TeamRow> findPage(@Nullable String nameContains, Pageable pageable);

	/**
	 * Return the teams after an id, in id order, each with its number of heroes: one
	 * statement that reads the primary key index from {@code after} on.
	 * @param nameContains a case-insensitive substring of the name, as a LIKE pattern, or
	 * {@code null}
	 * @param after the last id seen, 0 for the first page
	 * @param limit how many teams to read
	 * @return the teams
	 */
	@Query(ROWS_WITH_HERO_COUNTS + "where t.id > :after and " + NAME_MATCHES + " order by t.id")
	List<TeamRow> findAfter(@Nullable String nameContains, long after, Limit limit);

	/**
	 * Return a team's columns without loading the entity; the hero count is left at zero
	 * for the caller to fill in.
	 * @param id the id
	 * @return the team's columns
	 */
	@Query("select new io.github.crudkit.sample.team.TeamRow(t.id, t.name, t.headquarters, 0L, t.createdAt, "
			+ "t.updatedAt, t.version) from Team t where t.id = :id")
	Optional<TeamRow> findRowById(long id);

	/**
	 * Return the number of heroes in a team.
	 * @param teamId the team's id
	 * @return the number of heroes
	 */
	@Query("select count(*) from Hero h where h.team.id = :teamId")
	long countHeroes(long teamId);

}
