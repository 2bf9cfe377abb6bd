package io.github.crudkit.sample.power;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A power as it appears inside another resource.
 *
 * @param id the id
 * @param name the name
 * @param category the category
 */
@Schema(name = "PowerSummary")
public record PowerSummary(long id, String name, PowerCategory category) implements PublicModel {

}
