package io.github.crudkit.migration.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.crudkit.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Liquibase migrates at start-up on the application's pool, without the statement and
 * socket timeouts its connections carry for requests, and hands them back with those
 * timeouts in force. The pool has two connections, the migration lock's and Liquibase's,
 * so that the requests below get the very connections the migration used.
 */
class MigrationTimeoutsIntegrationTests {

	private final TestDatabase.Database database = TestDatabase.createDatabase();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void migrationStatementLongerThanTheRequestTimeoutsSucceeds() throws SQLException {
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = run();
				Connection connection = this.database.dataSource().getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, "migrated", null)) {
			assertThat(context.isActive()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2_500));
			assertThat(tables.next()).as("the migration's table").isTrue();
		}
	}

	@Test
	void connectionsGoBackToThePoolWithTheRequestTimeouts() throws SQLException {
		try (ConfigurableApplicationContext context = run()) {
			DataSource dataSource = context.getBean(DataSource.class);
			try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
				for (Connection connection : new Connection[] { first, second }) {
					assertThat(query(connection, "SHOW statement_timeout")).isEqualTo("1s");
					assertThat(connection.getNetworkTimeout()).isEqualTo(2_000);
					long start = System.nanoTime();
					assertThatExceptionOfType(SQLException.class)
						.isThrownBy(() -> query(connection, "SELECT pg_sleep(1.5)::text"))
						.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("57014"));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
				}
			}
		}
	}

	@Test
	void withoutLiftingTheTimeoutsTheRequestTimeoutCutsTheMigrationShort() {
		assertThatException().isThrownBy(() -> run("--crudkit.migration.lift-timeouts=false").close())
			.havingRootCause()
			.withMessageContaining("canceling statement due to statement timeout");
	}

	private ConfigurableApplicationContext run(String... extra) {
		SpringApplication application = new SpringApplication(LiquibaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] arguments = { "--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + TestDatabase.USERNAME,
				"--spring.datasource.password=" + TestDatabase.PASSWORD,
				"--spring.datasource.hikari.maximum-pool-size=2",
				"--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=1000",
				"--spring.datasource.hikari.data-source-properties.socketTimeout=2",
				"--spring.liquibase.change-log=classpath:fixtures/slow-migration/db.changelog-master.yaml",
				"--crudkit.migration.schema-health.enabled=false" };
		String[] all = new String[arguments.length + extra.length];
		System.arraycopy(arguments, 0, all, 0, arguments.length);
		System.arraycopy(extra, 0, all, arguments.length, extra.length);
		return application.run(all);
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * An application as a user's would be: every auto-configuration on the classpath,
	 * Liquibase's among them.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LiquibaseApplication {

	}

}
