package io.github.crudkit.sample.power;

import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.query.LikePatterns;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of {@code GET /api/powers}, for live and retired powers alike.
 *
 * @param name a case-insensitive substring of the name
 * @param category the category
 * @param tags tags that every power listed carries (containment, served by the GIN index
 * {@code ix_power_tags})
 */
record PowerFilter(@Nullable String name, @Nullable PowerCategory category, List<String> tags) {

	<T> Specification<T> toSpecification() {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (this.name != null && !this.name.isEmpty()) {
				predicates.add(LikePatterns.containsIgnoringCase(builder, root.get("name"), this.name));
			}
			if (this.category != null) {
				predicates.add(builder.equal(root.get("category"), this.category));
			}
			if (!this.tags.isEmpty()) {
				// tags @> array[...]: PostgreSQL's containment, which the GIN index
				// answers.
				HibernateCriteriaBuilder hibernate = (HibernateCriteriaBuilder) builder;
				predicates.add(hibernate.collectionIncludes(root.<List<String>>get("tags"), this.tags));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

}
