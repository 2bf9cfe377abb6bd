package io.github.crudkit.model.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's multiple-model guards.
 *
 * @param refuseEntitySerialization Whether serialising a JPA entity to JSON fails instead of exposing it.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.model")
public record CrudkitModelProperties(@DefaultValue("true") boolean refuseEntitySerialization) {

}
