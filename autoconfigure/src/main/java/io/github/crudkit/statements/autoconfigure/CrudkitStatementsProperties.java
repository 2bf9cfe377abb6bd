package io.github.crudkit.statements.autoconfigure;

import io.github.crudkit.statements.StatementTracker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's statement counting and N+1 guard.
 *
 * @param enabled Whether SQL statements are counted per request and per transaction (the
 * DataSource is wrapped in a StatementCountingDataSource), which the N+1 guard needs.
 * @param nPlusOne The N+1 guard.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.statements")
public record CrudkitStatementsProperties(@DefaultValue("true") boolean enabled, @DefaultValue NPlusOne nPlusOne) {

	/**
	 * Configuration of the N+1 guard.
	 *
	 * @param mode What an N+1 does: off (only count), log (a warning per request naming
	 * the association and the fix), or fail (throw, so that a test fails).
	 * @param threshold How often the same single-row statement must run in one request or
	 * transaction to be an N+1.
	 */
	public record NPlusOne(@DefaultValue("log") StatementTracker.Mode mode, @DefaultValue("5") int threshold) {

	}

}
