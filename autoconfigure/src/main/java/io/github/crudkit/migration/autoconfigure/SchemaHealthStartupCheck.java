package io.github.crudkit.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaHealth;
import io.github.crudkit.migration.SchemaProblemsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs a {@link SchemaHealth} check once the application's singletons, and so its
 * Liquibase migrations, are ready: each problem is logged as a warning, or start-up fails
 * with all of them when asked to. Databases other than PostgreSQL are skipped.
 */
final class SchemaHealthStartupCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SchemaHealthStartupCheck.class);

	private final DataSource dataSource;

	private final SchemaHealth health;

	private final boolean failOnProblems;

	/**
	 * Create a start-up check.
	 * @param dataSource the application's data source
	 * @param health the checks to run on it
	 * @param failOnProblems whether problems fail start-up instead of being logged
	 */
	SchemaHealthStartupCheck(DataSource dataSource, SchemaHealth health, boolean failOnProblems) {
		this.dataSource = dataSource;
		this.health = health;
		this.failOnProblems = failOnProblems;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems;
		try {
			if (!isPostgres()) {
				logger.debug("Schema health checks skipped: the database is not PostgreSQL");
				return;
			}
			problems = this.health.problems();
		}
		catch (RuntimeException | SQLException ex) {
			if (this.failOnProblems) {
				throw new SchemaProblemsException(
						List.of("the schema health checks could not run: " + ex.getMessage()));
			}
			logger.warn("Schema health checks could not run: " + ex.getMessage());
			return;
		}
		if (problems.isEmpty()) {
			logger.debug("Schema health: " + this.health.checks().size() + " checks, no problems");
		}
		else if (this.failOnProblems) {
			throw new SchemaProblemsException(problems);
		}
		else {
			problems.forEach((problem) -> logger.warn("Schema health: " + problem));
		}
	}

	private boolean isPostgres() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

}
