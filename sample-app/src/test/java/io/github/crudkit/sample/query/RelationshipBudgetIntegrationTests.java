package io.github.crudkit.sample.query;

import java.util.Map;
import java.util.function.Supplier;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.github.crudkit.test.statements.StatementAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement budgets of the relationship endpoints, the same at 10, 100 and 1000
 * heroes, each hero with up to three powers and every other hero with a mentor: to-many
 * collections are read for a whole page in one statement, never per row.
 */
@SampleIntegrationTest
@TestPropertySource(properties = "crudkit.test.context=relationship-budgets")
class RelationshipBudgetIntegrationTests {

	private static final int POWERS = 40;

	@Autowired
	StatementTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	@ParameterizedTest(name = "{0} heroes")
	@ValueSource(ints = { 10, 100, 1000 })
	void relationshipReadsAndWritesStayWithinTheirBudgets(int heroes) {
		seed(heroes);
		long hero = this.jdbc.sql("select max(id) from hero where mentor_id is not null").query(Long.class).single();
		long power = this.jdbc.sql("select min(id) from power").query(Long.class).single();
		long free = this.jdbc.sql("""
				select min(p.id) from power p
				where not exists (select 1 from hero_power l where l.hero_id = :hero and l.power_id = p.id)""")
			.param("hero", hero)
			.query(Long.class)
			.single();

		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=100"))).hasStatementsAtMost(3).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes?size=100&page=1"))).hasStatementsAtMost(3)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes?after=0&size=100"))).hasStatementsAtMost(2)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes/" + hero))).hasStatementsAtMost(2).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/powers?size=20"))).hasStatementsAtMost(2).hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes/" + hero + "/powers"))).hasStatementsAtMost(2)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/heroes/" + hero + "/lineage"))).hasStatementsAtMost(2)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/powers/" + power + "/heroes?size=100"))).hasStatementsAtMost(3)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.get("/api/powers/" + power + "/heroes?size=100&sort=level,desc")))
			.hasStatementsAtMost(3)
			.hasNoNPlusOne();
		assertThat(statementsOf(() -> this.api.put("/api/heroes/" + hero + "/powers/" + free, Map.of("level", 4))))
			.hasStatementsAtMost(6)
			.hasNoNPlusOne();
		this.jdbc.sql("delete from hero_power where hero_id = ? and power_id = ?").params(hero, free).update();
	}

	private void seed(int heroes) {
		if (this.jdbc.sql("select count(*) from power").query(Long.class).single() == 0) {
			this.jdbc.sql("""
					insert into power (id, name, category, tags)
					select nextval('power_seq'), 'Budget power ' || n,
					       (array['PHYSICAL', 'MENTAL', 'ENERGY', 'MAGIC', 'TECH'])[1 + n % 5], array['tag-' || (n % 7)]
					from generate_series(1, :powers) n""").param("powers", POWERS).update();
		}
		long present = this.jdbc.sql("select count(*) from hero").query(Long.class).single();
		if (present < heroes) {
			this.jdbc.sql("""
					insert into hero (id, name, secret_name, age)
					select nextval('hero_seq'), 'Budget hero ' || n, 'SECRET-seed', n % 90
					from generate_series(1, :count) n""").param("count", heroes - present).update();
			// Every other hero is mentored by the hero before it: chains of mentors.
			this.jdbc
				.sql("""
						with numbered as (select id, row_number() over (order by id) as n, lag(id) over (order by id) as previous
						                  from hero)
						update hero h set mentor_id = numbered.previous
						from numbered
						where numbered.id = h.id and numbered.n % 2 = 0 and h.mentor_id is null""")
				.update();
			// Up to three powers per hero, at levels 1 to 10.
			this.jdbc
				.sql("""
						insert into hero_power (hero_id, power_id, level, acquired_on)
						select h.id, p.id, 1 + (h.id + p.id) % 10, date '2020-01-01'
						from hero h
						join lateral (select id from power order by (id * 7919 + h.id) % 101 limit ((h.id / 50) % 4)) p on true
						where not exists (select 1 from hero_power l where l.hero_id = h.id)""")
				.update();
			this.jdbc.sql("analyze").update();
		}
	}

	private UnitOfWorkStatistics statementsOf(Supplier<Response> request) {
		return StatementRecorder.of(this.tracker, () -> assertThat(request.get().status()).isLessThan(300));
	}

}
