package io.github.crudkit.sample.hero;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.crudkit.sample.support.ChangelogDatabase;
import liquibase.Liquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hero count that triggers kept (changeset 0009, dropped again by 0010) on a database
 * that already holds heroes: it starts at the existing number, follows every insert,
 * delete and truncate, committed or rolled back, from concurrent writers, and the
 * changeset rolls back cleanly; 0010 drops it all, and its rollback counts again.
 */
class HeroCountMigrationIntegrationTests {

	private ChangelogDatabase database;

	private Liquibase liquibase;

	private JdbcClient jdbc;

	@BeforeEach
	void migrateToBeforeTheCount() throws Exception {
		this.database = ChangelogDatabase.create();
		this.liquibase = this.database.liquibase();
		this.jdbc = this.database.jdbc();
		this.liquibase.update(8, "");
		this.jdbc
			.sql("insert into hero (id, name, secret_name) select n, 'Old ' || n, 's' from generate_series(1, 3000) n")
			.update();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.database.close();
	}

	@Test
	void startsAtTheExistingHeroesAndFollowsEveryChange() throws Exception {
		this.liquibase.update(1, "");
		assertThat(counted()).isEqualTo(3000);

		this.jdbc.sql(
				"insert into hero (id, name, secret_name) select n, 'New ' || n, 's' from generate_series(5001, 5010) n")
			.update();
		this.jdbc.sql("delete from hero where id <= 100").update();
		assertThat(counted()).isEqualTo(2910).isEqualTo(actual());

		try (Connection transaction = this.database.connect()) {
			transaction.setAutoCommit(false);
			transaction.createStatement()
				.executeUpdate("insert into hero (id, name, secret_name) values (9000, 'Gone', 's')");
			transaction.createStatement().executeUpdate("delete from hero where id between 101 and 200");
			transaction.rollback();
		}
		assertThat(counted()).isEqualTo(2910).isEqualTo(actual());

		this.jdbc.sql("truncate hero").update();
		assertThat(counted()).isZero();
		this.jdbc.sql("insert into hero (id, name, secret_name) values (1, 'Again', 's')").update();
		assertThat(counted()).isEqualTo(1).isEqualTo(actual());
	}

	@Test
	void concurrentWritersAreAllCounted() throws Exception {
		this.liquibase.update(1, "");
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < 8; writer++) {
				int first = 10_000 + writer * 1_000;
				done.add(writers.submit(() -> {
					JdbcClient own = JdbcClient.create(this.database.dataSource());
					for (int i = 0; i < 50; i++) {
						own.sql("insert into hero (id, name, secret_name) values (?, 'Writer', 's')")
							.param(first + i)
							.update();
					}
					own.sql("delete from hero where id between ? and ?").params(first, first + 9).update();
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			writers.shutdown();
		}

		assertThat(counted()).isEqualTo(3000 + 8 * 40).isEqualTo(actual());
		assertThat(this.jdbc.sql("select count(*) from hero_count where heroes <> 0").query(Long.class).single())
			.as("the writers spread over slots")
			.isGreaterThan(1);
	}

	@Test
	void rollsBackWithoutATrace() throws Exception {
		this.liquibase.update(1, "");

		this.liquibase.rollback(1, "");
		this.jdbc.sql("insert into hero (id, name, secret_name) values (7000, 'After', 's')").update();
		assertThat(this.jdbc.sql("select count(*) from information_schema.tables where table_name = 'hero_count'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from pg_trigger where tgname like 'hero_count%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from pg_proc where proname like 'hero_count%'")
			.query(Long.class)
			.single()).isZero();

		this.liquibase.update(1, "");
		assertThat(counted()).isEqualTo(3001).isEqualTo(actual());
	}

	@Test
	void isDroppedByTheNextChangesetWhoseRollbackCountsAgain() throws Exception {
		this.liquibase.update(2, "");
		assertThat(leftovers()).isZero();
		this.jdbc.sql("insert into hero (id, name, secret_name) values (7000, 'After', 's')").update();

		this.liquibase.rollback(1, "");
		assertThat(counted()).isEqualTo(3001).isEqualTo(actual());
		this.jdbc.sql("delete from hero where id = 7000").update();
		assertThat(counted()).isEqualTo(3000).isEqualTo(actual());
	}

	private long leftovers() {
		return this.jdbc
			.sql("select (select count(*) from information_schema.tables where table_name = 'hero_count')"
					+ " + (select count(*) from pg_trigger where tgname like 'hero_count%')"
					+ " + (select count(*) from pg_proc where proname like 'hero_count%')")
			.query(Long.class)
			.single();
	}

	private long counted() {
		return this.jdbc.sql("select coalesce(sum(heroes), 0) from hero_count").query(Long.class).single();
	}

	private long actual() {
		return this.jdbc.sql("select count(*) from hero").query(Long.class).single();
	}

}
