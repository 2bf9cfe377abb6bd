package io.github.crudkit.sample.hero;

import io.github.crudkit.model.Models;
import io.github.crudkit.model.UpdateModel;
import io.github.crudkit.model.WriteOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Merge patch of a hero: every property is optional; an absent one keeps its value,
 * {@code null} clears {@code age}, {@code teamId} and {@code mentorId} and is refused for
 * {@code name} and {@code secretName}.
 *
 * @param name the new name
 * @param secretName the new secret identity: stored, never returned
 * @param age the new age, or {@code null} to clear it
 * @param teamId the new team, or {@code null} to leave the team
 * @param mentorId the new mentor, or {@code null} for none
 */
@Schema(name = "HeroUpdate",
		description = "JSON Merge Patch (RFC 7396): absent properties are unchanged, null clears a nullable one.")
public record HeroUpdate(@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 100) @WriteOnly String secretName, @Min(0) @Max(10000) @Nullable Integer age,
		@Positive @Nullable Long teamId, @Positive @Nullable Long mentorId) implements UpdateModel {

	static HeroUpdate from(Hero hero) {
		return new HeroUpdate(hero.getName(), hero.getSecretName(), hero.getAge(),
				(hero.getTeam() != null) ? hero.getTeam().getId() : null,
				(hero.getMentor() != null) ? hero.getMentor().getId() : null);
	}

	@Override
	public String toString() {
		return Models.toString(this);
	}

}
