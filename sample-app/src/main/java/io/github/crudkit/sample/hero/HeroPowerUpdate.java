package io.github.crudkit.sample.hero;

import java.time.LocalDate;

import io.github.crudkit.model.UpdateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Merge patch of a hero's power: every property is optional; neither may be {@code null}.
 *
 * @param level the new level, 1 to 10
 * @param acquiredOn the new date, never after today (UTC)
 */
@Schema(name = "HeroPowerUpdate",
		description = "JSON Merge Patch (RFC 7396): absent properties are unchanged; neither may be null.")
public record HeroPowerUpdate(@NotNull @Min(1) @Max(10) Integer level,
		@NotNull LocalDate acquiredOn) implements UpdateModel {

}
