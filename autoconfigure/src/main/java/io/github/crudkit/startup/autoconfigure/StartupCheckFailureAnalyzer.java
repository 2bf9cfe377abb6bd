package io.github.crudkit.startup.autoconfigure;

import io.github.crudkit.startup.StartupCheckException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StartupCheckException} into Boot's start-up failure report: every
 * problem of every check, one per line, and no stack trace.
 */
final class StartupCheckFailureAnalyzer extends AbstractFailureAnalyzer<StartupCheckException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupCheckException cause) {
		return new FailureAnalysis(String.valueOf(cause.getMessage()),
				"Fix each problem above; every problem of every check is listed, so the next start tells whether "
						+ "they are all fixed. A check can be switched off with crudkit.startup.enabled=false.",
				cause);
	}

}
