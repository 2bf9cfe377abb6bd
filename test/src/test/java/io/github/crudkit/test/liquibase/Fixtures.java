package io.github.crudkit.test.liquibase;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Test fixtures: classpath roots of their own, and SQL run on fresh databases.
 */
final class Fixtures {

	private Fixtures() {
	}

	static ClassLoader classpathRoot(String fixture) {
		URL root = Fixtures.class.getResource("/fixtures/" + fixture + "/");
		if (root == null) {
			throw new IllegalArgumentException("No fixture " + fixture);
		}
		return new URLClassLoader(new URL[] { root }, Fixtures.class.getClassLoader().getParent());
	}

	static void execute(DataSource dataSource, String... statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
