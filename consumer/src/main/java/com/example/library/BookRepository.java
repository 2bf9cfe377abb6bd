package com.example.library;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Books, for the requests that change them; reads are projections ({@link BookView}).
 */
public interface BookRepository extends JpaRepository<Book, Long> {

}
