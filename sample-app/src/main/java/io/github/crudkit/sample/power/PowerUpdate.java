package io.github.crudkit.sample.power;

import java.util.List;

import io.github.crudkit.model.UpdateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Merge patch of a power: every property is optional; none of them may be {@code null}
 * ({@code []} clears the tags).
 *
 * @param name the new name
 * @param category the new category
 * @param tags the new tags
 */
@Schema(name = "PowerUpdate",
		description = "JSON Merge Patch (RFC 7396): absent properties are unchanged; none may be null.")
public record PowerUpdate(@NotBlank @Size(max = 100) String name, @NotNull PowerCategory category,
		@NotNull @Size(max = Tags.MAX) List<@PowerTag String> tags) implements UpdateModel {

	static PowerUpdate from(Power power) {
		return new PowerUpdate(power.getName(), power.getCategory(), power.getTags());
	}

}
