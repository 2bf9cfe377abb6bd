package io.github.crudkit.test.postgres;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Always starts an embedded server, whatever {@link TestPostgres} would choose, so that
 * the embedded path keeps working on machines that have a server or Docker.
 */
class EmbeddedPostgresServerIntegrationTests {

	@Test
	void createsUsableDatabaseDropsItAndStops() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
		int port = server.port();
		try {
			assertThat(server.kind()).isEqualTo(PostgresServer.Kind.EMBEDDED);
			assertThat(server.dataDirectory()).isNull();
			TestDatabase database = server.createDatabase();
			assertThat(database.name()).startsWith("crudkit_test_");
			assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://")
				.contains(":" + port + "/" + database.name());
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE hero (id bigint PRIMARY KEY, name text NOT NULL)");
				statement.execute("INSERT INTO hero VALUES (1, 'Deadpond')");
				assertThat(queryString(statement, "SELECT name FROM hero WHERE id = 1")).isEqualTo("Deadpond");
				assertThat(queryString(statement, "SELECT current_database()")).isEqualTo(database.name());
				assertThat(queryString(statement, "SELECT version()")).startsWith("PostgreSQL ");
			}
			server.dropDatabase(database);
			try (Connection connection = connect(server.database("postgres"));
					Statement statement = connection.createStatement()) {
				assertThat(queryString(statement,
						"SELECT count(*) FROM pg_database WHERE datname = '" + database.name() + "'"))
					.isEqualTo("0");
			}
		}
		finally {
			server.close();
		}
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 2000);
			}
		});
	}

	@Test
	void keepsDataInGivenDirectoryAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
			assertThat(server.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath().normalize());
			TestDatabase database = server.database("dev");
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE hero (id bigint PRIMARY KEY, name text NOT NULL)");
				statement.execute("INSERT INTO hero VALUES (1, 'Deadpond')");
			}
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
			TestDatabase database = server.database("dev");
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				assertThat(queryString(statement, "SELECT name FROM hero WHERE id = 1")).isEqualTo("Deadpond");
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
