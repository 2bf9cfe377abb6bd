package io.github.crudkit.test.statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.crudkit.statements.ExecutedStatement;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a page's SQL does not grow with the page's depth: the page query of a
 * request for the first page and of one for a deep page are run again under
 * {@code EXPLAIN (ANALYZE, BUFFERS)}, and the rows that went through their joins and
 * correlated subqueries are compared. A page cut on its root table first (id-first) joins
 * as many rows at page 500 as at page 0; a page that joins first and skips afterwards
 * joins every row before it. <pre class="code">
 * tracker.captureParameters(true);
 * UnitOfWorkStatistics first = statementsOf(() -&gt; api.get("/api/heroes?page=0"));
 * UnitOfWorkStatistics deep = statementsOf(() -&gt; api.get("/api/heroes?page=499"));
 * PageShape.of(dataSource).assertDoesNotGrowWithDepth(first, deep);
 * </pre> The statements' values are only known while the {@link StatementTracker}
 * captures parameters ({@link StatementTracker#captureParameters(boolean)}).
 *
 * @since 0.1.0
 */
public final class PageShape {

	private static final List<String> JOINS = List.of("Nested Loop", "Hash Join", "Merge Join");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DataSource dataSource;

	private PageShape(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Check pages of the database behind a data source.
	 * @param dataSource the data source the application reads through
	 * @return the check
	 */
	public static PageShape of(DataSource dataSource) {
		return new PageShape(dataSource);
	}

	/**
	 * Fail unless the deep page's query joins about as many rows as the first page's: at
	 * most twice as many, and ten more.
	 * @param firstPage the statements of a request for the first page, with parameters
	 * @param deepPage the statements of a request for a deep page, with parameters
	 * @throws AssertionError if the deep page joins more, with both plans
	 */
	public void assertDoesNotGrowWithDepth(UnitOfWorkStatistics firstPage, UnitOfWorkStatistics deepPage) {
		Plan first = explain(pageQueryOf(firstPage));
		Plan deep = explain(pageQueryOf(deepPage));
		if (deep.rowsJoined() > 2 * first.rowsJoined() + 10) {
			throw new AssertionError("The page query joins rows in proportion to its depth: " + deep.rowsJoined()
					+ " rows went through joins and subqueries on the deep page against " + first.rowsJoined()
					+ " on the first. Choose the page's rows on the root table first, then join them (crudkit's "
					+ "ProjectionReader.findPage, EntityReader.findPage).\nFirst page:\n" + first + "\nDeep page:\n"
					+ deep);
		}
	}

	/**
	 * Return the page query of a request: the first statement that skips rows
	 * ({@code offset}).
	 * @param unit the request's statements, with parameters
	 * @return the page query
	 * @throws AssertionError if the request ran no such statement, or its parameters were
	 * not captured
	 */
	public static ExecutedStatement pageQueryOf(UnitOfWorkStatistics unit) {
		if (unit.executed().isEmpty()) {
			throw new AssertionError(unit.unitOfWork() + " has no captured statements: turn "
					+ "StatementTracker.captureParameters(true) on before the request");
		}
		return unit.executed()
			.stream()
			.filter((statement) -> statement.sql().toLowerCase(Locale.ROOT).contains("offset"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(unit.unitOfWork() + " ran no statement that skips rows"));
	}

	/**
	 * Run a statement again under {@code EXPLAIN (ANALYZE, BUFFERS)} with its parameters.
	 * Explaining runs the statement: use it on reads.
	 * @param statement the statement, with its parameters
	 * @return its plan as it ran
	 */
	public Plan explain(ExecutedStatement statement) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement explain = connection
					.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql())) {
			for (int i = 0; i < statement.parameters().size(); i++) {
				explain.setObject(i + 1, statement.parameters().get(i));
			}
			try (ResultSet result = explain.executeQuery()) {
				result.next();
				return new Plan(json.readTree(result.getString(1)).get(0).get("Plan"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot explain " + statement.sql() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A statement's plan as it ran.
	 *
	 * @param root the root node of PostgreSQL's JSON plan
	 */
	public record Plan(JsonNode root) {

		/**
		 * Return how many rows went through joins (the rows each join produced, over all
		 * its loops) and how many times correlated subqueries ran: the work a page does
		 * beyond choosing its rows.
		 * @return the number of rows
		 */
		public long rowsJoined() {
			return rowsJoined(this.root);
		}

		/**
		 * Return the shared buffers the statement touched (hit and read).
		 * @return the number of buffers
		 */
		public long buffers() {
			return this.root.path("Shared Hit Blocks").asLong() + this.root.path("Shared Read Blocks").asLong();
		}

		private static long rowsJoined(JsonNode node) {
			long rows = 0;
			long loops = node.path("Actual Loops").asLong(1);
			if (JOINS.contains(node.path("Node Type").asString())) {
				rows += node.path("Actual Rows").asLong() * loops;
			}
			if ("SubPlan".equals(node.path("Parent Relationship").asString())) {
				rows += loops;
			}
			for (JsonNode child : node.path("Plans")) {
				rows += rowsJoined(child);
			}
			return rows;
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			describe(this.root, 0, text);
			return text.toString();
		}

		private static void describe(@Nullable JsonNode node, int depth, StringBuilder text) {
			if (node == null) {
				return;
			}
			text.append("  ".repeat(depth))
				.append(node.path("Node Type").asString())
				.append(node.has("Relation Name") ? " on " + node.path("Relation Name").asString() : "")
				.append(" (rows=")
				.append(node.path("Actual Rows").asLong())
				.append(" loops=")
				.append(node.path("Actual Loops").asLong())
				.append(")\n");
			for (JsonNode child : node.path("Plans")) {
				describe(child, depth + 1, text);
			}
		}

	}

}
