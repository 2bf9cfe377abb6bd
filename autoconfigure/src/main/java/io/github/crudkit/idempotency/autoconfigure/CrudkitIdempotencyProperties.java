package io.github.crudkit.idempotency.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's {@code Idempotency-Key} support.
 *
 * @param enabled Whether POST and PATCH requests with an Idempotency-Key are answered
 * once. Unset, they are when the table crudkit_idempotency_key exists (the application
 * includes db/changelog/crudkit/idempotency.yaml from its changelog); true makes a
 * missing table a start-up failure; false switches the feature off.
 * @param retention How long the answer to a key is kept, and a retry with the key
 * answered from it; older records are deleted by the cleanup.
 * @param cleanupInterval How often each instance deletes the records older than the
 * retention; zero or negative never (delete them by other means).
 * @param recordedHeaders Response headers recorded with the answer and replayed, besides
 * Content-Type.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.idempotency")
public record CrudkitIdempotencyProperties(@Nullable Boolean enabled, @DefaultValue("24h") Duration retention,
		@DefaultValue("1h") Duration cleanupInterval, @DefaultValue( {
				"Location", "ETag" }) List<String> recordedHeaders){

}
