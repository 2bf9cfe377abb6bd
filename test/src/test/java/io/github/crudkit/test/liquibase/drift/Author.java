package io.github.crudkit.test.liquibase.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An entity with a unique constraint and an index declared on its table, and a unique
 * column.
 */
@Entity
@Table(name = "author",
		uniqueConstraints = @UniqueConstraint(name = "uk_author_name_country", columnNames = { "name", "country" }),
		indexes = @Index(name = "ix_author_country", columnList = "country"))
public class Author {

	@Id
	Long id;

	String name;

	String country;

	@Column(unique = true)
	String email;

}
