package io.github.crudkit.sample.power;

import java.util.List;
import java.util.Objects;

import io.github.crudkit.input.NullRefused;
import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request to create a power.
 *
 * @param name the name, unique regardless of case among powers that are not retired
 * @param category the category
 * @param tags at most 10 distinct tags; absent means none, {@code null} is refused
 */
@Schema(name = "PowerCreate")
public record PowerCreate(@NotBlank @Size(max = 100) String name, @NotNull PowerCategory category,
		@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
				description = "Absent means none; null is refused.") @NullRefused @Size(
						max = Tags.MAX) List<@PowerTag String> tags)
		implements
			CreateModel {

	/**
	 * Read an absent {@code tags} as none: Jackson passes {@code null} for an absent
	 * property ({@code @NullRefused} has already refused an explicit one).
	 * @param name the name
	 * @param category the category
	 * @param tags the tags, {@code null} when absent
	 */
	public PowerCreate {
		tags = Objects.requireNonNullElse(tags, List.of());
	}

}
