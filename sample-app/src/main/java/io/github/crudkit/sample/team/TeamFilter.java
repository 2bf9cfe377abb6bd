package io.github.crudkit.sample.team;

import io.github.crudkit.query.LikePatterns;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filter of {@code GET /api/teams}.
 *
 * @param name a case-insensitive substring of the name
 */
record TeamFilter(@Nullable String name) {

	Specification<Team> toSpecification() {
		return (root, query, builder) -> (this.name != null && !this.name.isEmpty())
				? LikePatterns.containsIgnoringCase(builder, root.get("name"), this.name) : null;
	}

}
