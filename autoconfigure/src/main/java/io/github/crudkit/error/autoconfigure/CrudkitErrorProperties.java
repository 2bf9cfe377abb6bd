package io.github.crudkit.error.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's error mapping.
 *
 * @param enabled Whether crudkit maps failures to RFC 9457 problem details.
 * @param typeBaseUri Base URI of problem types; each kind of problem gets the base plus
 * its slug (for example "duplicate"). Unset, every problem has the type "about:blank".
 * @param constraintFields Database constraint names mapped to the request fields they
 * guard, separated by commas for a constraint over several columns ("bookId,tagId"). Only
 * needed where neither PostgreSQL's error nor the naming rule "prefix_table_column" tells
 * the fields.
 * @param retryAfter How long a client is told to wait (Retry-After) when the database
 * cannot be reached.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.errors")
public record CrudkitErrorProperties(@DefaultValue("true") boolean enabled, @Nullable String typeBaseUri,
		@DefaultValue Map<String, String> constraintFields, @DefaultValue("5s") Duration retryAfter) {

}
