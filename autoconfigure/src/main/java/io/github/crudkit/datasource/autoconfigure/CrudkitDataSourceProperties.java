package io.github.crudkit.datasource.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's database start-up check.
 *
 * @param enabled Whether start-up opens one connection first and fails with one clear
 * message naming the URL when the database cannot be reached.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.datasource")
public record CrudkitDataSourceProperties(@DefaultValue("true") boolean enabled) {

}
