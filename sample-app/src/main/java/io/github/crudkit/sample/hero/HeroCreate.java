package io.github.crudkit.sample.hero;

import io.github.crudkit.model.CreateModel;
import io.github.crudkit.model.Models;
import io.github.crudkit.model.WriteOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request to create a hero.
 *
 * @param name the name
 * @param secretName the secret identity: stored, never returned
 * @param age the age, if known
 * @param teamId the team to join, if any
 * @param mentorId the hero's mentor, if any
 */
@Schema(name = "HeroCreate")
public record HeroCreate(@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 100) @WriteOnly String secretName, @Min(0) @Max(10000) @Nullable Integer age,
		@Positive @Nullable Long teamId, @Positive @Nullable Long mentorId) implements CreateModel {

	@Override
	public String toString() {
		return Models.toString(this);
	}

}
