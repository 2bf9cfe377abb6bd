package io.github.crudkit.migration;

import java.util.List;

/**
 * Thrown at start-up when the schema has problems and
 * {@code crudkit.migration.schema-health.fail-on-problems} is set.
 *
 * @since 0.1.0
 */
public class SchemaProblemsException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	/**
	 * Create an exception listing the problems.
	 * @param problems the problems, one line each
	 */
	public SchemaProblemsException(List<String> problems) {
		super("The database schema has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems)
				+ "\n(set crudkit.migration.schema-health.fail-on-problems=false to only log them)");
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems.
	 * @return the problems, one line each
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
