package io.github.crudkit.sample.hero;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One of the 16 slots of the hero count, which triggers keep (changeset
 * {@code 0009-create-hero-count}); their sum is the number of heroes. Read-only: only the
 * triggers write it.
 */
@Entity
@Immutable
@Table(name = "hero_count")
class HeroCountSlot {

	@Id
	private short slot;

	@Column(nullable = false)
	private long heroes;

	protected HeroCountSlot() {
	}

}
