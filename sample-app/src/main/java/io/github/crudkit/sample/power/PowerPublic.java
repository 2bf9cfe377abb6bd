package io.github.crudkit.sample.power;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A power as clients see it.
 *
 * @param id the id
 * @param name the name
 * @param category the category
 * @param tags the tags, sorted by their characters' codes
 * @param heroCount how many heroes hold it (for a retired power, the heroes whose links
 * it keeps)
 * @param createdAt when the power was created (UTC)
 * @param updatedAt when the power was last changed (UTC)
 */
@Schema(name = "PowerPublic")
public record PowerPublic(long id, String name, PowerCategory category, List<String> tags, int heroCount,
		Instant createdAt, Instant updatedAt) implements PublicModel {

}
