package io.github.crudkit.sample.team;

import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request to create a team.
 *
 * @param name the name, unique regardless of case
 * @param headquarters where the team is based
 */
@Schema(name = "TeamCreate")
public record TeamCreate(@NotBlank @Size(max = 100) String name,
		@Size(max = 200) @Nullable String headquarters) implements CreateModel {

}
