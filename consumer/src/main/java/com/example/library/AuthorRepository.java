package com.example.library;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Authors, for the requests that change them.
 */
public interface AuthorRepository extends JpaRepository<Author, Long> {

}
