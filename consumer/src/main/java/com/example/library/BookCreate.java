package com.example.library;

import io.github.crudkit.model.CreateModel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Request to create a book.
 *
 * @param title the title
 * @param authorId the author's id
 */
public record BookCreate(@NotBlank @Size(max = 200) String title,
		@NotNull @Positive Long authorId) implements CreateModel {

}
