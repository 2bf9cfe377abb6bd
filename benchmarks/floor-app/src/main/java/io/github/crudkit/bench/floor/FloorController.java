package io.github.crudkit.bench.floor;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The benchmarked endpoints of the sample, written by hand: one statement per single-row
 * read, a page query and a count per page, and set-based writes. Validation is the
 * minimum the contract needs for the benchmark's inputs.
 */
@RestController
class FloorController {

	private static final String HERO_COLUMNS = "h.id, h.name, h.age, h.created_at, h.updated_at, t.id as team_id, "
			+ "t.name as team_name from hero h left join team t on t.id = h.team_id";

	private final JdbcClient jdbc;

	FloorController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/heroes/{id}")
	HeroPublic hero(@PathVariable long id) {
		return this.jdbc.sql("select " + HERO_COLUMNS + " where h.id = ?")
			.param(id)
			.query(FloorController::hero)
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/api/heroes")
	Page<HeroPublic> heroes(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		int limit = Math.min(Math.max(size, 1), 100);
		// The page is cut on the hero table first, then only its rows are joined.
		List<HeroPublic> content = this.jdbc.sql("""
				select h.id, h.name, h.age, h.created_at, h.updated_at, t.id as team_id, t.name as team_name
				from (select id, name, age, team_id, created_at, updated_at from hero order by id limit ? offset ?) h
				left join team t on t.id = h.team_id order by h.id""")
			.params(limit, (long) page * limit)
			.query(FloorController::hero)
			.list();
		return Page.of(content, page, limit,
				() -> this.jdbc.sql("select count(*) from hero").query(Long.class).single());
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
			.query((rs, n) -> new HeroSummary(rs.getLong("id"), rs.getString("name"), age(rs)))
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

	@PostMapping("/api/heroes")
	@Transactional
	ResponseEntity<HeroPublic> createHero(@RequestBody HeroCreate create) {
		require(create);
		TeamSummary team = null;
		if (create.teamId() != null) {
			team = this.jdbc.sql("select id, name from team where id = ?")
				.param(create.teamId())
				.query((rs, n) -> new TeamSummary(rs.getLong("id"), rs.getString("name")))
				.optional()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT));
		}
		TeamSummary member = team;
		HeroPublic hero = this.jdbc.sql("""
				insert into hero (id, name, secret_name, age, team_id) values (nextval('hero_seq'), ?, ?, ?, ?)
				returning id, name, age, created_at, updated_at""")
			.param(create.name())
			.param(create.secretName())
			.param(create.age())
			.param(create.teamId())
			.query((rs, n) -> new HeroPublic(rs.getLong("id"), rs.getString("name"), age(rs), member,
					instant(rs, "created_at"), instant(rs, "updated_at")))
			.single();
		return ResponseEntity.created(URI.create("/api/heroes/" + hero.id())).body(hero);
	}

	@PostMapping("/api/heroes/bulk")
	@Transactional
	ResponseEntity<Map<String, List<Long>>> createHeroes(@RequestBody BulkCreate bulk) {
		List<HeroCreate> items = bulk.items();
		if (items.isEmpty() || items.size() > 1000) {
			throw new ResponseStatusException(items.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE);
		}
		Set<Long> teamIds = new HashSet<>();
		items.forEach((item) -> {
			require(item);
			if (item.teamId() != null) {
				teamIds.add(item.teamId());
			}
		});
		if (!teamIds.isEmpty()) {
			long found = this.jdbc.sql("select count(*) from team where id = any(?)")
				.param(teamIds.toArray(Long[]::new))
				.query(Long.class)
				.single();
			if (found != teamIds.size()) {
				throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
			}
		}
		List<Long> ids = this.jdbc.sql("select nextval('hero_seq') from generate_series(1, ?)")
			.param(items.size())
			.query(Long.class)
			.list();
		this.jdbc.sql("""
				insert into hero (id, name, secret_name, age, team_id)
				select * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[])""")
			.params(ids.toArray(Long[]::new), items.stream().map(HeroCreate::name).toArray(String[]::new),
					items.stream().map(HeroCreate::secretName).toArray(String[]::new),
					items.stream().map(HeroCreate::age).toArray(Integer[]::new),
					items.stream().map(HeroCreate::teamId).toArray(Long[]::new))
			.update();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ids", ids));
	}

	private static void require(HeroCreate create) {
		if (create.name() == null || create.name().isBlank() || create.secretName() == null
				|| create.secretName().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static HeroPublic hero(ResultSet rs, int row) throws SQLException {
		long teamId = rs.getLong("team_id");
		TeamSummary team = rs.wasNull() ? null : new TeamSummary(teamId, rs.getString("team_name"));
		return new HeroPublic(rs.getLong("id"), rs.getString("name"), age(rs), team, instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static TeamPublic team(ResultSet rs, int row) throws SQLException {
		return new TeamPublic(rs.getLong("id"), rs.getString("name"), rs.getString("headquarters"),
				rs.getInt("hero_count"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static @Nullable Integer age(ResultSet rs) throws SQLException {
		int age = rs.getInt("age");
		return rs.wasNull() ? null : age;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	record TeamCreate(String name, @Nullable String headquarters) {
	}

	record HeroCreate(String name, String secretName, @Nullable Integer age, @Nullable Long teamId) {
	}

	record BulkCreate(List<HeroCreate> items) {
	}

	record TeamSummary(long id, String name) {
	}

	record HeroSummary(long id, String name, @Nullable Integer age) {
	}

	record HeroPublic(long id, String name, @Nullable Integer age, @Nullable TeamSummary team, Instant createdAt,
			Instant updatedAt) {
	}

	record TeamPublic(long id, String name, @Nullable String headquarters, int heroCount, Instant createdAt,
			Instant updatedAt) {
	}

	record TeamWithHeroes(long id, String name, @Nullable String headquarters, int heroCount, Instant createdAt,
			Instant updatedAt, List<HeroSummary> heroes) {
	}

	record Metadata(long size, long number, long totalElements, long totalPages) {
	}

	record Page<T>(List<T> content, Metadata page) {

		static <T> Page<T> of(List<T> content, int number, int size, java.util.function.LongSupplier count) {
			// Like Spring Data: the count is skipped when the first page already holds
			// every row.
			long total = (number == 0 && content.size() < size) ? content.size() : count.getAsLong();
			return new Page<>(content, new Metadata(size, number, total, (total + size - 1) / size));
		}

	}

}
