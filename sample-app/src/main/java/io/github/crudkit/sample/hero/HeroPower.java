package io.github.crudkit.sample.hero;

import java.time.LocalDate;

import io.github.crudkit.sample.power.Power;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A power held by a hero, at a level, since a date: a link entity that carries data,
 * keyed by the pair of ids. It belongs to the hero's aggregate: it has no version of its
 * own; every write to it goes through the hero's row lock and increments the hero's
 * version (crudkit's {@code Aggregates.lockForChange}). The association to the power is a
 * read-only view of the key's column, for queries that join the power; the key is what is
 * written.
 */
@Entity
@Table(name = "hero_power")
public class HeroPower {

	@EmbeddedId
	private HeroPowerId id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "hero_id", insertable = false, updatable = false)
	private @Nullable Hero hero;

	// EAGER because Hibernate requires it of a to-one whose target is soft-deleted (it
	// must see whether the target is retired). It costs nothing here: links are read as
	// projections and written by id, never loaded as entities in bulk.
	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "power_id", insertable = false, updatable = false)
	private @Nullable Power power;

	@Column(nullable = false)
	private int level;

	@Column(name = "acquired_on", nullable = false)
	private LocalDate acquiredOn;

	protected HeroPower() {
		this.id = new HeroPowerId(0, 0);
		this.acquiredOn = LocalDate.EPOCH;
	}

	HeroPower(HeroPowerId id, Power power, int level, LocalDate acquiredOn) {
		this.id = id;
		this.power = power;
		this.level = level;
		this.acquiredOn = acquiredOn;
	}

	public HeroPowerId getId() {
		return this.id;
	}

	public int getLevel() {
		return this.level;
	}

	public LocalDate getAcquiredOn() {
		return this.acquiredOn;
	}

}
