package io.github.crudkit.sample.hero;

import java.util.List;

import io.github.crudkit.model.PublicModel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The ids of heroes created in bulk, in the order of the request's items.
 *
 * @param ids the new ids
 */
@Schema(name = "HeroBulkCreated")
public record HeroBulkCreated(List<Long> ids) implements PublicModel {

}
