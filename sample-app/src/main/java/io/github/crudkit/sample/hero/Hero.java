package io.github.crudkit.sample.hero;

import io.github.crudkit.model.BaseEntity;
import io.github.crudkit.model.WriteOnly;
import io.github.crudkit.sample.team.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A hero, optionally in a team and with a mentor (another hero: a self-reference that
 * never closes a cycle). Its secret name is write-only: it is stored, never sent back.
 * Its powers are links ({@link HeroPower}) that belong to it.
 */
@Entity
@Table(name = "hero")
public class Hero extends BaseEntity {

	@Column(nullable = false, length = 100)
	private String name;

	@WriteOnly
	@Column(name = "secret_name", nullable = false, length = 100)
	private String secretName;

	private @Nullable Integer age;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private HeroStatus status = HeroStatus.ACTIVE;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "team_id")
	private @Nullable Team team;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "mentor_id")
	private @Nullable Hero mentor;

	protected Hero() {
		this.name = "";
		this.secretName = "";
	}

	Hero(String name, String secretName, @Nullable Integer age, @Nullable Team team, @Nullable Hero mentor) {
		this.name = name;
		this.secretName = secretName;
		this.age = age;
		this.team = team;
		this.mentor = mentor;
	}

	public String getName() {
		return this.name;
	}

	String getSecretName() {
		return this.secretName;
	}

	public @Nullable Integer getAge() {
		return this.age;
	}

	public HeroStatus getStatus() {
		return this.status;
	}

	public @Nullable Team getTeam() {
		return this.team;
	}

	public @Nullable Hero getMentor() {
		return this.mentor;
	}

	void update(String name, String secretName, @Nullable Integer age, @Nullable Team team, @Nullable Hero mentor) {
		this.name = name;
		this.secretName = secretName;
		this.age = age;
		this.team = team;
		this.mentor = mentor;
	}

}
