package io.github.crudkit.migration.autoconfigure;

import io.github.crudkit.migration.MigrationMismatchException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigrationMismatchException} into Boot's start-up failure report, naming
 * the changesets, without a stack trace.
 */
final class MigrationMismatchFailureAnalyzer extends AbstractFailureAnalyzer<MigrationMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationMismatchException cause) {
		StringBuilder action = new StringBuilder();
		if (!cause.getAhead().isEmpty()) {
			action.append("The database was migrated by a newer version of the application. Start that version, ")
				.append("or restore the changesets above to the changelog; do not run older code against a newer ")
				.append("schema.");
		}
		if (!cause.getBehind().isEmpty()) {
			if (!action.isEmpty()) {
				action.append(System.lineSeparator());
			}
			action.append("Apply the missing changesets before starting: enable spring.liquibase.enabled, ")
				.append("or run 'liquibase update' with this changelog.");
		}
		action.append(System.lineSeparator())
			.append("Nothing was changed in the database. To start anyway, set ")
			.append("crudkit.migration.verify-on-startup=false.");
		return new FailureAnalysis(cause.getMessage(), action.toString(), cause);
	}

}
