package io.github.crudkit.sample.hero;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.model.PublicModel;
import io.github.crudkit.sample.team.TeamSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A hero as clients see it; the secret name is never part of it.
 *
 * @param id the id
 * @param name the name
 * @param age the age, if known
 * @param team the hero's team, or {@code null}
 * @param mentor the hero's mentor, or {@code null}
 * @param powers the powers it holds (retired ones left out), level descending, then name
 * regardless of case, then id
 * @param createdAt when the hero was created (UTC)
 * @param updatedAt when the hero was last changed (UTC)
 */
@Schema(name = "HeroPublic")
public record HeroPublic(long id, String name, @Nullable Integer age, @Nullable TeamSummary team,
		@Nullable HeroSummary mentor, List<HeroPowerSummary> powers, Instant createdAt,
		Instant updatedAt) implements PublicModel {

}
