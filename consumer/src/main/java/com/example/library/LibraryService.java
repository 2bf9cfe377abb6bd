package com.example.library;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ReferenceNotFoundException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.query.ProjectionReader;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authors and books: writes change entities and answer with Public records, reads answer
 * from projections.
 */
@Service
public class LibraryService {

	private final AuthorRepository authors;

	private final BookRepository books;

	private final ProjectionReader reader;

	LibraryService(AuthorRepository authors, BookRepository books, ProjectionReader reader) {
		this.authors = authors;
		this.books = books;
		this.reader = reader;
	}

	@Transactional
	public Versioned<AuthorPublic> createAuthor(AuthorCreate create) {
		Author author = this.authors.saveAndFlush(new Author(create.name()));
		return new Versioned<>(AuthorPublic.from(author), author.getVersion());
	}

	@Transactional(readOnly = true)
	public Versioned<AuthorPublic> author(long id) {
		Author author = this.authors.findById(id).orElseThrow(() -> new ResourceNotFoundException("Author", id));
		return new Versioned<>(AuthorPublic.from(author), author.getVersion());
	}

	@Transactional
	public Versioned<BookPublic> createBook(BookCreate create) {
		Author author = this.authors.findById(create.authorId())
			.orElseThrow(() -> new ReferenceNotFoundException("authorId", "Author", create.authorId()));
		Book book = this.books.saveAndFlush(new Book(create.title(), author));
		return new Versioned<>(new BookPublic(book.getId(), book.getTitle(), author.getId(), author.getName(),
				book.getCreatedAt(), book.getUpdatedAt()), book.getVersion());
	}

	/**
	 * Return one book with its author: one statement, in auto-commit.
	 * @param id the id
	 * @return the book
	 */
	public Versioned<BookPublic> book(long id) {
		Specification<Book> byId = (book, query, builder) -> builder.equal(book.get("id"), id);
		return this.reader.findOne(BookView.PROJECTION, byId)
			.map(BookView::toVersioned)
			.orElseThrow(() -> new ResourceNotFoundException("Book", id));
	}

	/**
	 * Return a page of books with their authors: the page and, unless the page shows it,
	 * the total; two statements in auto-commit.
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<BookPublic> books(Pageable pageable) {
		return this.reader.findPage(BookView.PROJECTION, Specification.unrestricted(), pageable)
			.map(BookView::toPublic);
	}

}
