package io.github.crudkit.test.liquibase.lint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * The entity that the lint fixtures' changelogs migrate for: {@code gadget} with a
 * generated id and three text columns of given lengths.
 */
@Entity
class Gadget {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gadget_seq")
	@SequenceGenerator(name = "gadget_seq", sequenceName = "gadget_seq", allocationSize = 50)
	Long id;

	@Column(nullable = false, length = 100)
	String name;

	@Column(length = 30)
	String color;

	@Column(length = 60)
	String label;

	@Column(name = "created_at")
	Instant createdAt;

}
