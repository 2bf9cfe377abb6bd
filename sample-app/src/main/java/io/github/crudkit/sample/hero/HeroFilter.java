package io.github.crudkit.sample.hero;

import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.query.LikePatterns;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of {@code GET /api/heroes}; each one that is set narrows the result.
 *
 * @param name a case-insensitive substring of the name
 * @param minAge the lowest age
 * @param maxAge the highest age
 * @param teamId the team
 */
record HeroFilter(@Nullable String name, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Long teamId) {

	boolean isEmpty() {
		return !filtersByName() && this.minAge == null && this.maxAge == null && this.teamId == null;
	}

	private boolean filtersByName() {
		return this.name != null && !this.name.isEmpty();
	}

	Specification<Hero> toSpecification() {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filtersByName()) {
				predicates.add(cb.like(cb.lower(root.get("name")), LikePatterns.containsIgnoringCase(this.name),
						LikePatterns.ESCAPE));
			}
			if (this.minAge != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("age"), this.minAge));
			}
			if (this.maxAge != null) {
				predicates.add(cb.lessThanOrEqualTo(root.get("age"), this.maxAge));
			}
			if (this.teamId != null) {
				predicates.add(cb.equal(root.get("team").get("id"), this.teamId));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
