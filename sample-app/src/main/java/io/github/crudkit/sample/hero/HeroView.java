package io.github.crudkit.sample.hero;

import java.time.Instant;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.sample.team.TeamSummary;
import org.jspecify.annotations.Nullable;

/**
 * The columns that a read of heroes needs, selected by a JPQL constructor expression: no
 * entity is loaded, so the read needs no persistence context and no transaction.
 *
 * @param id the id
 * @param name the name
 * @param age the age, if known
 * @param teamId the team's id, or {@code null}
 * @param teamName the team's name, or {@code null}
 * @param createdAt when the hero was created
 * @param updatedAt when the hero was last changed
 * @param version the row version, for the ETag
 */
public record HeroView(long id, String name, @Nullable Integer age, @Nullable Long teamId, @Nullable String teamName,
		Instant createdAt, Instant updatedAt, long version) {

	HeroPublic toPublic() {
		TeamSummary team = (this.teamId != null && this.teamName != null) ? new TeamSummary(this.teamId, this.teamName)
				: null;
		return new HeroPublic(this.id, this.name, this.age, team, this.createdAt, this.updatedAt);
	}

	Versioned<HeroPublic> toVersioned() {
		return new Versioned<>(toPublic(), this.version);
	}

}
