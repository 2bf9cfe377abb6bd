package io.github.crudkit.input;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Names the field a JSON parsing or binding failure is about, in the form clients use:
 * {@code items[3].name}.
 *
 * @since 0.1.0
 */
public final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * Return the path of the field the failure is about.
	 * @param ex the failure
	 * @return the field path, or {@code null} when the failure is not about one field
	 */
	public static @Nullable String fieldOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

}
