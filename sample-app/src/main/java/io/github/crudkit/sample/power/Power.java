package io.github.crudkit.sample.power;

import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.type.SqlTypes;

/**
 * A power heroes can hold. Soft-deleted: {@code repository.delete(power)} sets
 * {@code retired}, and every read through this entity (by id, by query, through a join
 * from a hero's links) sees live powers only. Retired powers are read through
 * {@link RetiredPower} and brought back by {@link PowerRepository#restore}.
 */
@Entity
@Table(name = "power")
@SoftDelete(columnName = "retired")
public class Power extends BaseEntity {

	@Column(nullable = false, length = 100)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private PowerCategory category;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "varchar[]")
	private List<String> tags = new ArrayList<>();

	protected Power() {
		this.name = "";
		this.category = PowerCategory.PHYSICAL;
	}

	Power(String name, PowerCategory category, List<String> tags) {
		this.name = name;
		this.category = category;
		this.tags = new ArrayList<>(tags);
	}

	public String getName() {
		return this.name;
	}

	public PowerCategory getCategory() {
		return this.category;
	}

	public List<String> getTags() {
		return List.copyOf(this.tags);
	}

	void update(String name, PowerCategory category, List<String> tags) {
		this.name = name;
		this.category = category;
		if (!this.tags.equals(tags)) {
			this.tags = new ArrayList<>(tags);
		}
	}

}
