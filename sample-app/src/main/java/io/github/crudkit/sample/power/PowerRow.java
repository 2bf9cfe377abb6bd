package io.github.crudkit.sample.power;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.query.Projection;
import io.github.crudkit.sample.hero.HeroPower;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;

/**
 * What a read of powers shows, with each power's number of holders: a projection, so
 * reading it loads no entity and needs no transaction. Live powers are read through
 * {@link Power}, retired ones through {@link RetiredPower}; a page counts holders for its
 * own rows only (through {@code ix_hero_power_power_id}).
 *
 * @param id the id
 * @param name the name
 * @param category the category
 * @param tags the tags, stored sorted
 * @param heroCount how many heroes hold it
 * @param createdAt when the power was created
 * @param updatedAt when the power was last changed
 * @param version the row version, for the ETag
 */
record PowerRow(long id, String name, PowerCategory category, List<String> tags, long heroCount, Instant createdAt,
		Instant updatedAt, long version) {

	static final Projection<Power, PowerRow> LIVE = Projection.of(Power.class, PowerRow.class, PowerRow::select);

	static final Projection<RetiredPower, PowerRow> RETIRED = Projection.of(RetiredPower.class, PowerRow.class,
			PowerRow::select);

	private static List<Selection<?>> select(Root<?> power, CriteriaQuery<?> query, CriteriaBuilder builder) {
		Subquery<Long> holders = query.subquery(Long.class);
		Root<HeroPower> link = holders.from(HeroPower.class);
		holders.select(builder.count(link)).where(builder.equal(link.get("id").get("powerId"), power.get("id")));
		return List.of(power.get("id"), power.get("name"), power.get("category"), power.get("tags"), holders,
				power.get("createdAt"), power.get("updatedAt"), power.get("version"));
	}

	PowerPublic toPublic() {
		return new PowerPublic(this.id, this.name, this.category, this.tags, Math.toIntExact(this.heroCount),
				this.createdAt, this.updatedAt);
	}

	Versioned<PowerPublic> toVersioned() {
		return new Versioned<>(toPublic(), this.version);
	}

}
