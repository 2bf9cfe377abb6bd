package io.github.crudkit.test.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the PostgreSQL server for a test run, once per JVM, and never skips: a server
 * named by {@value #URL_VARIABLE} if set; otherwise a Testcontainers container where a
 * Docker engine runs; otherwise an embedded server. The server stops, and every database
 * the run created is dropped, when the JVM exits.
 *
 * @since 0.1.0
 */
public final class TestPostgres {

	/**
	 * Environment variable (or system property {@code crudkit.test.database.url}) with a
	 * JDBC URL of an existing database on the server to use, for example
	 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}.
	 */
	public static final String URL_VARIABLE = "CRUDKIT_TEST_DATABASE_URL";

	/**
	 * Environment variable (or system property {@code crudkit.test.database.username})
	 * with the user, which must be allowed to create databases; {@code postgres} when
	 * unset.
	 */
	public static final String USERNAME_VARIABLE = "CRUDKIT_TEST_DATABASE_USERNAME";

	/**
	 * Environment variable (or system property {@code crudkit.test.database.password})
	 * with the password; none when unset.
	 */
	public static final String PASSWORD_VARIABLE = "CRUDKIT_TEST_DATABASE_PASSWORD";

	private static @Nullable PostgresServer shared;

	private TestPostgres() {
	}

	/**
	 * Return the server for this JVM, choosing and starting it on first use.
	 * @return the shared server
	 */
	public static synchronized PostgresServer server() {
		PostgresServer server = shared;
		if (server == null) {
			server = select(TestPostgres::setting,
					() -> dockerMayRun() && DockerClientFactory.instance().isDockerAvailable());
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "crudkit-test-postgres-shutdown"));
			System.out.println("crudkit-test: using " + server);
			shared = server;
		}
		return server;
	}

	/**
	 * Choose and start a server.
	 * @param settings looks up a setting by environment variable name
	 * @param docker tells whether a Docker engine runs
	 * @return the server
	 */
	static PostgresServer select(Function<String, @Nullable String> settings, BooleanSupplier docker) {
		String url = settings.apply(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			String username = settings.apply(USERNAME_VARIABLE);
			String password = settings.apply(PASSWORD_VARIABLE);
			return new ExternalPostgresServer(url.strip(), (username != null) ? username : "postgres",
					(password != null) ? password : "");
		}
		if (docker.getAsBoolean()) {
			return ContainerPostgresServer.start();
		}
		return EmbeddedPostgresServer.start();
	}

	/**
	 * Return whether a Docker engine may be reachable, without asking Testcontainers,
	 * whose probe logs an error where none is.
	 * @return whether it is worth asking Testcontainers
	 */
	static boolean dockerMayRun() {
		String home = System.getProperty("user.home");
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(home, ".testcontainers.properties"));
	}

	private static @Nullable String setting(String variable) {
		String property = "crudkit.test.database."
				+ variable.substring("CRUDKIT_TEST_DATABASE_".length()).toLowerCase(java.util.Locale.ROOT);
		String value = System.getProperty(property);
		return (value != null) ? value : System.getenv(variable);
	}

	static Map<String, String> describe(TestDatabase database) {
		return Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username", database.username(),
				"spring.datasource.password", database.password());
	}

}
