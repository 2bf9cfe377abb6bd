package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against the server named by {@value TestPostgres#URL_VARIABLE}, or a local one
 * that trusts {@code postgres}.
 */
class ExternalPostgresServerIntegrationTests {

	private static final String URL = Objects.requireNonNullElse(System.getenv(TestPostgres.URL_VARIABLE),
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USERNAME = Objects.requireNonNullElse(System.getenv(TestPostgres.USERNAME_VARIABLE),
			"postgres");

	private static final String PASSWORD = Objects.requireNonNullElse(System.getenv(TestPostgres.PASSWORD_VARIABLE),
			"");

	@Test
	void createsEmptyDatabaseThatAcceptsConnections() throws Exception {
		try (ExternalPostgresServer server = newServer()) {
			TestDatabase database = server.createDatabase();
			assertThat(database.name()).matches("crudkit_test_\\d{8}_\\d{6}_[0-9a-z]+");
			assertThat(database.username()).isEqualTo(USERNAME);
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				assertThat(queryString(statement, "SELECT current_database()")).isEqualTo(database.name());
				assertThat(queryString(statement,
						"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
					.isEqualTo("0");
			}
			assertThat(existingDatabases(List.of(database.name()))).containsExactly(database.name());
		}
	}

	@Test
	void createsDistinctDatabases() {
		try (ExternalPostgresServer server = newServer()) {
			assertThat(server.createDatabase().name()).isNotEqualTo(server.createDatabase().name());
		}
	}

	@Test
	void closeDropsEveryCreatedDatabaseEvenWithOpenConnection() throws Exception {
		ExternalPostgresServer server = newServer();
		TestDatabase first = server.createDatabase();
		TestDatabase second = server.createDatabase();
		try (Connection open = connect(first)) {
			try (Statement statement = open.createStatement()) {
				statement.execute("CREATE TABLE hero (id bigint PRIMARY KEY)");
			}
			server.close();
			assertThat(existingDatabases(List.of(first.name(), second.name()))).isEmpty();
			assertThat(open.isValid(2)).isFalse();
		}
	}

	@Test
	void dropDatabaseDropsOnlyThatDatabase() throws Exception {
		try (ExternalPostgresServer server = newServer()) {
			TestDatabase dropped = server.createDatabase();
			TestDatabase kept = server.createDatabase();
			try (Connection open = connect(dropped)) {
				server.dropDatabase(dropped);
				assertThat(existingDatabases(List.of(dropped.name(), kept.name()))).containsExactly(kept.name());
				assertThat(open.isValid(2)).isFalse();
			}
		}
	}

	@Test
	void keepsNamedDatabaseWhenClosed() throws Exception {
		String name = "crudkit_kept_" + Long.toString(System.nanoTime(), 36);
		try {
			try (ExternalPostgresServer server = newServer()) {
				assertThat(server.database(name).jdbcUrl()).isEqualTo(server.jdbcUrl(name));
				assertThat(server.database(name).name()).isEqualTo(name);
			}
			assertThat(existingDatabases(List.of(name))).containsExactly(name);
		}
		finally {
			try (Connection connection = DriverManager.getConnection(URL, USERNAME, PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
	}

	private static ExternalPostgresServer newServer() {
		return new ExternalPostgresServer(URL, USERNAME, PASSWORD);
	}

	private static List<String> existingDatabases(List<String> names) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USERNAME, PASSWORD);
				PreparedStatement statement = connection
					.prepareStatement("SELECT datname FROM pg_database WHERE datname = ANY (?) ORDER BY datname")) {
			statement.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				List<String> existing = new ArrayList<>();
				while (result.next()) {
					existing.add(result.getString(1));
				}
				return existing;
			}
		}
	}

	private static Connection connect(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static String queryString(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
