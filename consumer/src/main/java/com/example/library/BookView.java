package com.example.library;

import java.time.Instant;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.query.Projection;
import jakarta.persistence.criteria.Join;

/**
 * What a read of books shows: a projection of the book joined to its author, read as one
 * statement without loading an entity.
 *
 * @param id the id
 * @param title the title
 * @param authorId the author's id
 * @param authorName the author's name
 * @param createdAt when the book was created
 * @param updatedAt when the book was last changed
 * @param version the row version, for the ETag
 */
record BookView(long id, String title, long authorId, String authorName, Instant createdAt, Instant updatedAt,
		long version) {

	static final Projection<Book, BookView> PROJECTION = Projection.of(Book.class, BookView.class,
			(book, query, builder) -> {
				Join<Book, Author> author = book.join("author");
				return List.of(book.get("id"), book.get("title"), author.get("id"), author.get("name"),
						book.get("createdAt"), book.get("updatedAt"), book.get("version"));
			});

	BookPublic toPublic() {
		return new BookPublic(this.id, this.title, this.authorId, this.authorName, this.createdAt, this.updatedAt);
	}

	Versioned<BookPublic> toVersioned() {
		return new Versioned<>(toPublic(), this.version);
	}

}
