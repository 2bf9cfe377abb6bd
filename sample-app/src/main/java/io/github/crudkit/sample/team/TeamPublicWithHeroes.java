package io.github.crudkit.sample.team;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.model.PublicModel;
import io.github.crudkit.sample.hero.HeroSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A team with its heroes, ordered by name, then id.
 *
 * @param id the id
 * @param name the name
 * @param headquarters where the team is based
 * @param heroCount how many heroes belong to the team
 * @param createdAt when the team was created (UTC)
 * @param updatedAt when the team was last changed (UTC)
 * @param heroes the team's heroes
 */
@Schema(name = "TeamPublicWithHeroes")
public record TeamPublicWithHeroes(long id, String name, @Nullable String headquarters, int heroCount,
		Instant createdAt, Instant updatedAt, List<HeroSummary> heroes) implements PublicModel {

}
