package io.github.crudkit.bench.floor;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The benchmarked endpoints of the sample, written by hand with the fewest statements:
 * one per single-resource read (a hero with its powers included), a page query cut on its
 * root table, the page's collection and a count per page, and set-based writes.
 * Validation is the minimum the contract needs for the benchmark's inputs.
 */
@RestController
class FloorController {

	private static final String HERO_COLUMNS = "h.id, h.name, h.age, h.created_at, h.updated_at, "
			+ "t.id as team_id, t.name as team_name, m.id as mentor_id, m.name as mentor_name, m.age as mentor_age";

	private static final String HERO_JOINS = " left join team t on t.id = h.team_id left join hero m on m.id = h.mentor_id";

	// HeroPublic.powers: retired powers left out; level descending, then name
	// case-insensitively, then id.
	private static final String HERO_POWERS = """
			select hp.hero_id, p.id, p.name, hp.level from hero_power hp join power p on p.id = hp.power_id
			where hp.hero_id = any(?) and not p.retired order by hp.level desc, lower(p.name), p.id""";

	private static final int MAX_POWERS = 20;

	private final JdbcClient jdbc;

	FloorController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// One statement: the hero with its team and mentor, once per live power (at most 20),
	// in HeroPublic.powers order; once without a power if it holds none.
	@GetMapping("/api/heroes/{id}")
	HeroPublic hero(@PathVariable long id) {
		List<HeroRow> hero = new ArrayList<>(1);
		List<HeroPowerSummary> powers = new ArrayList<>();
		this.jdbc
			.sql("select " + HERO_COLUMNS + ", p.id as power_id, p.name as power_name, hp.level from hero h"
					+ HERO_JOINS + " left join (hero_power hp join power p on p.id = hp.power_id and not p.retired)"
					+ " on hp.hero_id = h.id where h.id = ? order by hp.level desc, lower(p.name), p.id")
			.param(id)
			.query((ResultSet rs) -> {
				if (hero.isEmpty()) {
					hero.add(heroRow(rs, 0));
				}
				long powerId = rs.getLong("power_id");
				if (!rs.wasNull()) {
					powers.add(new HeroPowerSummary(powerId, rs.getString("power_name"), rs.getInt("level")));
				}
			});
		if (hero.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return hero.get(0).with(powers);
	}

	@GetMapping("/api/heroes")
	Page<HeroPublic> heroes(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		int limit = Math.min(Math.max(size, 1), 100);
		// The page is cut on the hero table first, then only its rows are joined; their
		// powers follow in one statement.
		List<HeroRow> rows = this.jdbc
			.sql("select " + HERO_COLUMNS + " from (select id, name, age, team_id, "
					+ "mentor_id, created_at, updated_at from hero order by id limit ? offset ?) h" + HERO_JOINS
					+ " order by h.id")
			.params(limit, (long) page * limit)
			.query(FloorController::heroRow)
			.list();
		Map<Long, List<HeroPowerSummary>> powers = powersOf(rows);
		List<HeroPublic> content = rows.stream()
			.map((hero) -> hero.with(powers.getOrDefault(hero.id(), List.of())))
			.toList();
		return Page.of(content, page, limit,
				() -> this.jdbc.sql("select count(*) from hero").query(Long.class).single());
	}

	private Map<Long, List<HeroPowerSummary>> powersOf(List<HeroRow> heroes) {
		Map<Long, List<HeroPowerSummary>> powers = new HashMap<>();
		if (heroes.isEmpty()) {
			return powers;
		}
		this.jdbc.sql(HERO_POWERS)
			.param(heroes.stream().map(HeroRow::id).toArray(Long[]::new))
			.query((ResultSet rs) -> {
				powers.computeIfAbsent(rs.getLong("hero_id"), (hero) -> new ArrayList<>())
					.add(new HeroPowerSummary(rs.getLong("id"), rs.getString("name"), rs.getInt("level")));
			});
		return powers;
	}

	@GetMapping("/api/teams/{id}")
	TeamWithHeroes team(@PathVariable long id) {
		TeamPublic team = this.jdbc
			.sql("select id, name, headquarters, 0 as hero_count, created_at, updated_at from team where id = ?")
			.param(id)
			.query(FloorController::team)
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<HeroSummary> heroes = this.jdbc.sql("select id, name, age from hero where team_id = ? order by name, id")
			.param(id)
			.query((rs, n) -> new HeroSummary(rs.getLong("id"), rs.getString("name"), age(rs, "age")))
			.list();
		return new TeamWithHeroes(team.id(), team.name(), team.headquarters(), heroes.size(), team.createdAt(),
				team.updatedAt(), heroes);
	}

	@GetMapping("/api/teams")
	Page<TeamPublic> teams(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		int limit = Math.min(Math.max(size, 1), 100);
		List<TeamPublic> content = this.jdbc.sql("""
				select t.id, t.name, t.headquarters, t.created_at, t.updated_at,
				       (select count(*) from hero h where h.team_id = t.id) as hero_count
				from (select id, name, headquarters, created_at, updated_at from team order by id limit ? offset ?) t
				order by t.id""").params(limit, (long) page * limit).query(FloorController::team).list();
		return Page.of(content, page, limit,
				() -> this.jdbc.sql("select count(*) from team").query(Long.class).single());
	}

	@PostMapping("/api/teams")
	ResponseEntity<TeamPublic> createTeam(@RequestBody TeamCreate create) {
		TeamPublic team = this.jdbc.sql("""
				insert into team (id, name, headquarters) values (nextval('team_seq'), ?, ?)
				returning id, name, headquarters, 0 as hero_count, created_at, updated_at""")
			.param(create.name())
			.param(create.headquarters())
			.query(FloorController::team)
			.single();
		return ResponseEntity.created(URI.create("/api/teams/" + team.id())).body(team);
	}

	// One statement: the insert, and its team and mentor joined to the inserted row. The
	// foreign keys check both references (an unknown one is a 422); a new hero holds no
	// powers.
	@PostMapping("/api/heroes")
	ResponseEntity<HeroPublic> createHero(@RequestBody HeroCreate create) {
		require(create);
		HeroRow hero;
		try {
			hero = this.jdbc.sql("""
					with h as (insert into hero (id, name, secret_name, age, team_id, mentor_id)
					  values (nextval('hero_seq'), ?, ?, ?, ?, ?)
					  returning id, name, age, team_id, mentor_id, created_at, updated_at)
					""" + "select " + HERO_COLUMNS + " from h" + HERO_JOINS)
				.param(create.name())
				.param(create.secretName())
				.param(create.age())
				.param(create.teamId())
				.param(create.mentorId())
				.query(FloorController::heroRow)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return ResponseEntity.created(URI.create("/api/heroes/" + hero.id())).body(hero.with(List.of()));
	}

	@PostMapping("/api/heroes/bulk")
	@Transactional
	ResponseEntity<Map<String, List<Long>>> createHeroes(@RequestBody BulkCreate bulk) {
		List<HeroCreate> items = bulk.items();
		if (items.isEmpty() || items.size() > 1000) {
			throw new ResponseStatusException(items.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE);
		}
		Set<Long> teamIds = new HashSet<>();
		Set<Long> mentorIds = new HashSet<>();
		items.forEach((item) -> {
			require(item);
			if (item.teamId() != null) {
				teamIds.add(item.teamId());
			}
			if (item.mentorId() != null) {
				mentorIds.add(item.mentorId());
			}
		});
		// Mentors must exist before the request, so they are counted before the insert.
		if (!teamIds.isEmpty() || !mentorIds.isEmpty()) {
			long found = this.jdbc.sql(
					"select (select count(*) from team where id = any(?)) + (select count(*) from hero where id = any(?))")
				.params(teamIds.toArray(Long[]::new), mentorIds.toArray(Long[]::new))
				.query(Long.class)
				.single();
			if (found != teamIds.size() + mentorIds.size()) {
				throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
			}
		}
		List<Long> ids = this.jdbc.sql("select nextval('hero_seq') from generate_series(1, ?)")
			.param(items.size())
			.query(Long.class)
			.list();
		this.jdbc.sql("""
				insert into hero (id, name, secret_name, age, team_id, mentor_id)
				select * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::bigint[])""")
			.params(ids.toArray(Long[]::new), items.stream().map(HeroCreate::name).toArray(String[]::new),
					items.stream().map(HeroCreate::secretName).toArray(String[]::new),
					items.stream().map(HeroCreate::age).toArray(Integer[]::new),
					items.stream().map(HeroCreate::teamId).toArray(Long[]::new),
					items.stream().map(HeroCreate::mentorId).toArray(Long[]::new))
			.update();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ids", ids));
	}

	// One statement: the hero's version and its live powers, in HeroPublic.powers order;
	// a
	// hero without powers is one row without a power, an unknown hero none.
	@GetMapping("/api/heroes/{id}/powers")
	ResponseEntity<List<HeroPower>> heroPowers(@PathVariable long id) {
		long[] version = { -1 };
		List<HeroPower> powers = new ArrayList<>();
		this.jdbc.sql("""
				select h.version, p.id as power_id, p.name, p.category, hp.level, hp.acquired_on
				from hero h
				left join (hero_power hp join power p on p.id = hp.power_id and not p.retired) on hp.hero_id = h.id
				where h.id = ? order by hp.level desc, lower(p.name), p.id""").param(id).query((ResultSet rs) -> {
			version[0] = rs.getLong("version");
			long powerId = rs.getLong("power_id");
			if (!rs.wasNull()) {
				powers.add(new HeroPower(new PowerSummary(powerId, rs.getString("name"), rs.getString("category")),
						rs.getInt("level"), rs.getObject("acquired_on", LocalDate.class)));
			}
		});
		if (version[0] < 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok().eTag(Long.toString(version[0])).body(powers);
	}

	// Two statements in one transaction: the hero's row lock (writes to one hero's powers
	// are serialised on it) with the power; then, in a snapshot taken after the lock, the
	// upsert, held to 20 links unless it replaces one, and the hero's version bump.
	@PutMapping("/api/heroes/{id}/powers/{powerId}")
	@Transactional
	ResponseEntity<HeroPower> assignPower(@PathVariable long id, @PathVariable long powerId,
			@RequestBody HeroPowerAssign assign) {
		Integer level = assign.level();
		if (level == null || level < 1 || level > 10) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		LocalDate acquiredOn = (assign.acquiredOn() != null) ? assign.acquiredOn() : LocalDate.now(ZoneOffset.UTC);
		// No row: no such hero; a row without a power: no such live power.
		Locked locked = this.jdbc.sql("""
				select p.id, p.name, p.category from hero h left join power p on p.id = :power and not p.retired
				where h.id = :hero for update of h""").param("hero", id).param("power", powerId).query((rs, n) -> {
			long found = rs.getLong("id");
			return new Locked(
					rs.wasNull() ? null : new PowerSummary(found, rs.getString("name"), rs.getString("category")));
		}).optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PowerSummary power = locked.power();
		if (power == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Assigned assigned = this.jdbc
			.sql("""
					with link as (
					  insert into hero_power (hero_id, power_id, level, acquired_on)
					  select :hero, :power, :level, :acquiredOn::date
					  where (select count(*) from hero_power where hero_id = :hero) < :max
					     or exists (select 1 from hero_power where hero_id = :hero and power_id = :power)
					  on conflict (hero_id, power_id) do update set level = excluded.level, acquired_on = excluded.acquired_on
					  returning (xmax = 0) as created),
					bump as (update hero set version = version + 1 where id = :hero and exists (select 1 from link)
					  returning version)
					select link.created, bump.version from link, bump""")
			.param("hero", id)
			.param("power", powerId)
			.param("level", level)
			.param("acquiredOn", acquiredOn)
			.param("max", MAX_POWERS)
			.query((rs, n) -> new Assigned(rs.getBoolean("created"), rs.getLong("version")))
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
		HeroPower body = new HeroPower(power, level, acquiredOn);
		ResponseEntity.BodyBuilder response = assigned.created()
				? ResponseEntity.created(URI.create("/api/heroes/" + id + "/powers/" + powerId)) : ResponseEntity.ok();
		return response.eTag(Long.toString(assigned.version())).body(body);
	}

	@GetMapping("/api/powers")
	Page<PowerPublic> powers(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		int limit = Math.min(Math.max(size, 1), 100);
		// Cut on the power table first; each row of the page counts its holders from the
		// index on hero_power.power_id.
		List<PowerPublic> content = this.jdbc.sql("""
				select p.id, p.name, p.category, p.tags, p.created_at, p.updated_at,
				       (select count(*) from hero_power hp where hp.power_id = p.id) as hero_count
				from (select id, name, category, tags, created_at, updated_at from power where not retired
				      order by id limit ? offset ?) p
				order by p.id""").params(limit, (long) page * limit).query(FloorController::power).list();
		return Page.of(content, page, limit,
				() -> this.jdbc.sql("select count(*) from power where not retired").query(Long.class).single());
	}

	@PostMapping("/api/powers")
	ResponseEntity<PowerPublic> createPower(@RequestBody PowerCreate create) {
		if (create.name() == null || create.name().isBlank() || create.category() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		// Stored sorted, so that reads answer the tags in the contract's order as they
		// are.
		String[] tags = new TreeSet<>((create.tags() != null) ? create.tags() : List.<String>of())
			.toArray(String[]::new);
		PowerPublic power;
		try {
			power = this.jdbc.sql("""
					insert into power (id, name, category, tags) values (nextval('power_seq'), ?, ?, ?::text[])
					returning id, name, category, tags, 0 as hero_count, created_at, updated_at""")
				.params(create.name(), create.category(), tags)
				.query(FloorController::power)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return ResponseEntity.created(URI.create("/api/powers/" + power.id())).body(power);
	}

	private static void require(HeroCreate create) {
		if (create.name() == null || create.name().isBlank() || create.secretName() == null
				|| create.secretName().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static HeroRow heroRow(ResultSet rs, int row) throws SQLException {
		long teamId = rs.getLong("team_id");
		TeamSummary team = rs.wasNull() ? null : new TeamSummary(teamId, rs.getString("team_name"));
		long mentorId = rs.getLong("mentor_id");
		HeroSummary mentor = rs.wasNull() ? null
				: new HeroSummary(mentorId, rs.getString("mentor_name"), age(rs, "mentor_age"));
		return new HeroRow(rs.getLong("id"), rs.getString("name"), age(rs, "age"), team, mentor,
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static TeamPublic team(ResultSet rs, int row) throws SQLException {
		return new TeamPublic(rs.getLong("id"), rs.getString("name"), rs.getString("headquarters"),
				rs.getInt("hero_count"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static PowerPublic power(ResultSet rs, int row) throws SQLException {
		String[] tags = (String[]) rs.getArray("tags").getArray();
		return new PowerPublic(rs.getLong("id"), rs.getString("name"), rs.getString("category"), Arrays.asList(tags),
				rs.getInt("hero_count"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static @Nullable Integer age(ResultSet rs, String column) throws SQLException {
		int age = rs.getInt(column);
		return rs.wasNull() ? null : age;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	record TeamCreate(String name, @Nullable String headquarters) {
	}

	record HeroCreate(String name, String secretName, @Nullable Integer age, @Nullable Long teamId,
			@Nullable Long mentorId) {
	}

	record BulkCreate(List<HeroCreate> items) {
	}

	record PowerCreate(String name, String category, @Nullable List<String> tags) {
	}

	record HeroPowerAssign(@Nullable Integer level, @Nullable LocalDate acquiredOn) {
	}

	record TeamSummary(long id, String name) {
	}

	record HeroSummary(long id, String name, @Nullable Integer age) {
	}

	record PowerSummary(long id, String name, String category) {
	}

	record HeroPowerSummary(long id, String name, int level) {
	}

	record HeroPower(PowerSummary power, int level, LocalDate acquiredOn) {
	}

	record HeroRow(long id, String name, @Nullable Integer age, @Nullable TeamSummary team,
			@Nullable HeroSummary mentor, Instant createdAt, Instant updatedAt) {

		HeroPublic with(List<HeroPowerSummary> powers) {
			return new HeroPublic(this.id, this.name, this.age, this.team, this.mentor, powers, this.createdAt,
					this.updatedAt);
		}

	}

	record HeroPublic(long id, String name, @Nullable Integer age, @Nullable TeamSummary team,
			@Nullable HeroSummary mentor, List<HeroPowerSummary> powers, Instant createdAt, Instant updatedAt) {
	}

	record TeamPublic(long id, String name, @Nullable String headquarters, int heroCount, Instant createdAt,
			Instant updatedAt) {
	}

	record TeamWithHeroes(long id, String name, @Nullable String headquarters, int heroCount, Instant createdAt,
			Instant updatedAt, List<HeroSummary> heroes) {
	}

	record PowerPublic(long id, String name, String category, List<String> tags, int heroCount, Instant createdAt,
			Instant updatedAt) {
	}

	record Locked(@Nullable PowerSummary power) {
	}

	record Assigned(boolean created, long version) {
	}

	record Metadata(long size, long number, long totalElements, long totalPages) {
	}

	record Page<T>(List<T> content, Metadata page) {

		static <T> Page<T> of(List<T> content, int number, int size, LongSupplier count) {
			// Like Spring Data: the count is skipped when the first page already holds
			// every row.
			long total = (number == 0 && content.size() < size) ? content.size() : count.getAsLong();
			return new Page<>(content, new Metadata(size, number, total, (total + size - 1) / size));
		}

	}

}
