package io.github.crudkit.query.autoconfigure;

import io.github.crudkit.query.StatementTracker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's statement counting and N+1 detection.
 *
 * @param enabled Whether SQL statements are counted per request and per transaction (the
 * DataSource is wrapped in a StatementCountingDataSource).
 * @param mode What an N+1 does: off (only count), log (a warning per request naming the
 * association and the fix), or fail (throw, so that a test fails).
 * @param threshold How often the same single-row statement must run in one request or
 * transaction to be an N+1.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.n-plus-one")
public record CrudkitNPlusOneProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("log") StatementTracker.Mode mode, @DefaultValue("5") int threshold) {

}
