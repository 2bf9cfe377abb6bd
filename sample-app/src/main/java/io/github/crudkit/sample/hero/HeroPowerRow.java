package io.github.crudkit.sample.hero;

import java.time.LocalDate;
import java.util.List;

import io.github.crudkit.query.Projection;
import io.github.crudkit.sample.power.Power;
import io.github.crudkit.sample.power.PowerCategory;
import io.github.crudkit.sample.power.PowerSummary;
import jakarta.persistence.criteria.Join;

import org.springframework.data.domain.Sort;

/**
 * What a read of a hero's links shows: the link with its power's columns. The join to
 * {@link Power} is an inner join that Hibernate restricts to live powers ({@code Power}
 * is soft-deleted), so a retired power's links drop out of every read while they stay in
 * the table.
 *
 * @param heroId the hero's id
 * @param powerId the power's id
 * @param name the power's name
 * @param category the power's category
 * @param level the level
 * @param acquiredOn since when
 */
record HeroPowerRow(long heroId, long powerId, String name, PowerCategory category, int level, LocalDate acquiredOn) {

	static final Projection<HeroPower, HeroPowerRow> PROJECTION = Projection.of(HeroPower.class, HeroPowerRow.class,
			(link, query, builder) -> {
				Join<HeroPower, Power> power = link.join("power");
				return List.of(link.get("hero").get("id"), power.get("id"), power.get("name"), power.get("category"),
						link.get("level"), link.get("acquiredOn"));
			});

	/**
	 * The order of a hero's powers: level descending, then name regardless of case, then
	 * id.
	 */
	static final Sort ORDER = Sort.by(Sort.Order.desc("level"), Sort.Order.asc("power.name").ignoreCase(),
			Sort.Order.asc("power.id"));

	HeroPowerSummary toSummary() {
		return new HeroPowerSummary(this.powerId, this.name, this.level);
	}

	HeroPowerPublic toPublic() {
		return new HeroPowerPublic(new PowerSummary(this.powerId, this.name, this.category), this.level,
				this.acquiredOn);
	}

}
