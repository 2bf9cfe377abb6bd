package io.github.crudkit.sample.team;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatch;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.ProjectionReader;
import io.github.crudkit.sample.hero.HeroSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team use cases. Writes validate the Create/Update record, work on the entity and answer
 * with a Public record; reads answer from a projection ({@link TeamRow}).
 */
@Service
public class TeamService {

	private static final Sort HEROES_BY_NAME = Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"));

	private final TeamRepository teams;

	private final MergePatcher patcher;

	private final ProjectionReader reader;

	TeamService(TeamRepository teams, MergePatcher patcher, ProjectionReader reader) {
		this.teams = teams;
		this.patcher = patcher;
		this.reader = reader;
	}

	@Transactional
	public Versioned<TeamPublic> create(TeamCreate create) {
		Team team = this.teams.saveAndFlush(new Team(create.name(), create.headquarters()));
		return new Versioned<>(TeamPublic.from(team, 0), team.getVersion());
	}

	/**
	 * Return a page of teams with their hero counts: the page (read id-first, so heroes
	 * are counted for its teams only) and, unless the page shows it, the total; two
	 * statements in auto-commit, no entity loaded.
	 * @param filter the filter
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<TeamPublic> list(TeamFilter filter, Pageable pageable) {
		return this.reader.findPage(TeamRow.PROJECTION, filter.toSpecification(), pageable).map(TeamRow::toPublic);
	}

	/**
	 * Return the teams after an id, in id order, with their hero counts: one statement in
	 * auto-commit, no count of all teams.
	 * @param filter the filter
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<TeamPublic> listAfter(TeamFilter filter, Keyset.Request request) {
		return this.reader.findAfter(TeamRow.PROJECTION, filter.toSpecification(), request, TeamRow::id)
			.map(TeamRow::toPublic);
	}

	/**
	 * Return a team with its heroes, ordered by name regardless of case, then id: two
	 * statements in auto-commit, no entity loaded.
	 * @param id the id
	 * @return the team and its version
	 */
	public Versioned<TeamPublicWithHeroes> get(long id) {
		TeamRow team = this.reader
			.findOne(TeamRow.PROJECTION, (root, query, builder) -> builder.equal(root.get("id"), id))
			.orElseThrow(() -> new ResourceNotFoundException("Team", id));
		return team.withHeroes(this.reader.findAll(HeroSummary.PROJECTION,
				(hero, query, builder) -> builder.equal(hero.get("team").get("id"), id), HEROES_BY_NAME));
	}

	@Transactional
	public Versioned<TeamPublic> patch(long id, IfMatch ifMatch, MergePatch<TeamUpdate> patch) {
		Team team = find(id);
		ifMatch.check("Team", id, team.getVersion());
		TeamUpdate update = this.patcher.apply(TeamUpdate.from(team), patch);
		team.update(update.name(), update.headquarters());
		this.teams.flush();
		return new Versioned<>(TeamPublic.from(team, this.teams.countHeroes(id)), team.getVersion());
	}

	@Transactional
	public void delete(long id, IfMatch ifMatch) {
		Team team = find(id);
		ifMatch.check("Team", id, team.getVersion());
		if (this.teams.hasHeroes(id)) {
			// A business rule, raised as a problem; the foreign key still refuses a hero
			// that joins meanwhile.
			throw ProblemException.conflict("Team " + id + " still has heroes: move or delete them first.");
		}
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
