package io.github.crudkit.sample.hero;

import java.time.LocalDate;

import io.github.crudkit.input.NullRefused;
import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Request to give a hero a power, or to replace the level and date of one it holds.
 *
 * @param level the level, 1 to 10
 * @param acquiredOn since when; absent means today (UTC), never after today, {@code null}
 * is refused
 */
@Schema(name = "HeroPowerAssign")
public record HeroPowerAssign(@NotNull @Min(1) @Max(10) Integer level,
		@NullRefused @Nullable LocalDate acquiredOn) implements CreateModel {

}
