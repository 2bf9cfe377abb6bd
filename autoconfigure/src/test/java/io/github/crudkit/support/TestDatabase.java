package io.github.crudkit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.crudkit.datasource.JdbcUrls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The PostgreSQL server of the autoconfigure module's database tests, chosen as
 * crudkit-test's {@code TestPostgres} chooses it (this module cannot use crudkit-test,
 * which depends on it): the server named by {@code CRUDKIT_TEST_DATABASE_URL} (with
 * {@code _USERNAME} and {@code _PASSWORD}), which the CI script sets; otherwise a
 * Testcontainers {@code postgres:17} container where a Docker engine runs; otherwise an
 * embedded PostgreSQL. It is chosen and started when a test first uses this class, once
 * per test JVM, and stopped when the JVM exits. Each test creates and drops what it uses
 * (databases, schemas, temporary tables).
 */
public final class TestDatabase {

	/**
	 * The JDBC URL of the server's maintenance database.
	 */
	public static final String URL;

	/**
	 * The user name; the user may create databases.
	 */
	public static final String USERNAME;

	/**
	 * The password, empty where the server trusts the user.
	 */
	public static final String PASSWORD;

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

	private static final List<String> created = new ArrayList<>();

	static {
		Server server = Server.choose();
		URL = server.url();
		USERNAME = server.username();
		PASSWORD = server.password();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			dropCreatedDatabases();
			server.stop().run();
		}, "crudkit-autoconfigure-test-database-shutdown"));
		System.out.println("crudkit autoconfigure tests: using " + server.description());
	}

	private TestDatabase() {
	}

	/**
	 * Create a new, empty database with a unique name on the server; closing it drops it,
	 * and so does the end of the JVM if a test did not.
	 * @return the new database
	 */
	public static synchronized Database createDatabase() {
		String name = "crudkit_autoconfigure_" + UUID.randomUUID().toString().replace("-", "");
		execute(URL, "create database " + name);
		created.add(name);
		Matcher matcher = JDBC_URL.matcher(URL);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + JdbcUrls.redact(URL));
		}
		String query = (matcher.group(3) != null) ? matcher.group(3) : "";
		return new Database(name, matcher.group(1) + name + query);
	}

	private static synchronized void drop(String name) {
		if (created.remove(name)) {
			execute(URL, "drop database if exists " + name + " with (force)");
		}
	}

	private static synchronized void dropCreatedDatabases() {
		for (String name : List.copyOf(created)) {
			try {
				drop(name);
			}
			catch (IllegalStateException ex) {
				System.err.println("crudkit autoconfigure tests: " + ex.getMessage());
			}
		}
	}

	private static void execute(String url, String... statements) {
		try (Connection connection = DriverManager.getConnection(url, USERNAME, PASSWORD);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not run " + String.join("; ", statements) + " on " + JdbcUrls.redact(url), ex);
		}
	}

	/**
	 * A database made by {@link #createDatabase()} for one test.
	 *
	 * @param name its name
	 * @param url its JDBC URL
	 */
	public record Database(String name, String url) implements AutoCloseable {

		/**
		 * Return a data source that opens a new connection to this database each time.
		 * @return the data source
		 */
		public DataSource dataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), this.url, USERNAME, PASSWORD);
		}

		/**
		 * Run SQL statements on this database, one after the other.
		 * @param statements the statements
		 */
		public void execute(String... statements) {
			TestDatabase.execute(this.url, statements);
		}

		/**
		 * Drop this database, closing any connection still open to it.
		 */
		@Override
		public void close() {
			drop(this.name);
		}

	}

	/**
	 * A running server, how to reach it, and how to stop it if this class started it.
	 */
	private record Server(String description, String url, String username, String password, Runnable stop) {

		private static final String IMAGE = "postgres:17";

		static Server choose() {
			String url = setting("CRUDKIT_TEST_DATABASE_URL");
			if (url != null && !url.isBlank()) {
				String username = setting("CRUDKIT_TEST_DATABASE_USERNAME");
				String password = setting("CRUDKIT_TEST_DATABASE_PASSWORD");
				return new Server("the server at " + JdbcUrls.redact(url.strip()), url.strip(),
						(username != null) ? username : "postgres", (password != null) ? password : "", () -> {
						});
			}
			if (dockerMayRun() && DockerClientFactory.instance().isDockerAvailable()) {
				PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE));
				container.start();
				return new Server("a Testcontainers " + IMAGE + " container", container.getJdbcUrl(),
						container.getUsername(), container.getPassword(), container::stop);
			}
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				return new Server("an embedded PostgreSQL on port " + postgres.getPort(),
						postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", () -> {
							try {
								postgres.close();
							}
							catch (IOException ex) {
								throw new UncheckedIOException("Could not stop the embedded PostgreSQL", ex);
							}
						});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start an embedded PostgreSQL", ex);
			}
		}

		/**
		 * Return whether a Docker engine may be reachable, without asking Testcontainers,
		 * whose probe logs an error where none is.
		 */
		private static boolean dockerMayRun() {
			String home = System.getProperty("user.home");
			return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
					|| Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
					|| Files.exists(Path.of(home, ".testcontainers.properties"));
		}

		/**
		 * Return a setting from its system property ({@code crudkit.test.database.url}
		 * for {@code CRUDKIT_TEST_DATABASE_URL}) or its environment variable.
		 */
		private static @Nullable String setting(String variable) {
			String property = "crudkit.test.database."
					+ variable.substring("CRUDKIT_TEST_DATABASE_".length()).toLowerCase(Locale.ROOT);
			String value = System.getProperty(property);
			return (value != null) ? value : System.getenv(variable);
		}

	}

}
