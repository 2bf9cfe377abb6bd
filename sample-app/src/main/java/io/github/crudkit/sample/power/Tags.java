package io.github.crudkit.sample.power;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;

/**
 * The rules of a power's tags beyond each tag's form: at most {@value #MAX}, no tag
 * twice, kept sorted by their characters' codes.
 */
final class Tags {

	static final int MAX = 10;

	static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,29}$";

	private Tags() {
	}

	/**
	 * Return the tags sorted, refusing a tag given twice with a 400 naming it.
	 * @param tags the tags as sent
	 * @return the tags sorted by their characters' codes
	 */
	static List<String> normalise(List<String> tags) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < tags.size(); i++) {
			if (!seen.add(tags.get(i))) {
				throw ProblemException.badRequest("The request is not valid.",
						new FieldViolation("tags[" + i + "]", "repeats a tag given before it"));
			}
		}
		List<String> sorted = new ArrayList<>(tags);
		sorted.sort(String::compareTo);
		return List.copyOf(sorted);
	}

}
