package io.github.crudkit.sample.hero;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A hero embedded in another resource.
 *
 * @param id the id
 * @param name the name
 * @param age the age, if known
 */
@Schema(name = "HeroSummary")
public record HeroSummary(long id, String name, @Nullable Integer age) implements PublicModel {

}
