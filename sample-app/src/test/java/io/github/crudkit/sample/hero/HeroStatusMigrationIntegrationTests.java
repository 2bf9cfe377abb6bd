package io.github.crudkit.sample.hero;

import io.github.crudkit.sample.support.ChangelogDatabase;
import liquibase.Liquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hero status expand/contract migration on a database that already holds heroes: 0005
 * adds the column, 0006 backfills it, 0007 makes it required; each step rolls back.
 */
class HeroStatusMigrationIntegrationTests {

	private ChangelogDatabase database;

	private Liquibase liquibase;

	private JdbcClient jdbc;

	@BeforeEach
	void migrateToBeforeTheStatus() throws Exception {
		this.database = ChangelogDatabase.create();
		this.liquibase = this.database.liquibase();
		this.jdbc = this.database.jdbc();
		this.liquibase.update(4, "");
		this.jdbc
			.sql("insert into hero (id, name, secret_name, age) select n, 'Old ' || n, 's', n % 100 "
					+ "from generate_series(1, 25000) n")
			.update();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.database.close();
	}

	@Test
	void expandBackfillContractKeepsEveryHeroAndMakesTheStatusRequired() throws Exception {
		this.liquibase.update(1, "");
		assertThat(count("status is null")).isEqualTo(25000);

		this.liquibase.update(1, "");
		assertThat(count("status = 'ACTIVE'")).isEqualTo(25000);

		this.liquibase.update(1, "");
		assertThat(this.jdbc
			.sql("select is_nullable from information_schema.columns "
					+ "where table_name = 'hero' and column_name = 'status'")
			.query(String.class)
			.single()).isEqualTo("NO");
		this.jdbc.sql("insert into hero (id, name, secret_name) values (900000, 'New', 's')").update();
		assertThat(this.jdbc.sql("select status from hero where id = 900000").query(String.class).single())
			.isEqualTo("ACTIVE");
		assertThatThrownBy(() -> this.jdbc.sql("update hero set status = 'LOST' where id = 1").update())
			.hasMessageContaining("ck_hero_status");
		assertThat(count("true")).isEqualTo(25001);
	}

	@Test
	void eachStepRollsBackWithoutLosingHeroes() throws Exception {
		this.liquibase.update(3, "");

		this.liquibase.rollback(1, "");
		this.jdbc.sql("insert into hero (id, name, secret_name) values (900001, 'Nullable again', 's')").update();
		assertThat(count("status is null")).isEqualTo(1);

		this.liquibase.rollback(1, "");
		assertThat(count("status is null")).isEqualTo(25001);

		this.liquibase.rollback(1, "");
		assertThat(this.jdbc
			.sql("select count(*) from information_schema.columns "
					+ "where table_name = 'hero' and column_name = 'status'")
			.query(Long.class)
			.single()).isZero();
		assertThat(count("true")).isEqualTo(25001);
	}

	private long count(String condition) {
		return this.jdbc.sql("select count(*) from hero where " + condition).query(Long.class).single();
	}

}
