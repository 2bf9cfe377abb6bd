package io.github.crudkit.model.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's multiple-model guards.
 *
 * @param enabled Whether crudkit's multiple-model guards are on.
 * @param refuseEntitySerialization Whether serialising a JPA entity to JSON fails instead
 * of exposing it, and start-up checks that no controller takes or returns an entity.
 * @param fastValidation Whether Bean Validation asks JPA "is this property loaded?" only
 * for JPA types (entities, embeddables) and not for Create/Update records, whose answer
 * is always yes. Same results, less work.
 * @param truncateTimestamps Whether every date-time attribute of an entity is truncated
 * to the precision the database keeps (microseconds on PostgreSQL) before it is written,
 * so that a write answers with the value every later read answers with.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.model")
public record CrudkitModelProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("true") boolean refuseEntitySerialization, @DefaultValue("true") boolean fastValidation,
		@DefaultValue("true") boolean truncateTimestamps) {

}
