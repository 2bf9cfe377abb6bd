package com.example.library;

import java.net.URI;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.pagination.SortableBy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP endpoints of books.
 */
@RestController
@RequestMapping("/api/books")
class BookController {

	private final LibraryService library;

	BookController(LibraryService library) {
		this.library = library;
	}

	@PostMapping
	ResponseEntity<Versioned<BookPublic>> create(@Valid @RequestBody BookCreate create) {
		Versioned<BookPublic> book = this.library.createBook(create);
		return ResponseEntity.created(URI.create("/api/books/" + book.body().id())).body(book);
	}

	@GetMapping
	PagedModel<BookPublic> list(@SortableBy(value = { "title", "createdAt", "id" }, ignoreCase = "title",
			entity = Book.class) Pageable pageable) {
		return new PagedModel<>(this.library.books(pageable));
	}

	@GetMapping("/{id}")
	Versioned<BookPublic> get(@PathVariable @Positive long id) {
		return this.library.book(id);
	}

}
