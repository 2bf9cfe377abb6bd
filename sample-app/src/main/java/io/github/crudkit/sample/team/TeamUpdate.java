package io.github.crudkit.sample.team;

import io.github.crudkit.model.UpdateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Merge patch of a team: every property is optional; an absent one keeps its value,
 * {@code null} clears {@code headquarters} and is refused for {@code name}.
 *
 * @param name the new name
 * @param headquarters the new headquarters, or {@code null} to clear it
 */
@Schema(name = "TeamUpdate",
		description = "JSON Merge Patch (RFC 7396): absent properties are unchanged, null clears a nullable one.")
public record TeamUpdate(@NotBlank @Size(max = 100) String name,
		@Size(max = 200) @Nullable String headquarters) implements UpdateModel {

	static TeamUpdate from(Team team) {
		return new TeamUpdate(team.getName(), team.getHeadquarters());
	}

}
