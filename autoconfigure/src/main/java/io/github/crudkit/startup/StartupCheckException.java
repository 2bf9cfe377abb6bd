package io.github.crudkit.startup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown at start-up when start-up checks found problems; it holds every problem of every
 * check, and crudkit's failure analyzer turns it into one report.
 *
 * @since 0.1.0
 */
public class StartupCheckException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient Map<String, List<String>> problems;

	/**
	 * Create the exception.
	 * @param problems the problems of each check that found any, by the check's
	 * description, in the order the checks ran
	 */
	public StartupCheckException(Map<String, List<String>> problems) {
		super(describe(problems));
		this.problems = copy(problems);
	}

	/**
	 * Return the problems of each check that found any.
	 * @return the problems by the check's description
	 */
	public Map<String, List<String>> getProblems() {
		return this.problems;
	}

	/**
	 * Return how many problems the checks found.
	 * @return the number of problems
	 */
	public int getProblemCount() {
		return this.problems.values().stream().mapToInt(List::size).sum();
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> problems) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		problems.forEach((check, lines) -> copy.put(check, List.copyOf(lines)));
		return Collections.unmodifiableMap(copy);
	}

	private static String describe(Map<String, List<String>> problems) {
		StringBuilder message = new StringBuilder("crudkit's start-up checks found ")
			.append(problems.values().stream().mapToInt(List::size).sum())
			.append(" problem(s):");
		problems.forEach((check, lines) -> {
			message.append("\n\n").append(check).append(':');
			lines.forEach((line) -> message.append("\n    - ").append(line));
		});
		return message.toString();
	}

}
