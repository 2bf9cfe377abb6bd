package io.github.crudkit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.crudkit.datasource.JdbcUrls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL server of the autoconfigure module's database tests, chosen as
 * crudkit-test's {@code TestPostgres} chooses it (this module cannot use crudkit-test,
 * which depends on it): the server named by {@code CRUDKIT_TEST_DATABASE_URL} (with
 * {@code _USERNAME} and {@code _PASSWORD}), which the CI script sets; otherwise a
 * Testcontainers {@code postgres:17} container where a Docker engine runs; otherwise an
 * embedded PostgreSQL. It is chosen and started when a test first uses this class, once
 * per test JVM, and stopped when the JVM exits. Each test creates and drops what it uses
 * (schemas, temporary tables).
 */
public final class TestDatabase {

	/**
	 * The JDBC URL of the server's maintenance database.
	 */
	public static final String URL;

	/**
	 * The user name.
	 */
	public static final String USERNAME;

	/**
	 * The password, empty where the server trusts the user.
	 */
	public static final String PASSWORD;

	static {
		Server server = Server.choose();
		URL = server.url();
		USERNAME = server.username();
		PASSWORD = server.password();
		Runtime.getRuntime().addShutdownHook(new Thread(server.stop(), "crudkit-autoconfigure-test-database-shutdown"));
		System.out.println("crudkit autoconfigure tests: using " + server.description());
	}

	private TestDatabase() {
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
