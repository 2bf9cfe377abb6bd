package io.github.crudkit.model.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's multiple-model guards.
 *
 * @param refuseEntitySerialization Whether serialising a JPA entity to JSON fails instead
 * of exposing it.
 * @param strictJson Whether JSON input is read strictly: no float for an integer, no
 * number or boolean for a string (and the reverse), no duplicate keys, no NUL character
 * or unpaired surrogate in a string. Applies to the application's JsonMapper.
 * @param fastValidation Whether Bean Validation asks JPA "is this property loaded?" only
 * for JPA types (entities, embeddables) and not for Create/Update records, whose answer
 * is always yes. Same results, less work.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.model")
public record CrudkitModelProperties(@DefaultValue("true") boolean refuseEntitySerialization,
		@DefaultValue("true") boolean strictJson, @DefaultValue("true") boolean fastValidation) {

}
