package io.github.crudkit.sample.hero;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.query.Projection;
import io.github.crudkit.sample.team.Team;
import io.github.crudkit.sample.team.TeamSummary;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import org.jspecify.annotations.Nullable;

/**
 * What a read of heroes shows, with the team's id and name: a projection, so reading it
 * loads no entity and needs no transaction.
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
record HeroView(long id, String name, @Nullable Integer age, @Nullable Long teamId, @Nullable String teamName,
		Instant createdAt, Instant updatedAt, long version) {

	/**
	 * Heroes left-joined to their teams.
	 */
	static final Projection<Hero, HeroView> PROJECTION = Projection.of(Hero.class, HeroView.class,
			(hero, query, builder) -> {
				Join<Hero, Team> team = hero.join("team", JoinType.LEFT);
				return List.of(hero.get("id"), hero.get("name"), hero.get("age"), team.get("id"), team.get("name"),
						hero.get("createdAt"), hero.get("updatedAt"), hero.get("version"));
			});

	HeroPublic toPublic() {
		TeamSummary team = (this.teamId != null && this.teamName != null) ? new TeamSummary(this.teamId, this.teamName)
				: null;
		return new HeroPublic(this.id, this.name, this.age, team, this.createdAt, this.updatedAt);
	}

	Versioned<HeroPublic> toVersioned() {
		return new Versioned<>(toPublic(), this.version);
	}

}
