package io.github.crudkit.sample.query;

import javax.sql.DataSource;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import io.github.crudkit.test.statements.PageShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list endpoint of the sample costs the same at page 0 and deep in the list: with
 * 10,000 heroes in 100 teams, the page query of a deep page joins (and counts heroes for)
 * as many rows as the first page's.
 */
@SampleIntegrationTest
@TestPropertySource(properties = "crudkit.test.context=page-shape")
class PageShapeIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	StatementTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void seedOnce() {
		if (this.jdbc.sql("select count(*) from team where name like 'Shape team%'").query(Long.class).single() == 0) {
			this.jdbc.sql("""
					with teams as (
					  insert into team (id, name, version, created_at, updated_at)
					  select nextval('team_seq'), 'Shape team ' || n, 0, now(), now() from generate_series(1, 100) n
					  returning id),
					numbered as (select id, row_number() over (order by id) % 100 as slot from teams)
					insert into hero (id, name, secret_name, age, team_id, status, version, created_at, updated_at)
					select nextval('hero_seq'), 'Shape hero ' || n, 'SECRET-seed', n % 90, numbered.id,
					       'ACTIVE', 0, now(), now()
					from generate_series(1, 10000) n join numbered on numbered.slot = n % 100""").update();
			this.jdbc.sql("analyze").update();
		}
		this.tracker.captureParameters(true);
	}

	@AfterEach
	void stopCapturing() {
		this.tracker.captureParameters(false);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/heroes?size=20", "/api/heroes?size=100", "/api/heroes?size=20&sort=name",
			"/api/heroes?size=20&sort=age,desc&sort=createdAt", "/api/heroes?size=20&name=shape&minAge=10",
			"/api/teams?size=20", "/api/teams?size=20&sort=name,desc", "/api/teams?size=20&name=shape" })
	void aDeepPageJoinsNoMoreRowsThanTheFirst(String list) {
		UnitOfWorkStatistics first = statementsOf(list + "&page=0");
		UnitOfWorkStatistics deep = statementsOf(list + (list.startsWith("/api/teams") ? "&page=4" : "&page=90"));
		PageShape.of(this.dataSource).assertDoesNotGrowWithDepth(first, deep);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "size=20", "size=20&sort=name" })
	void aDeepPageOfATeamsHeroesJoinsNoMoreRowsThanTheFirst(String query) {
		long team = this.jdbc.sql("select min(id) from team where name like 'Shape team%'").query(Long.class).single();
		String list = "/api/teams/" + team + "/heroes?" + query;
		PageShape.of(this.dataSource)
			.assertDoesNotGrowWithDepth(statementsOf(list + "&page=0"), statementsOf(list + "&page=4"));
	}

	private UnitOfWorkStatistics statementsOf(String path) {
		return StatementRecorder.of(this.tracker, () -> assertThat(this.api.get(path).status()).isEqualTo(200));
	}

}
