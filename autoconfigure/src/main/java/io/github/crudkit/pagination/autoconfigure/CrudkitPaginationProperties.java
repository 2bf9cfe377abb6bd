package io.github.crudkit.pagination.autoconfigure;

import io.github.crudkit.pagination.PaginationPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's paging.
 *
 * @param enabled Whether crudkit resolves Pageable parameters strictly (400 for a bad
 * page, size or sort).
 * @param defaultSize Page size when the request gives none.
 * @param maxSize Largest page size.
 * @param oversize What a requested size above max-size gets: clamp to max-size, or reject
 * with 400.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.pagination")
public record CrudkitPaginationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") int defaultSize,
		@DefaultValue("100") int maxSize, @DefaultValue("clamp") PaginationPolicy.Oversize oversize) {

	PaginationPolicy toPolicy() {
		return new PaginationPolicy(this.defaultSize, this.maxSize, this.oversize);
	}

}
