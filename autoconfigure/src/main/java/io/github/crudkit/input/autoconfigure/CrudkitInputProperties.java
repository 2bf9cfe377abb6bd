package io.github.crudkit.input.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of crudkit's request reading.
 *
 * @param enabled Whether crudkit checks requests before they reach a controller
 * (request-body limit, query parameters PostgreSQL cannot compare, wildcard Content-Type)
 * and names the field at fault when a JSON body cannot be read.
 * @param strict Whether input is read strictly: no float for an integer, no number or
 * boolean for a string (and the reverse), no duplicate keys, no NUL character or unpaired
 * surrogate in a string, only decimal digits in integer path variables and query
 * parameters. Applies to the application's JsonMapper.
 * @param maxRequestBody Largest request body accepted; a larger one gets 413.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.input")
public record CrudkitInputProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean strict,
		@DefaultValue("1MB") DataSize maxRequestBody) {

}
