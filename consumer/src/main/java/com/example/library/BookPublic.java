package com.example.library;

import java.time.Instant;

import io.github.crudkit.model.PublicModel;

/**
 * A book as clients see it, with its author's id and name.
 *
 * @param id the id
 * @param title the title
 * @param authorId the author's id
 * @param authorName the author's name
 * @param createdAt when the book was created (UTC)
 * @param updatedAt when the book was last changed (UTC)
 */
public record BookPublic(long id, String title, long authorId, String authorName, Instant createdAt,
		Instant updatedAt) implements PublicModel {

}
