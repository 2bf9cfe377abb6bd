package com.example.library;

import java.time.Instant;

import io.github.crudkit.model.PublicModel;

/**
 * An author as clients see it.
 *
 * @param id the id
 * @param name the name
 * @param createdAt when the author was created (UTC)
 * @param updatedAt when the author was last changed (UTC)
 */
public record AuthorPublic(long id, String name, Instant createdAt, Instant updatedAt) implements PublicModel {

	static AuthorPublic from(Author author) {
		return new AuthorPublic(author.getId(), author.getName(), author.getCreatedAt(), author.getUpdatedAt());
	}

}
