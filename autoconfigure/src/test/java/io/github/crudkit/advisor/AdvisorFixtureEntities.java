package io.github.crudkit.advisor;

import java.util.List;

import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/**
 * A second, small fixture of the advisor: one entity with one finding (CK-M001), for the
 * start-up tests.
 */
public final class AdvisorFixtureEntities {

	/**
	 * The entity types.
	 */
	public static final List<Class<?>> TYPES = List.of(Plain.class, Eager.class);

	private AdvisorFixtureEntities() {
	}

	@Entity(name = "Plain")
	static class Plain extends BaseEntity {

	}

	@Entity(name = "Eager")
	static class Eager extends BaseEntity {

		@ManyToOne
		Plain plain;

	}

}
