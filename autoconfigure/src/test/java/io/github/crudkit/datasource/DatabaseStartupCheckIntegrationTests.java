package io.github.crudkit.datasource;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Runs against the server named by {@code CRUDKIT_TEST_DATABASE_URL}, or a local one that trusts
 * {@code postgres}.
 */
class DatabaseStartupCheckIntegrationTests {

	private static final String URL = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_URL"),
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USERNAME = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_USERNAME"),
			"postgres");

	private static final String PASSWORD = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_PASSWORD"),
			"");

	@Test
	void passesWhenDatabaseIsReachable() {
		assertThatNoException().isThrownBy(
				() -> DatabaseStartupCheck.check(URL, USERNAME, PASSWORD, new Properties(), Duration.ofSeconds(5)));
	}

}
