package io.github.crudkit.sample.hero;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ReferenceNotFoundException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatch;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.Hierarchy;
import io.github.crudkit.query.JdbcBatching;
import io.github.crudkit.query.ProjectionReader;
import io.github.crudkit.query.SortExpressions;
import io.github.crudkit.sample.power.PowerRepository;
import io.github.crudkit.sample.team.Team;
import io.github.crudkit.sample.team.TeamRepository;
import io.github.crudkit.sample.team.TeamSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hero use cases. Writes validate the Create/Update record, work on the entity and answer
 * with a Public record; reads answer from projections: a page of heroes
 * ({@link HeroView}, with team and mentor joined) and then the powers of the page's
 * heroes in one more statement ({@link HeroPowerRow}, the Java answer to
 * {@code selectinload}).
 */
@Service
public class HeroService {

	/**
	 * The mentor relation: a self-reference whose changes never close a cycle.
	 */
	static final Hierarchy MENTORS = Hierarchy.of("hero", "id", "mentor_id");

	private final HeroRepository heroes;

	private final TeamRepository teams;

	private final PowerRepository powers;

	private final MergePatcher patcher;

	private final ProjectionReader reader;

	private final EntityManager entityManager;

	private final JdbcClient jdbc;

	HeroService(HeroRepository heroes, TeamRepository teams, PowerRepository powers, MergePatcher patcher,
			ProjectionReader reader, EntityManager entityManager, JdbcClient jdbc) {
		this.heroes = heroes;
		this.teams = teams;
		this.powers = powers;
		this.patcher = patcher;
		this.reader = reader;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
	}

	/**
	 * Create a hero: the insert, then the names of its team and mentor for the answer. No
	 * lookup runs before the insert: the foreign keys check the references (an unknown
	 * team or mentor is a 422 naming {@code teamId} or {@code mentorId}).
	 * @param create the request
	 * @return the hero and its version
	 */
	@Transactional
	public Versioned<HeroPublic> create(HeroCreate create) {
		Hero hero = new Hero(create.name(), create.secretName(), create.age(), team(create.teamId()),
				mentor(create.mentorId()));
		this.heroes.saveAndFlush(hero);
		return new Versioned<>(toPublic(hero, List.of()), hero.getVersion());
	}

	/**
	 * Create heroes in one transaction, all or nothing: the items are validated first,
	 * then every referenced team and mentor is looked up with one query each (a mentor
	 * must be a hero that existed before the request), then the rows are inserted in JDBC
	 * batches.
	 * @param bulk the heroes to create
	 * @return their ids, in the order of the items
	 */
	@Transactional
	public HeroBulkCreated createAll(HeroBulkCreate bulk) {
		List<HeroCreate> items = bulk.items();
		Map<Long, Team> teams = byId(this.teams.findAllById(ids(items, HeroCreate::teamId)), Team::getId);
		Map<Long, Hero> mentors = byId(this.heroes.findAllById(ids(items, HeroCreate::mentorId)), Hero::getId);
		List<Hero> heroes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			HeroCreate item = items.get(i);
			Team team = reference(teams, item.teamId(), "items[" + i + "].teamId", "Team");
			Hero mentor = reference(mentors, item.mentorId(), "items[" + i + "].mentorId", "Hero");
			heroes.add(new Hero(item.name(), item.secretName(), item.age(), team, mentor));
		}
		// One JDBC batch for all items; ids come from the sequence, 50 per call. Once the
		// rows are sent the entities are no longer needed: detaching them spares the
		// commit a dirty check of each of them.
		return JdbcBatching.inBatchesOf(this.entityManager, HeroBulkCreate.MAX_ITEMS, () -> {
			this.heroes.saveAll(heroes);
			this.heroes.flush();
			this.entityManager.clear();
			return new HeroBulkCreated(heroes.stream().map(Hero::getId).toList());
		});
	}

	/**
	 * Return a page of heroes with their teams, mentors and powers: the page (read
	 * id-first, team and mentor joined), the powers of its heroes (one statement) and,
	 * unless the page shows it, the total; at most three statements in auto-commit for
	 * any page size, no entity loaded.
	 * @param filter the filters
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<HeroPublic> list(HeroFilter filter, Pageable pageable) {
		return withPowers(this.reader.findPage(HeroView.PROJECTION, filter.toSpecification(), pageable));
	}

	/**
	 * Return the heroes after an id, in id order, with their teams, mentors and powers:
	 * two statements in auto-commit, no count.
	 * @param filter the filters
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listAfter(HeroFilter filter, Keyset.Request request) {
		KeysetPage<HeroView> page = this.reader.findAfter(HeroView.PROJECTION, filter.toSpecification(), request,
				HeroView::id);
		Map<Long, List<HeroPowerSummary>> powers = powersOf(page.content());
		return page.map((hero) -> hero.toPublic(powers.getOrDefault(hero.id(), List.of())));
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
		requireIfEmpty(page.isEmpty(), "Team", teamId, this.teams::existsById);
		return page;
	}

	/**
	 * Return the heroes of a team after an id; a 404 if the page is empty and the team
	 * does not exist.
	 * @param teamId the team's id
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listByTeamAfter(long teamId, Keyset.Request request) {
		KeysetPage<HeroPublic> page = listAfter(HeroFilter.inTeam(teamId), request);
		requireIfEmpty(page.content().isEmpty(), "Team", teamId, this.teams::existsById);
		return page;
	}

	/**
	 * Return a page of the heroes whose mentor a hero is; a 404 if the page is empty and
	 * the hero does not exist.
	 * @param mentorId the mentor's id
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<HeroPublic> listMentees(long mentorId, Pageable pageable) {
		Page<HeroPublic> page = list(HeroFilter.menteesOf(mentorId), pageable);
		requireIfEmpty(page.isEmpty(), "Hero", mentorId, this.heroes::existsById);
		return page;
	}

	/**
	 * Return the mentees of a hero after an id; a 404 if the page is empty and the hero
	 * does not exist.
	 * @param mentorId the mentor's id
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listMenteesAfter(long mentorId, Keyset.Request request) {
		KeysetPage<HeroPublic> page = listAfter(HeroFilter.menteesOf(mentorId), request);
		requireIfEmpty(page.content().isEmpty(), "Hero", mentorId, this.heroes::existsById);
		return page;
	}

	/**
	 * Return a page of the heroes that hold a live power, optionally at a level or above,
	 * sortable by that level; a 404 if the page is empty and the power is unknown or
	 * retired.
	 * @param powerId the power's id
	 * @param minLevel the lowest level, if any
	 * @param pageable the page and order ({@code level} orders by the level at which each
	 * hero holds the power)
	 * @return the page
	 */
	public Page<HeroPublic> listByPower(long powerId, @Nullable Integer minLevel, Pageable pageable) {
		SortExpressions<Hero> byLevel = SortExpressions.of("level",
				(hero, query, builder) -> levelOf(hero, query, builder, powerId));
		Page<HeroPublic> page = withPowers(
				this.reader.findPage(HeroView.PROJECTION, holdersOf(powerId, minLevel), pageable, byLevel));
		requireIfEmpty(page.isEmpty(), "Power", powerId, this.powers::existsById);
		return page;
	}

	/**
	 * Return the heroes that hold a live power after an id; a 404 if the page is empty
	 * and the power is unknown or retired.
	 * @param powerId the power's id
	 * @param minLevel the lowest level, if any
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<HeroPublic> listByPowerAfter(long powerId, @Nullable Integer minLevel, Keyset.Request request) {
		KeysetPage<HeroView> views = this.reader.findAfter(HeroView.PROJECTION, holdersOf(powerId, minLevel), request,
				HeroView::id);
		Map<Long, List<HeroPowerSummary>> powers = powersOf(views.content());
		KeysetPage<HeroPublic> page = views.map((hero) -> hero.toPublic(powers.getOrDefault(hero.id(), List.of())));
		requireIfEmpty(page.content().isEmpty(), "Power", powerId, this.powers::existsById);
		return page;
	}

	/**
	 * Read one hero with its team, mentor and powers: two statements in auto-commit, no
	 * transaction to begin and commit, no entity to manage.
	 * @param id the id
	 * @return the hero and its version
	 */
	public Versioned<HeroPublic> get(long id) {
		HeroView hero = this.reader
			.findOne(HeroView.PROJECTION, (root, query, builder) -> builder.equal(root.get("id"), id))
			.orElseThrow(() -> new ResourceNotFoundException("Hero", id));
		return new Versioned<>(hero.toPublic(powersOf(List.of(hero)).getOrDefault(id, List.of())), hero.version());
	}

	/**
	 * Read the chain of a hero's mentors, closest first: two statements (the hero's
	 * existence, then a recursive CTE).
	 * @param id the hero's id
	 * @return its mentor, that hero's mentor, and so on
	 */
	public List<HeroSummary> lineage(long id) {
		if (!this.heroes.existsById(id)) {
			throw new ResourceNotFoundException("Hero", id);
		}
		return MENTORS.ancestors(this.jdbc, id, "id, name, age", (rs, n) -> new HeroSummary(rs.getLong("id"),
				rs.getString("name"), (rs.getObject("age") != null) ? rs.getInt("age") : null));
	}

	@Transactional
	public Versioned<HeroPublic> patch(long id, IfMatch ifMatch, MergePatch<HeroUpdate> patch) {
		Hero hero = find(id);
		ifMatch.check("Hero", id, hero.getVersion());
		HeroUpdate update = this.patcher.apply(HeroUpdate.from(hero), patch);
		Long currentMentor = (hero.getMentor() != null) ? hero.getMentor().getId() : null;
		if (!Objects.equals(update.mentorId(), currentMentor)) {
			// Under the hierarchy's lock: no two mentor changes can close a cycle between
			// them.
			MENTORS.requireNoCycle(this.jdbc, id, update.mentorId(), "mentorId");
		}
		// The current team and mentor are in the persistence context already: their
		// references cost no statement.
		hero.update(update.name(), update.secretName(), update.age(), team(update.teamId()), mentor(update.mentorId()));
		this.heroes.flush();
		return get(id);
	}

	/**
	 * Delete a hero: its mentees lose their mentor (their versions change), its power
	 * links go with it (the foreign key cascades).
	 * @param id the id
	 * @param ifMatch the request's {@code If-Match}
	 */
	@Transactional
	public void delete(long id, IfMatch ifMatch) {
		Hero hero = find(id);
		ifMatch.check("Hero", id, hero.getVersion());
		this.heroes.clearMentor(id);
		this.heroes.delete(hero);
		this.heroes.flush();
	}

	private Page<HeroPublic> withPowers(Page<HeroView> page) {
		Map<Long, List<HeroPowerSummary>> powers = powersOf(page.getContent());
		return page.map((hero) -> hero.toPublic(powers.getOrDefault(hero.id(), List.of())));
	}

	/**
	 * The live powers of many heroes, in one statement, grouped by hero.
	 */
	private Map<Long, List<HeroPowerSummary>> powersOf(List<HeroView> heroes) {
		Map<Long, List<HeroPowerRow>> rows = this.reader.findChildren(HeroPowerRow.PROJECTION, "hero.id",
				heroes.stream().map(HeroView::id).toList(), HeroPowerRow.ORDER, HeroPowerRow::heroId);
		Map<Long, List<HeroPowerSummary>> summaries = new HashMap<>();
		rows.forEach((hero, links) -> summaries.put(hero, links.stream().map(HeroPowerRow::toSummary).toList()));
		return summaries;
	}

	private HeroPublic toPublic(Hero hero, List<HeroPowerSummary> powers) {
		Hero mentor = hero.getMentor();
		HeroSummary mentorSummary = (mentor != null)
				? new HeroSummary(Objects.requireNonNull(mentor.getId()), mentor.getName(), mentor.getAge()) : null;
		return new HeroPublic(Objects.requireNonNull(hero.getId()), hero.getName(), hero.getAge(),
				TeamSummary.from(hero.getTeam()), mentorSummary, powers, Objects.requireNonNull(hero.getCreatedAt()),
				Objects.requireNonNull(hero.getUpdatedAt()));
	}

	private static Specification<Hero> holdersOf(long powerId, @Nullable Integer minLevel) {
		return (hero, query, builder) -> {
			Subquery<Long> link = query.subquery(Long.class);
			Root<HeroPower> holds = link.from(HeroPower.class);
			// The join to the power restricts to live powers (Power is soft-deleted).
			holds.join("power");
			link.select(holds.get("id").get("heroId"))
				.where(builder.equal(holds.get("id").get("heroId"), hero.get("id")),
						builder.equal(holds.get("id").get("powerId"), powerId), (minLevel != null)
								? builder.greaterThanOrEqualTo(holds.get("level"), minLevel) : builder.conjunction());
			return builder.exists(link);
		};
	}

	/**
	 * The level at which a hero holds the power, for {@code sort=level}.
	 */
	private static Subquery<Integer> levelOf(Root<Hero> hero, CriteriaQuery<?> query, CriteriaBuilder builder,
			long powerId) {
		Subquery<Integer> level = query.subquery(Integer.class);
		Root<HeroPower> holds = level.from(HeroPower.class);
		return level.select(holds.get("level"))
			.where(builder.equal(holds.get("id").get("heroId"), hero.get("id")),
					builder.equal(holds.get("id").get("powerId"), powerId));
	}

	private static void requireIfEmpty(boolean empty, String resource, long id, LongFunction<Boolean> exists) {
		// Only an empty page needs a look at the owner itself: a row of it proves it
		// exists.
		if (empty && !exists.apply(id)) {
			throw new ResourceNotFoundException(resource, id);
		}
	}

	private Hero find(long id) {
		return this.heroes.findWithTeamById(id).orElseThrow(() -> new ResourceNotFoundException("Hero", id));
	}

	// No lookup before the write: the foreign keys check the references when the row is
	// written (an unknown team or mentor is a 422 naming teamId or mentorId), and the
	// names are read afterwards for the answer, unless the persistence context holds the
	// entity already.
	private @Nullable Team team(@Nullable Long teamId) {
		return (teamId != null) ? this.teams.getReferenceById(teamId) : null;
	}

	private @Nullable Hero mentor(@Nullable Long mentorId) {
		return (mentorId != null) ? this.heroes.getReferenceById(mentorId) : null;
	}

	private static Set<Long> ids(List<HeroCreate> items, Function<HeroCreate, @Nullable Long> id) {
		Set<Long> ids = new HashSet<>();
		for (HeroCreate item : items) {
			Long value = id.apply(item);
			if (value != null) {
				ids.add(value);
			}
		}
		return ids;
	}

	private static <T> Map<Long, T> byId(Iterable<T> entities, Function<T, @Nullable Long> id) {
		Map<Long, T> byId = new HashMap<>();
		entities.forEach((entity) -> byId.put(Objects.requireNonNull(id.apply(entity)), entity));
		return byId;
	}

	private static <T> @Nullable T reference(Map<Long, T> found, @Nullable Long id, String field, String resource) {
		if (id == null) {
			return null;
		}
		T entity = found.get(id);
		if (entity == null) {
			throw new ReferenceNotFoundException(field, resource, id);
		}
		return entity;
	}

}
