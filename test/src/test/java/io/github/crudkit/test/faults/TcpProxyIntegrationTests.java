package io.github.crudkit.test.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

	private static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		if (!database.password().isEmpty()) {
			properties.setProperty("password", database.password());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		return DriverManager.getConnection(proxiedUrl, properties);
	}

	private static int selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			result.next();
			return result.getInt(1);
		}
	}

}
