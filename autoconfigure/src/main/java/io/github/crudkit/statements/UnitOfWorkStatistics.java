package io.github.crudkit.statements;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The SQL statements one unit of work (an HTTP request, or a transaction outside one)
 * ran. A JDBC batch counts as one statement.
 *
 * @param unitOfWork what the unit was: {@code GET /api/heroes}, or {@code transaction}
 * outside a request
 * @param statements all statements
 * @param selects {@code SELECT} statements (sequence calls included)
 * @param inserts {@code INSERT} statements
 * @param updates {@code UPDATE} statements
 * @param deletes {@code DELETE} statements
 * @param batches statements that were JDBC batches
 * @param bySql how often each distinct SQL text ran
 * @param detections the N+1s found
 * @param route the route of a request, its method and URI template (for example
 * {@code GET /api/heroes/{id}}), when the request reached a handler; {@code null} for a
 * transaction outside a request
 * @param sqlTime the time the statements took, as the application waited for them
 * @param executed the statements in the order they ran, with their parameters, while
 * {@link StatementTracker#captureParameters(boolean)} is on; empty otherwise
 * @since 0.1.0
 */
public record UnitOfWorkStatistics(String unitOfWork, int statements, int selects, int inserts, int updates,
		int deletes, int batches, Map<String, Integer> bySql, List<NPlusOneDetection> detections,
		@Nullable String route, Duration sqlTime, List<ExecutedStatement> executed) {

	/**
	 * Statistics without captured statements.
	 * @param unitOfWork what the unit was
	 * @param statements all statements
	 * @param selects {@code SELECT} statements
	 * @param inserts {@code INSERT} statements
	 * @param updates {@code UPDATE} statements
	 * @param deletes {@code DELETE} statements
	 * @param batches statements that were JDBC batches
	 * @param bySql how often each distinct SQL text ran
	 * @param detections the N+1s found
	 * @param route the route of a request, if known
	 * @param sqlTime the time the statements took
	 */
	public UnitOfWorkStatistics(String unitOfWork, int statements, int selects, int inserts, int updates, int deletes,
			int batches, Map<String, Integer> bySql, List<NPlusOneDetection> detections, @Nullable String route,
			Duration sqlTime) {
		this(unitOfWork, statements, selects, inserts, updates, deletes, batches, bySql, detections, route, sqlTime,
				List.of());
	}

	/**
	 * Statistics without a route or a measured time.
	 * @param unitOfWork what the unit was
	 * @param statements all statements
	 * @param selects {@code SELECT} statements
	 * @param inserts {@code INSERT} statements
	 * @param updates {@code UPDATE} statements
	 * @param deletes {@code DELETE} statements
	 * @param batches statements that were JDBC batches
	 * @param bySql how often each distinct SQL text ran
	 * @param detections the N+1s found
	 */
	public UnitOfWorkStatistics(String unitOfWork, int statements, int selects, int inserts, int updates, int deletes,
			int batches, Map<String, Integer> bySql, List<NPlusOneDetection> detections) {
		this(unitOfWork, statements, selects, inserts, updates, deletes, batches, bySql, detections, null,
				Duration.ZERO, List.of());
	}

	@Override
	public String toString() {
		return this.unitOfWork + ": " + this.statements + " statements (" + this.selects + " select, " + this.inserts
				+ " insert, " + this.updates + " update, " + this.deletes + " delete; " + this.batches + " batched)";
	}

}
