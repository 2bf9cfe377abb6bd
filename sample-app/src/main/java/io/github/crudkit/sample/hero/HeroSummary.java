package io.github.crudkit.sample.hero;

import java.util.List;

import io.github.crudkit.model.PublicModel;
import io.github.crudkit.query.Projection;
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

	/**
	 * Heroes as summaries, read without loading an entity.
	 */
	public static final Projection<Hero, HeroSummary> PROJECTION = Projection.of(Hero.class, HeroSummary.class,
			(hero, query, builder) -> List.of(hero.get("id"), hero.get("name"), hero.get("age")));

}
