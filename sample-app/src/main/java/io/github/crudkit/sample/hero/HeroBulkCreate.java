package io.github.crudkit.sample.hero;

import java.util.List;

import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Request to create up to {@value #MAX_ITEMS} heroes in one transaction: all or nothing.
 *
 * @param items the heroes, in the order their ids are returned
 */
@Schema(name = "HeroBulkCreate")
public record HeroBulkCreate(@NotEmpty @ArraySchema(minItems = 1,
		maxItems = HeroBulkCreate.MAX_ITEMS) List<@NotNull @Valid HeroCreate> items) implements CreateModel {

	/**
	 * The most heroes one request may create; more is a 413.
	 */
	public static final int MAX_ITEMS = 1000;

}
