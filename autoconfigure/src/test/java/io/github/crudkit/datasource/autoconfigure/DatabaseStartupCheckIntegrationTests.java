package io.github.crudkit.datasource.autoconfigure;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static io.github.crudkit.support.TestDatabase.PASSWORD;
import static io.github.crudkit.support.TestDatabase.URL;
import static io.github.crudkit.support.TestDatabase.USERNAME;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Runs against the {@linkplain io.github.crudkit.support.TestDatabase test database}.
 */
class DatabaseStartupCheckIntegrationTests {

	@Test
	void passesWhenDatabaseIsReachable() {
		assertThatNoException().isThrownBy(
				() -> DatabaseStartupCheck.check(URL, USERNAME, PASSWORD, new Properties(), Duration.ofSeconds(5)));
	}

}
