package io.github.crudkit.sample.hero;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ReferenceNotFoundException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.sample.team.Team;
import io.github.crudkit.sample.team.TeamRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hero use cases: validate the Create/Update record, work on the entity, answer with a Public record.
 */
@Service
public class HeroService {

	private final HeroRepository heroes;

	private final TeamRepository teams;

	private final MergePatcher patcher;

	HeroService(HeroRepository heroes, TeamRepository teams, MergePatcher patcher) {
		this.heroes = heroes;
		this.teams = teams;
		this.patcher = patcher;
	}

	@Transactional
	public Versioned<HeroPublic> create(HeroCreate create) {
		Hero hero = new Hero(create.name(), create.secretName(), create.age(), team(create.teamId()));
		return versioned(this.heroes.saveAndFlush(hero));
	}

	@Transactional(readOnly = true)
	public Page<HeroPublic> list(HeroFilter filter, Pageable pageable) {
		return this.heroes.findAll(filter.toSpecification(), pageable).map(HeroPublic::from);
	}

	@Transactional(readOnly = true)
	public Page<HeroPublic> listByTeam(long teamId, Pageable pageable) {
		if (!this.teams.existsById(teamId)) {
			throw new ResourceNotFoundException("Team", teamId);
		}
		return list(new HeroFilter(null, null, null, teamId), pageable);
	}

	@Transactional(readOnly = true)
	public Versioned<HeroPublic> get(long id) {
		return versioned(find(id));
	}

	@Transactional
	public Versioned<HeroPublic> patch(long id, IfMatch ifMatch, JsonNode patch) {
		Hero hero = find(id);
		ifMatch.check("Hero", id, hero.getVersion());
		HeroUpdate update = this.patcher.apply(HeroUpdate.from(hero), patch, HeroUpdate.class);
		// The current team is in the persistence context already: looking it up again costs no statement.
		hero.update(update.name(), update.secretName(), update.age(), team(update.teamId()));
		this.heroes.flush();
		return versioned(hero);
	}

	@Transactional
	public void delete(long id, IfMatch ifMatch) {
		Hero hero = find(id);
		ifMatch.check("Hero", id, hero.getVersion());
		this.heroes.delete(hero);
		this.heroes.flush();
	}

	private static Versioned<HeroPublic> versioned(Hero hero) {
		return new Versioned<>(HeroPublic.from(hero), hero.getVersion());
	}

	private Hero find(long id) {
		return this.heroes.findWithTeamById(id).orElseThrow(() -> new ResourceNotFoundException("Hero", id));
	}

	private @Nullable Team team(@Nullable Long teamId) {
		if (teamId == null) {
			return null;
		}
		return this.teams.findById(teamId)
			.orElseThrow(() -> new ReferenceNotFoundException("teamId", "Team", teamId));
	}

}
