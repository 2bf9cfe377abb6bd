package io.github.crudkit.test.faults;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The proxy between the PostgreSQL JDBC driver and the test run's real server.
 */
class TcpProxyIntegrationTests {

	private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+):(\\d+)/(.*)$");

	private static TestDatabase database;

	private static TcpProxy proxy;

	private static String proxiedUrl;

	@BeforeAll
	static void startProxy() {
		database = TestPostgres.server().createDatabase();
		Matcher matcher = HOST_PORT.matcher(database.jdbcUrl());
		assertThat(matcher.matches()).as(database.jdbcUrl()).isTrue();
		proxy = TcpProxy.start(matcher.group(1), Integer.parseInt(matcher.group(2)));
		proxiedUrl = "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + "/" + matcher.group(3);
	}

	@AfterAll
	static void stopProxy() {
		proxy.close();
		TestPostgres.server().dropDatabase(database);
	}

	@Test
	void driverWorksThroughTheProxyFailsFastWhenCutAndWorksAgainWhenRestored() throws SQLException {
		try (Connection connection = connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);

			proxy.cut();

			long start = System.nanoTime();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> selectOne(connection))
				.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
			assertThatExceptionOfType(SQLException.class).isThrownBy(TcpProxyIntegrationTests::connect)
				.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			proxy.restore();
		}
		try (Connection connection = connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void partitionLeavesTheDriverWaitingUntilItsSocketTimeout() throws SQLException {
		try (Connection connection = connect(Map.of("socketTimeout", "1"))) {
			assertThat(selectOne(connection)).isEqualTo(1);

			proxy.blackhole();

			long start = System.nanoTime();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> selectOne(connection))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("08006"))
				.withCauseInstanceOf(SocketTimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
					Duration.ofSeconds(3));
			start = System.nanoTime();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(Map.of("socketTimeout", "1")))
				.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a new connection is never answered")
				.isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
		}
		finally {
			proxy.restore();
		}
		try (Connection connection = connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void refusedNewConnectionsFailFastWhileOpenSessionsWork() throws SQLException {
		try (Connection connection = connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);

			proxy.refuse();

			long start = System.nanoTime();
			assertThatExceptionOfType(SQLException.class).isThrownBy(TcpProxyIntegrationTests::connect)
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("08001"))
				.withRootCauseInstanceOf(ConnectException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(selectOne(connection)).isEqualTo(1);
		}
		finally {
			proxy.restore();
		}
		try (Connection connection = connect()) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void cutOnCommitBreaksTheCommitAndTheServerRollsBack() throws SQLException {
		execute("CREATE TABLE IF NOT EXISTS commit_cut (n int)");
		long cutsBefore;
		try (Connection connection = connect(Map.of("prepareThreshold", "0"))) {
			connection.setAutoCommit(false);
			for (int i = 0; i < 10; i++) {
				insert(connection, i);
				connection.commit();
			}
			insert(connection, 10);
			cutsBefore = proxy.triggeredCuts();

			proxy.cutOnUpstream("COMMIT");

			assertThatExceptionOfType(SQLException.class).isThrownBy(connection::commit)
				.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
		}
		finally {
			proxy.restore();
		}
		assertThat(proxy.triggeredCuts()).isEqualTo(cutsBefore + 1);
		assertThat(count("SELECT count(*) FROM commit_cut")).isEqualTo(10);
	}

	@Test
	void cutAnswerToCommitCommitsWhileTheClientSeesTheConnectionBreak() throws SQLException {
		execute("CREATE TABLE IF NOT EXISTS commit_unacknowledged (n int)");
		long cutsBefore;
		try (Connection connection = connect(Map.of("prepareThreshold", "0"))) {
			connection.setAutoCommit(false);
			for (int i = 0; i < 10; i++) {
				insert(connection, "commit_unacknowledged", i);
				connection.commit();
			}
			insert(connection, "commit_unacknowledged", 10);
			cutsBefore = proxy.triggeredCuts();

			proxy.cutAnswerTo("COMMIT");

			assertThatExceptionOfType(SQLException.class).isThrownBy(connection::commit)
				.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
		}
		finally {
			proxy.restore();
		}
		assertThat(proxy.triggeredCuts()).isEqualTo(cutsBefore + 1);
		assertThat(count("SELECT count(*) FROM commit_unacknowledged")).isEqualTo(11);
	}

	@Test
	void withServerPreparedStatementsTheTextOfCommitIsSentOnlyOnce() throws SQLException {
		execute("CREATE TABLE IF NOT EXISTS commit_named (n int)");
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			insert(connection, "commit_named", 0);
			connection.commit();
			insert(connection, "commit_named", 1);

			proxy.cutOnUpstream("COMMIT");

			connection.commit();
			assertThat(proxy.isForwarding()).isTrue();
		}
		finally {
			proxy.restore();
		}
	}

	private static Connection connect() throws SQLException {
		return connect(Map.of());
	}

	private static Connection connect(Map<String, String> settings) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		if (!database.password().isEmpty()) {
			properties.setProperty("password", database.password());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		properties.putAll(settings);
		return DriverManager.getConnection(proxiedUrl, properties);
	}

	private static void insert(Connection connection, int n) throws SQLException {
		insert(connection, "commit_cut", n);
	}

	private static void insert(Connection connection, String table, int n) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
			statement.setInt(1, n);
			statement.executeUpdate();
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static int selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			result.next();
			return result.getInt(1);
		}
	}

}
