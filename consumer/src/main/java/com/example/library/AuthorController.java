package com.example.library;

import java.net.URI;

import io.github.crudkit.concurrency.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP endpoints of authors.
 */
@RestController
@RequestMapping("/api/authors")
class AuthorController {

	private final LibraryService library;

	AuthorController(LibraryService library) {
		this.library = library;
	}

	@PostMapping
	ResponseEntity<Versioned<AuthorPublic>> create(@Valid @RequestBody AuthorCreate create) {
		Versioned<AuthorPublic> author = this.library.createAuthor(create);
		return ResponseEntity.created(URI.create("/api/authors/" + author.body().id())).body(author);
	}

	@GetMapping("/{id}")
	Versioned<AuthorPublic> get(@PathVariable @Positive long id) {
		return this.library.author(id);
	}

}
