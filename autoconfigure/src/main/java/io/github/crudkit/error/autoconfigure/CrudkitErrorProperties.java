package io.github.crudkit.error.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's error mapping.
 *
 * @param enabled Whether crudkit maps failures to RFC 9457 problem details
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.errors")
public record CrudkitErrorProperties(@DefaultValue("true") boolean enabled) {

}
