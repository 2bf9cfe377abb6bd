package io.github.crudkit.sample.hero;

import java.time.Instant;
import java.util.List;

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
 * @param mentorId the mentor's id, or {@code null}
 * @param mentorName the mentor's name, or {@code null}
 * @param mentorAge the mentor's age, or {@code null}
 * @param createdAt when the hero was created
 * @param updatedAt when the hero was last changed
 * @param version the row version, for the ETag
 */
record HeroView(long id, String name, @Nullable Integer age, @Nullable Long teamId, @Nullable String teamName,
		@Nullable Long mentorId, @Nullable String mentorName, @Nullable Integer mentorAge, Instant createdAt,
		Instant updatedAt, long version) {

	/**
	 * Heroes left-joined to their teams and mentors: to-one relations, joined in the
	 * statement that reads the heroes (for a page's rows only, as pages are read
	 * id-first).
	 */
	static final Projection<Hero, HeroView> PROJECTION = Projection.of(Hero.class, HeroView.class,
			(hero, query, builder) -> {
				Join<Hero, Team> team = hero.join("team", JoinType.LEFT);
				Join<Hero, Hero> mentor = hero.join("mentor", JoinType.LEFT);
				return List.of(hero.get("id"), hero.get("name"), hero.get("age"), team.get("id"), team.get("name"),
						mentor.get("id"), mentor.get("name"), mentor.get("age"), hero.get("createdAt"),
						hero.get("updatedAt"), hero.get("version"));
			});

	HeroPublic toPublic(List<HeroPowerSummary> powers) {
		TeamSummary team = (this.teamId != null && this.teamName != null) ? new TeamSummary(this.teamId, this.teamName)
				: null;
		HeroSummary mentor = (this.mentorId != null && this.mentorName != null)
				? new HeroSummary(this.mentorId, this.mentorName, this.mentorAge) : null;
		return new HeroPublic(this.id, this.name, this.age, team, mentor, powers, this.createdAt, this.updatedAt);
	}

}
