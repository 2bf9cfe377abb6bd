package io.github.crudkit.sample.team;

import java.time.Instant;
import java.util.Objects;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A team as clients see it.
 *
 * @param id the id
 * @param name the name
 * @param headquarters where the team is based
 * @param heroCount how many heroes belong to the team
 * @param createdAt when the team was created (UTC)
 * @param updatedAt when the team was last changed (UTC)
 */
@Schema(name = "TeamPublic")
public record TeamPublic(long id, String name, @Nullable String headquarters, int heroCount, Instant createdAt,
		Instant updatedAt) implements PublicModel {

	static TeamPublic from(Team team, long heroCount) {
		return new TeamPublic(Objects.requireNonNull(team.getId()), team.getName(), team.getHeadquarters(),
				Math.toIntExact(heroCount), Objects.requireNonNull(team.getCreatedAt()),
				Objects.requireNonNull(team.getUpdatedAt()));
	}

}
