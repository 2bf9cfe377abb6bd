package io.github.crudkit.statements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A statement as it ran, with the values bound to its parameters: recorded only while
 * {@link StatementTracker#captureParameters(boolean)} is on, for tests that explain a
 * statement's plan. Never logged.
 *
 * @param sql the SQL text, with {@code ?} placeholders
 * @param parameters the bound values, by position (the first at index 0); {@code null}
 * where none was bound
 * @since 0.1.0
 */
public record ExecutedStatement(String sql, List<@Nullable Object> parameters) {

	/**
	 * Create the record, copying the parameters.
	 * @param sql the SQL text
	 * @param parameters the bound values, by position
	 */
	public ExecutedStatement {
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
	}

	@Override
	public String toString() {
		// The values may be secrets: only their number is shown.
		return this.sql + " [" + this.parameters.size() + " parameter(s)]";
	}

}
