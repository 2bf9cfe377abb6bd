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
 * @param mentorId the mentor
 */
record HeroFilter(@Nullable String name, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Long teamId,
		@Nullable Long mentorId) {

	/**
	 * The filters of {@code GET /api/heroes}.
	 * @param name a case-insensitive substring of the name
	 * @param minAge the lowest age
	 * @param maxAge the highest age
	 * @param teamId the team
	 */
	HeroFilter(@Nullable String name, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Long teamId) {
		this(name, minAge, maxAge, teamId, null);
	}

	/**
	 * The heroes whose mentor a hero is.
	 * @param mentorId the mentor
	 * @return the filter
	 */
	static HeroFilter menteesOf(long mentorId) {
		return new HeroFilter(null, null, null, null, mentorId);
	}

	/**
	 * The heroes of one team.
	 * @param teamId the team
	 * @return the filter
	 */
	static HeroFilter inTeam(long teamId) {
		return new HeroFilter(null, null, null, teamId);
	}

	Specification<Hero> toSpecification() {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (this.name != null && !this.name.isEmpty()) {
				predicates.add(LikePatterns.containsIgnoringCase(builder, root.get("name"), this.name));
			}
			if (this.minAge != null) {
				predicates.add(builder.greaterThanOrEqualTo(root.get("age"), this.minAge));
			}
			if (this.maxAge != null) {
				predicates.add(builder.lessThanOrEqualTo(root.get("age"), this.maxAge));
			}
			if (this.teamId != null) {
				predicates.add(builder.equal(root.get("team").get("id"), this.teamId));
			}
			if (this.mentorId != null) {
				predicates.add(builder.equal(root.get("mentor").get("id"), this.mentorId));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

}
