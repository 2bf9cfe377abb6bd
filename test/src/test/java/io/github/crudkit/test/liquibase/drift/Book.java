package io.github.crudkit.test.liquibase.drift;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;

/**
 * An entity with a foreign key.
 */
@Entity
@SoftDelete(columnName = "withdrawn")
@Table(name = "book")
public class Book {

	@Id
	Long id;

	String title;

	@ManyToOne
	@JoinColumn(name = "author_id")
	Author author;

}
