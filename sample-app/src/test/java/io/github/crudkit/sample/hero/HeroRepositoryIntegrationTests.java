package io.github.crudkit.sample.hero;

import io.github.crudkit.migration.MigrationVerifier;
import io.github.crudkit.sample.team.Team;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static io.github.crudkit.test.statements.StatementAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} of the hero repository on a real PostgreSQL database: the slice
 * migrates it with Liquibase and verifies the migrations as the application does, and
 * crudkit counts the statements of a repository call. The test runs outside a
 * transaction: inside one, every statement would belong to the transaction's unit of
 * work, including the test's own inserts.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@CrudkitTestDatabase
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class HeroRepositoryIntegrationTests {

	@Autowired
	HeroRepository heroes;

	@Autowired
	StatementTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findingAHeroWithItsTeamRunsOneStatement() {
		long team = this.jdbc.sql("insert into team (id, name) values (nextval('team_seq'), 'Avengers') returning id")
			.query(Long.class)
			.single();
		long hero = this.jdbc.sql("""
				insert into hero (id, name, secret_name, age, team_id)
				values (nextval('hero_seq'), 'Deadpond', 'Dive Wilson', 32, :team) returning id""")
			.param("team", team)
			.query(Long.class)
			.single();

		try (StatementTracker.Scope unit = this.tracker.begin("find a hero with its team")) {
			assertThat(this.heroes.findWithTeamById(hero)).hasValueSatisfying(
					(found) -> assertThat(found.getTeam()).extracting(Team::getName).isEqualTo("Avengers"));
			assertThat(this.tracker.currentStatistics()).hasValueSatisfying(
					(statistics) -> assertThat(statistics).hasStatements(1).hasSelects(1).hasNoNPlusOne());
		}
	}

	@Test
	void schemaIsMigratedByLiquibaseAndVerifiedByCrudkit(@Autowired ObjectProvider<MigrationVerifier> verifier) {
		assertThat(verifier.getIfAvailable()).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isPositive();
	}

}
