package io.github.crudkit.sample.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.github.crudkit.test.statements.StatementAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that reads run a fixed number of statements whatever the number of rows: the
 * same count for 10, 100 and 1000 heroes. A page runs its query, the powers of its heroes
 * (one statement for the page) and a count; the count is skipped when the first page
 * holds everything, which is the only difference the numbers below allow.
 */
@SampleIntegrationTest
@TestPropertySource(properties = "crudkit.test.context=statement-counts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementCountIntegrationTests {

	private static final int TEAMS = 25;

	@Autowired
	StatementTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	@BeforeEach
	void setUp() {
		if (this.jdbc.sql("select count(*) from team").query(Long.class).single() == 0) {
			for (int i = 0; i < TEAMS; i++) {
				this.api.post("/api/teams", Map.of("name", "Counted team " + i));
			}
			long big = this.api.post("/api/teams", Map.of("name", "Big team")).id();
			this.jdbc
				.sql("""
						insert into hero (id, name, secret_name, age, team_id)
						select nextval('hero_seq'), 'Member ' || n, 'SECRET-seed', n, :team from generate_series(1, 100) n""")
				.param("team", big)
				.update();
		}
	}

	@ParameterizedTest(name = "{0} heroes")
	@ValueSource(ints = { 10, 100, 1000 })
	@Order(1)
	void readsRunTheSameStatementsWhateverTheNumberOfHeroes(int heroes) {
		seedHeroesUpTo(heroes + 100);
		long bigTeam = this.jdbc.sql("select id from team where name = 'Big team'").query(Long.class).single();

		// A page of heroes: the page (team and mentor joined), their powers, the count.
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=20"))).hasStatements(3)
			.hasSelects(3)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=100"))).hasStatements(3).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=100&sort=name,desc&minAge=1"))).hasStatements(3)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/teams?size=20"))).hasStatements(2).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/teams/" + bigTeam))).hasStatements(2).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/teams/" + bigTeam + "/heroes?size=20"))).hasStatements(3)
			.hasNoNPlusOne();
		// Keyset pages: no count, however deep; heroes add their powers.
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=20&after=0"))).hasStatements(2).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=20&after=" + (firstHeroId() + heroes / 2))))
			.hasStatements(2)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/teams?size=20&after=0"))).hasStatements(1).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/teams/" + bigTeam + "/heroes?size=20&after=0")))
			.hasStatements(2)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes/" + firstHeroId()))).hasStatements(2).hasNoNPlusOne();
	}

	@Test
	@Order(2)
	void aFirstPageThatHoldsEverythingSkipsTheCount() {
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Small"))).id();
		this.api.post("/api/heroes", Map.of("name", "Only", "secretName", Api.secret(), "teamId", team));

		// The page and its heroes' powers; no count.
		assertThat(statementsOf(() -> this.api.get("/api/teams/" + team + "/heroes?size=20"))).hasStatements(2);
	}

	@Test
	@Order(3)
	void aCreateInsertsWithoutLookingUpItsTeamFirst() {
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Create"))).id();

		this.tracker.captureParameters(true);
		UnitOfWorkStatistics statistics;
		try {
			statistics = statementsOf(() -> this.api.post("/api/heroes",
					Map.of("name", "Created", "secretName", Api.secret(), "teamId", team)));
		}
		finally {
			this.tracker.captureParameters(false);
		}

		// The insert, then the team's name for the answer; and an id allocation once
		// in 50 creates.
		assertThat(statistics).hasInserts(1).hasNoNPlusOne();
		assertThat(statistics.statements()).as("statements").isBetween(2, 3);
		assertThat(statistics.executed()).as("executed statements").isNotEmpty();
		assertThat(statistics.executed().stream().filter((statement) -> !statement.sql().contains("nextval"))).first()
			.satisfies((statement) -> assertThat(statement.sql()).startsWithIgnoringCase("insert"));
	}

	@Test
	@Order(4)
	void bulkCreateOfAThousandHeroesBatchesItsInserts() {
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Bulk"))).id();
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			items.add(Map.of("name", "Bulk " + i, "secretName", Api.secret(), "age", i, "teamId", team));
		}

		UnitOfWorkStatistics statistics = statementsOf(() -> {
			Response response = this.api.post("/api/heroes/bulk", Map.of("items", items));
			assertThat(response.status()).isEqualTo(201);
			assertThat(response.json().get("ids").size()).isEqualTo(1000);
			return response;
		});

		// One team lookup, one insert batch of 1000 and the id allocations: the hero
		// sequence hands out 50 ids a call, so 20 calls cover the request, 21 when the
		// ids left over from earlier inserts are too few.
		assertThat(statistics.statements()).as("statements").isBetween(22, 23);
		assertThat(statistics.selects()).as("team lookup and id allocations").isBetween(21, 22);
		assertThat(statistics).hasInserts(1).hasNoNPlusOne();
		assertThat(statistics.batches()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from hero where team_id = ?").param(team).query(Long.class).single())
			.isEqualTo(1000);
	}

	@Test
	@Order(5)
	void anIdempotencyKeyCostsThreeStatementsAndItsReplayTwo() {
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Keyed"))).id();
		Map<String, String> key = Map.of("Idempotency-Key", Api.unique("statements"));
		Map<String, Object> keyed = Map.of("name", "Keyed", "secretName", Api.secret(), "teamId", team);

		UnitOfWorkStatistics withoutKey = statementsOf(() -> this.api.post("/api/heroes",
				Map.of("name", "Unkeyed", "secretName", Api.secret(), "teamId", team)));
		UnitOfWorkStatistics first = statementsOf(() -> this.api.post("/api/heroes", keyed, key));
		UnitOfWorkStatistics replay = statementsOf(() -> this.api.post("/api/heroes", keyed, key));

		// Without a key: the insert and the team's name, as always. With one: the key's
		// lock, the look-up of its record and the record's insert besides. A replay: the
		// lock and the look-up, nothing of the handler. (Id allocations, once in 50
		// creates, left out.)
		assertThat(withoutIdAllocations(withoutKey)).as("without a key").isEqualTo(2);
		assertThat(withoutIdAllocations(first)).as("first request with a key").isEqualTo(5);
		assertThat(first.inserts()).isEqualTo(2);
		assertThat(first.bySql().keySet()).anyMatch((sql) -> sql.contains("pg_try_advisory_xact_lock"))
			.anyMatch((sql) -> sql.startsWith("insert into crudkit_idempotency_key"));
		assertThat(replay.statements()).as("replay").isEqualTo(2);
		assertThat(replay.inserts()).isZero();
		assertThat(first).hasNoNPlusOne();
	}

	private static int withoutIdAllocations(UnitOfWorkStatistics statistics) {
		return statistics.bySql()
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().contains("nextval"))
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

	private UnitOfWorkStatistics statementsOf(Supplier<Response> request) {
		return StatementRecorder.of(this.tracker, () -> assertThat(request.get().status()).isLessThan(300));
	}

	private void seedHeroesUpTo(int total) {
		long present = this.jdbc.sql("select count(*) from hero").query(Long.class).single();
		if (present < total) {
			this.jdbc.sql("""
					insert into hero (id, name, secret_name, age, team_id)
					select nextval('hero_seq'), 'Seeded ' || n, 'SECRET-seed', n % 90,
					       (select id from team where name = 'Counted team ' || (n % :teams))
					from generate_series(1, :count) n""")
				.param("teams", TEAMS)
				.param("count", total - present)
				.update();
		}
	}

	private long firstHeroId() {
		return this.jdbc.sql("select min(id) from hero").query(Long.class).single();
	}

}
