package io.github.crudkit.support;

import java.util.Objects;

/**
 * The PostgreSQL server of the autoconfigure module's database tests: the one named by
 * {@code CRUDKIT_TEST_DATABASE_URL} (with {@code _USERNAME} and {@code _PASSWORD}), which
 * the CI script and the build set, or a local one that trusts {@code postgres}. Each test
 * creates and drops what it uses (schemas, temporary tables).
 */
public final class TestDatabase {

	/**
	 * The JDBC URL.
	 */
	public static final String URL = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_URL"),
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	/**
	 * The user name.
	 */
	public static final String USERNAME = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_USERNAME"),
			"postgres");

	/**
	 * The password.
	 */
	public static final String PASSWORD = Objects.requireNonNullElse(System.getenv("CRUDKIT_TEST_DATABASE_PASSWORD"),
			"");

	private TestDatabase() {
	}

}
