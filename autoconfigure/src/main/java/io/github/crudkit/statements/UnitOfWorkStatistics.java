package io.github.crudkit.statements;

import java.util.List;
import java.util.Map;

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
 * @since 0.1.0
 */
public record UnitOfWorkStatistics(String unitOfWork, int statements, int selects, int inserts, int updates,
		int deletes, int batches, Map<String, Integer> bySql, List<NPlusOneDetection> detections) {

	@Override
	public String toString() {
		return this.unitOfWork + ": " + this.statements + " statements (" + this.selects + " select, " + this.inserts
				+ " insert, " + this.updates + " update, " + this.deletes + " delete; " + this.batches + " batched)";
	}

}
