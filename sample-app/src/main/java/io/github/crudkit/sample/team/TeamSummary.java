package io.github.crudkit.sample.team;

import java.util.Objects;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A team embedded in another resource.
 *
 * @param id the id
 * @param name the name
 */
@Schema(name = "TeamSummary")
public record TeamSummary(long id, String name) implements PublicModel {

	/**
	 * Summarise a team.
	 * @param team the team, or {@code null}
	 * @return the summary, or {@code null} for no team
	 */
	public static @Nullable TeamSummary from(@Nullable Team team) {
		return (team != null) ? new TeamSummary(Objects.requireNonNull(team.getId()), team.getName()) : null;
	}

}
