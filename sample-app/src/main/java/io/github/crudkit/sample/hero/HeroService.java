package io.github.crudkit.sample.hero;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ReferenceNotFoundException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.JdbcBatching;
import io.github.crudkit.query.ProjectionReader;
import io.github.crudkit.sample.team.Team;
import io.github.crudkit.sample.team.TeamRepository;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hero use cases. Writes validate the Create/Update record, work on the entity and answer
 * with a Public record; reads answer from a projection ({@link HeroView}).
 */
@Service
public class HeroService {

	private final HeroRepository heroes;

	private final TeamRepository teams;

	private final MergePatcher patcher;

	private final ProjectionReader reader;

	private final EntityManager entityManager;

	HeroService(HeroRepository heroes, TeamRepository teams, MergePatcher patcher, ProjectionReader reader,
			EntityManager entityManager) {
		this.heroes = heroes;
		this.teams = teams;
		this.patcher = patcher;
		this.reader = reader;
		this.entityManager = entityManager;
	}

	@Transactional
	public Versioned<HeroPublic> create(HeroCreate create) {
		Hero hero = new Hero(create.name(), create.secretName(), create.age(), team(create.teamId()));
		return versioned(this.heroes.saveAndFlush(hero));
	}

	/**
	 * Create heroes in one transaction, all or nothing: the items are validated first,
	 * then every referenced team is looked up with one query, then the rows are inserted
	 * in JDBC batches.
	 * @param bulk the heroes to create
	 * @return their ids, in the order of the items
	 */
	@Transactional
	public HeroBulkCreated createAll(HeroBulkCreate bulk) {
		List<HeroCreate> items = bulk.items();
		Set<Long> teamIds = new HashSet<>();
		items.forEach((item) -> {
			if (item.teamId() != null) {
				teamIds.add(item.teamId());
			}
		});
		Map<Long, Team> teams = new HashMap<>();
		this.teams.findAllById(teamIds).forEach((team) -> teams.put(team.getId(), team));
		List<Hero> heroes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			HeroCreate item = items.get(i);
			Team team = null;
			if (item.teamId() != null) {
				team = teams.get(item.teamId());
				if (team == null) {
					throw new ReferenceNotFoundException("items[" + i + "].teamId", "Team", item.teamId());
				}
			}
			heroes.add(new Hero(item.name(), item.secretName(), item.age(), team));
		}
		// One JDBC batch for all items; ids come from the sequence, 1000 per round trip
		// (Hero.ID_ALLOCATION). Once
		// the rows are sent the entities are no longer needed: detaching them spares the
		// commit a dirty check of
		// each of them.
		return JdbcBatching.inBatchesOf(this.entityManager, HeroBulkCreate.MAX_ITEMS, () -> {
			this.heroes.saveAll(heroes);
			this.heroes.flush();
			this.entityManager.clear();
			return new HeroBulkCreated(heroes.stream().map(Hero::getId).toList());
		});
	}

	/**
	 * Return a page of heroes with their teams: the page (read id-first) and, unless the
	 * page shows it, the total; two statements in auto-commit, no entity loaded.
	 * @param filter the filters
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<HeroPublic> list(HeroFilter filter, Pageable pageable) {
		return this.reader.findPage(HeroView.PROJECTION, filter.toSpecification(), pageable).map(HeroView::toPublic);
	}

	/**
	 * Return the heroes after an id, in id order: one statement in auto-commit that reads
	 * the primary key index from {@code after} on, no count, no entity loaded.
	 * @param filter the filters
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listAfter(HeroFilter filter, Keyset.Request request) {
		return this.reader.findAfter(HeroView.PROJECTION, filter.toSpecification(), request, HeroView::id)
			.map(HeroView::toPublic);
	}

	/**
	 * Return a page of a team's heroes; a 404 if the page is empty and the team does not
	 * exist.
	 * @param teamId the team's id
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<HeroPublic> listByTeam(long teamId, Pageable pageable) {
		Page<HeroPublic> page = list(HeroFilter.inTeam(teamId), pageable);
		requireTeamIfEmpty(page.isEmpty(), teamId);
		return page;
	}

	/**
	 * Return the heroes of a team after an id, in id order; a 404 if the page is empty
	 * and the team does not exist.
	 * @param teamId the team's id
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listByTeamAfter(long teamId, Keyset.Request request) {
		KeysetPage<HeroPublic> page = listAfter(HeroFilter.inTeam(teamId), request);
		requireTeamIfEmpty(page.content().isEmpty(), teamId);
		return page;
	}

	// Only an empty page needs a look at the team itself: a hero of it proves it exists.
	private void requireTeamIfEmpty(boolean empty, long teamId) {
		if (empty && !this.teams.existsById(teamId)) {
			throw new ResourceNotFoundException("Team", teamId);
		}
	}

	/**
	 * Read one hero: a single statement in auto-commit, no transaction to begin and
	 * commit, no entity to manage.
	 * @param id the id
	 * @return the hero and its version
	 */
	public Versioned<HeroPublic> get(long id) {
		return this.reader.findOne(HeroView.PROJECTION, (hero, query, builder) -> builder.equal(hero.get("id"), id))
			.map(HeroView::toVersioned)
			.orElseThrow(() -> new ResourceNotFoundException("Hero", id));
	}

	@Transactional
	public Versioned<HeroPublic> patch(long id, IfMatch ifMatch, JsonNode patch) {
		Hero hero = find(id);
		ifMatch.check("Hero", id, hero.getVersion());
		HeroUpdate update = this.patcher.apply(HeroUpdate.from(hero), patch, HeroUpdate.class);
		// The current team is in the persistence context already: its reference costs no
		// statement.
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

	// No lookup before the write: the foreign key checks the reference when the row is
	// written (an unknown team is a 422 naming teamId, from fk_hero_team_id), and the
	// team's name is read afterwards for the answer, unless the persistence context
	// holds the team already.
	private @Nullable Team team(@Nullable Long teamId) {
		return (teamId != null) ? this.teams.getReferenceById(teamId) : null;
	}

}
