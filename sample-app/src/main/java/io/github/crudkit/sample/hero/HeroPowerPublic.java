package io.github.crudkit.sample.hero;

import java.time.LocalDate;

import io.github.crudkit.model.PublicModel;
import io.github.crudkit.sample.power.PowerSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A power held by a hero, as {@code /api/heroes/{id}/powers} answers it.
 *
 * @param power the power
 * @param level the level at which the hero holds it
 * @param acquiredOn since when (a date, UTC)
 */
@Schema(name = "HeroPower")
public record HeroPowerPublic(PowerSummary power, int level, LocalDate acquiredOn) implements PublicModel {

}
