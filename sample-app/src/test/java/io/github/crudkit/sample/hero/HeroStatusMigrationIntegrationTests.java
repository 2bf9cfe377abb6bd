package io.github.crudkit.sample.hero;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import io.github.crudkit.test.postgres.PostgresServer;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hero status expand/contract migration on a database that already holds heroes: 0005 adds the column, 0006
 * backfills it, 0007 makes it required; each step rolls back.
 */
class HeroStatusMigrationIntegrationTests {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	private final PostgresServer server = TestPostgres.server();

	private TestDatabase database;

	private Connection connection;

	private Liquibase liquibase;

	private JdbcClient jdbc;

	@BeforeEach
	void migrateToBeforeTheStatus() throws Exception {
		this.database = this.server.createDatabase();
		Properties properties = new Properties();
		properties.setProperty("user", this.database.username());
		if (!this.database.password().isEmpty()) {
			properties.setProperty("password", this.database.password());
		}
		this.connection = DriverManager.getConnection(this.database.jdbcUrl(), properties);
		Database target = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
		this.liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), target);
		// Its own connections, each committing at once: Liquibase rolls back what is pending on its connection.
		this.jdbc = JdbcClient.create(new DriverManagerDataSource(this.database.jdbcUrl(), properties));
		this.liquibase.update(4, "");
		this.jdbc.sql("insert into hero (id, name, secret_name, age) select n, 'Old ' || n, 's', n % 100 "
				+ "from generate_series(1, 25000) n").update();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.liquibase.close();
		this.server.dropDatabase(this.database);
	}

	@Test
	void expandBackfillContractKeepsEveryHeroAndMakesTheStatusRequired() throws Exception {
		this.liquibase.update(1, "");
		assertThat(count("status is null")).isEqualTo(25000);

		this.liquibase.update(1, "");
		assertThat(count("status = 'ACTIVE'")).isEqualTo(25000);

		this.liquibase.update(1, "");
		assertThat(this.jdbc.sql("select is_nullable from information_schema.columns "
				+ "where table_name = 'hero' and column_name = 'status'").query(String.class).single()).isEqualTo("NO");
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
		assertThat(this.jdbc.sql("select count(*) from information_schema.columns "
				+ "where table_name = 'hero' and column_name = 'status'").query(Long.class).single()).isZero();
		assertThat(count("true")).isEqualTo(25001);
	}

	private long count(String condition) {
		return this.jdbc.sql("select count(*) from hero where " + condition).query(Long.class).single();
	}

}
