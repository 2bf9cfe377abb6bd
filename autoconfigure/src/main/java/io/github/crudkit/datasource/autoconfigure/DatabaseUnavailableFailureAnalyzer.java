package io.github.crudkit.datasource.autoconfigure;

import io.github.crudkit.datasource.DatabaseUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link DatabaseUnavailableException} into Boot's start-up failure report,
 * without a stack trace.
 */
final class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage(), "Check that PostgreSQL runs and accepts connections at "
				+ cause.getUrl()
				+ ", or point spring.datasource.url (SPRING_DATASOURCE_URL) and the credentials at a server that does.",
				cause);
	}

}
