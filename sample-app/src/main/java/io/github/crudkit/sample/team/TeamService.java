package io.github.crudkit.sample.team;

import java.util.List;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.LikePatterns;
import io.github.crudkit.sample.hero.HeroRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team use cases: validate the Create/Update record, work on the entity, answer with a
 * Public record.
 */
@Service
public class TeamService {

	private final TeamRepository teams;

	private final HeroRepository heroes;

	private final MergePatcher patcher;

	TeamService(TeamRepository teams, HeroRepository heroes, MergePatcher patcher) {
		this.teams = teams;
		this.heroes = heroes;
		this.patcher = patcher;
	}

	@Transactional
	public Versioned<TeamPublic> create(TeamCreate create) {
		Team team = this.teams.saveAndFlush(new Team(create.name(), create.headquarters()));
		return new Versioned<>(TeamPublic.from(team, 0), team.getVersion());
	}

	/**
	 * Return a page of teams with their hero counts: two statements (the page and the
	 * total) in auto-commit, each seeing the latest committed data, as they would in a
	 * READ COMMITTED transaction.
	 * @param name a case-insensitive substring of the name, or {@code null}
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<TeamPublic> list(@Nullable String name, Pageable pageable) {
		return this.teams.findPage(namePattern(name), pageable).map(TeamRow::toPublic);
	}

	/**
	 * Return the teams after an id, in id order, with their hero counts: one statement in
	 * auto-commit, no count of all teams.
	 * @param name a case-insensitive substring of the name, or {@code null}
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<TeamPublic> listAfter(@Nullable String name, Keyset.Request request) {
		List<TeamPublic> rows = this.teams
			.findAfter(namePattern(name), request.after(), Limit.of(Keyset.limit(request.size())))
			.stream()
			.map(TeamRow::toPublic)
			.toList();
		return KeysetPage.of(rows, request, TeamPublic::id);
	}

	// The repository's name filter: a LIKE pattern, or null for no filter.
	private static @Nullable String namePattern(@Nullable String name) {
		return (name != null && !name.isEmpty()) ? LikePatterns.containsIgnoringCase(name) : null;
	}

	/**
	 * Return a team with its heroes: two statements in auto-commit, no entity loaded.
	 * @param id the id
	 * @return the team and its version
	 */
	public Versioned<TeamPublicWithHeroes> get(long id) {
		TeamRow team = this.teams.findRowById(id).orElseThrow(() -> new ResourceNotFoundException("Team", id));
		return team.withHeroes(this.heroes.findSummariesByTeamId(id));
	}

	@Transactional
	public Versioned<TeamPublic> patch(long id, IfMatch ifMatch, JsonNode patch) {
		Team team = find(id);
		ifMatch.check("Team", id, team.getVersion());
		TeamUpdate update = this.patcher.apply(TeamUpdate.from(team), patch, TeamUpdate.class);
		team.update(update.name(), update.headquarters());
		this.teams.flush();
		return new Versioned<>(TeamPublic.from(team, this.teams.countHeroes(id)), team.getVersion());
	}

	@Transactional
	public void delete(long id, IfMatch ifMatch) {
		Team team = find(id);
		ifMatch.check("Team", id, team.getVersion());
		this.teams.delete(team);
		this.teams.flush();
	}

	/**
	 * Return the team, or fail with a 404.
	 * @param id the id
	 * @return the team
	 */
	@Transactional(readOnly = true)
	public Team find(long id) {
		return this.teams.findById(id).orElseThrow(() -> new ResourceNotFoundException("Team", id));
	}

}
