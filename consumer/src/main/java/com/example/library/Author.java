package com.example.library;

import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An author of books.
 */
@Entity
@Table(name = "author")
public class Author extends BaseEntity {

	@Column(nullable = false, length = 100)
	private String name;

	protected Author() {
		this.name = "";
	}

	Author(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

}
