package io.github.crudkit.sample.team;

import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A team of heroes; its name is unique regardless of case.
 */
@Entity
@Table(name = "team")
public class Team extends BaseEntity {

	@Column(nullable = false, length = 100)
	private String name;

	@Column(length = 200)
	private @Nullable String headquarters;

	protected Team() {
		this.name = "";
	}

	Team(String name, @Nullable String headquarters) {
		this.name = name;
		this.headquarters = headquarters;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getHeadquarters() {
		return this.headquarters;
	}

	void update(String name, @Nullable String headquarters) {
		this.name = name;
		this.headquarters = headquarters;
	}

}
