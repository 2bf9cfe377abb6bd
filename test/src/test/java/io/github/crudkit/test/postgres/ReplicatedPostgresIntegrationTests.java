package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The primary and replica pair replicates, refuses writes on the replica, stops and
 * starts the replica, delays it, and leaves nothing running.
 */
class ReplicatedPostgresIntegrationTests {

	@Test
	void replicatesStopsStartsDelaysAndCleansUp() throws Exception {
		ReplicatedPostgres servers = ReplicatedPostgres.start();
		int replicaPort = servers.replicaPort();
		try {
			assertThat(servers.kind()).isIn(PostgresServer.Kind.BINARIES, PostgresServer.Kind.CONTAINER);
			TestDatabase database = servers.createDatabase();
			String replicaUrl = servers.replicaUrl(database);
			try (Connection primary = database.connect(); Statement statement = primary.createStatement()) {
				statement.execute("CREATE TABLE hero (id bigint PRIMARY KEY, name text NOT NULL)");
				statement.execute("INSERT INTO hero VALUES (1, 'Deadpond')");
			}
			servers.awaitReplay(Duration.ofSeconds(10));
			try (Connection replica = TestDatabase.connect(replicaUrl, "postgres", "");
					Statement statement = replica.createStatement()) {
				assertThat(query(statement, "SELECT name FROM hero WHERE id = 1")).isEqualTo("Deadpond");
				assertThat(query(statement, "SELECT pg_is_in_recovery()")).isEqualTo("t");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("INSERT INTO hero VALUES (2, 'Rusty-Man')"))
					.withMessageContaining("read-only");
			}

			servers.stopReplica();
			assertThat(servers.replicaRunning()).isFalse();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> TestDatabase.connect(replicaUrl, "postgres", "").close());
			servers.startReplica();

			servers.restartReplica(Duration.ofMillis(1500));
			try (Connection primary = database.connect(); Statement statement = primary.createStatement()) {
				statement.execute("INSERT INTO hero VALUES (2, 'Rusty-Man')");
			}
			try (Connection replica = TestDatabase.connect(replicaUrl, "postgres", "");
					Statement statement = replica.createStatement()) {
				assertThat(query(statement, "SELECT count(*) FROM hero")).as("before the apply delay").isEqualTo("1");
				servers.awaitReplay(Duration.ofSeconds(10));
				assertThat(query(statement, "SELECT count(*) FROM hero")).as("after it").isEqualTo("2");
			}
			assertThat(servers.applyDelay()).isEqualTo(Duration.ofMillis(1500));
		}
		finally {
			servers.close();
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(
				() -> TestDatabase.connect("jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres", "postgres", "")
					.close());
	}

	private static String query(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
