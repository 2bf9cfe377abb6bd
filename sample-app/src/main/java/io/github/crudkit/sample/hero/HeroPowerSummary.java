package io.github.crudkit.sample.hero;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A power held by a hero, as it appears inside the hero.
 *
 * @param id the power's id
 * @param name the power's name
 * @param level the level at which the hero holds it
 */
@Schema(name = "HeroPowerSummary")
public record HeroPowerSummary(long id, String name, int level) implements PublicModel {

}
