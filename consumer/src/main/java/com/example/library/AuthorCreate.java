package com.example.library;

import io.github.crudkit.model.CreateModel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Request to create an author.
 *
 * @param name the name
 */
public record AuthorCreate(@NotBlank @Size(max = 100) String name) implements CreateModel {

}
