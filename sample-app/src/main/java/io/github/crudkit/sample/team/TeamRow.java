package io.github.crudkit.sample.team;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.query.Projection;
import io.github.crudkit.sample.hero.Hero;
import io.github.crudkit.sample.hero.HeroSummary;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.jspecify.annotations.Nullable;

/**
 * What a read of teams shows, with each team's number of heroes: a projection, so reading
 * it loads no entity and needs no transaction.
 *
 * @param id the id
 * @param name the name
 * @param headquarters where the team is based
 * @param heroCount how many heroes belong to the team
 * @param createdAt when the team was created
 * @param updatedAt when the team was last changed
 * @param version the row version, for the ETag
 */
record TeamRow(long id, String name, @Nullable String headquarters, long heroCount, Instant createdAt,
		Instant updatedAt, long version) {

	/**
	 * Teams, each with its heroes counted by their team column, which PostgreSQL answers
	 * from the team-id index alone; a page counts them for its own rows only.
	 */
	static final Projection<Team, TeamRow> PROJECTION = Projection.of(Team.class, TeamRow.class,
			(team, query, builder) -> {
				Subquery<Long> heroes = query.subquery(Long.class);
				Root<Hero> hero = heroes.from(Hero.class);
				heroes.select(builder.count(hero.get("team"))).where(builder.equal(hero.get("team"), team));
				return List.of(team.get("id"), team.get("name"), team.get("headquarters"), heroes,
						team.get("createdAt"), team.get("updatedAt"), team.get("version"));
			});

	TeamPublic toPublic() {
		return new TeamPublic(this.id, this.name, this.headquarters, Math.toIntExact(this.heroCount), this.createdAt,
				this.updatedAt);
	}

	Versioned<TeamPublicWithHeroes> withHeroes(List<HeroSummary> heroes) {
		return new Versioned<>(new TeamPublicWithHeroes(this.id, this.name, this.headquarters, heroes.size(),
				this.createdAt, this.updatedAt, heroes), this.version);
	}

}
