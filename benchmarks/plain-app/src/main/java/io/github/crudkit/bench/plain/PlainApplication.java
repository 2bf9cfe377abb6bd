package io.github.crudkit.bench.plain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts the plain app: two entities, two repositories, one endpoint.
 */
@SpringBootApplication
@EnableJpaRepositories(considerNestedRepositories = true)
public class PlainApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args);
	}

	@Entity
	@Table(name = "team")
	static class Team {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		@Nullable Long id;

		@Version
		long version;

		@Column(nullable = false)
		String name = "";

		@Nullable String headquarters;

		@Column(name = "created_at", nullable = false)
		@Nullable Instant createdAt;

		@Column(name = "updated_at", nullable = false)
		@Nullable Instant updatedAt;

	}

	@Entity
	@Table(name = "hero")
	@SequenceGenerator(sequenceName = "hero_seq", allocationSize = 50)
	static class Hero {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		@Nullable Long id;

		@Version
		long version;

		@Column(nullable = false)
		String name = "";

		@Column(name = "secret_name", nullable = false)
		String secretName = "";

		@Nullable Integer age;

		@Column(nullable = false)
		String status = "ACTIVE";

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "team_id")
		@Nullable Team team;

		@Column(name = "created_at", nullable = false)
		@Nullable Instant createdAt;

		@Column(name = "updated_at", nullable = false)
		@Nullable Instant updatedAt;

	}

	interface HeroRepository extends JpaRepository<Hero, Long> {

	}

	interface TeamRepository extends JpaRepository<Team, Long> {

	}

	@RestController
	static class NameController {

		private final HeroRepository heroes;

		NameController(HeroRepository heroes) {
			this.heroes = heroes;
		}

		@GetMapping("/api/heroes/{id}/name")
		String name(@PathVariable long id) {
			return this.heroes.findById(id).map((hero) -> hero.name).orElse("");
		}

	}

}
