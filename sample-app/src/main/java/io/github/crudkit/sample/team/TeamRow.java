package io.github.crudkit.sample.team;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.sample.hero.HeroSummary;
import org.jspecify.annotations.Nullable;

/**
 * A team's columns, selected by a JPQL constructor expression: reads that answer with
 * them load no entity, so they need no persistence context and no transaction.
 *
 * @param id the id
 * @param name the name
 * @param headquarters where the team is based
 * @param heroCount how many heroes belong to the team
 * @param createdAt when the team was created
 * @param updatedAt when the team was last changed
 * @param version the row version, for the ETag
 */
public record TeamRow(long id, String name, @Nullable String headquarters, long heroCount, Instant createdAt,
		Instant updatedAt, long version) {

	TeamPublic toPublic() {
		return new TeamPublic(this.id, this.name, this.headquarters, Math.toIntExact(this.heroCount), this.createdAt,
				this.updatedAt);
	}

	Versioned<TeamPublicWithHeroes> withHeroes(List<HeroSummary> heroes) {
		return new Versioned<>(new TeamPublicWithHeroes(this.id, this.name, this.headquarters, heroes.size(),
				this.createdAt, this.updatedAt, heroes), this.version);
	}

}
