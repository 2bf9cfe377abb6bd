package io.github.crudkit.advisor.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.github.crudkit.advisor.Advice;
import io.github.crudkit.advisor.autoconfigure.CrudkitAdvisorProperties.Mode;
import io.github.crudkit.startup.StartupCheck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the mapping advisor once the application's singletons exist (the migrations have
 * run): in {@code warn} mode each finding is a warning in the log; in {@code fail} mode
 * the findings are this check's problems, and start-up fails listing them with every
 * other start-up check's.
 */
final class MappingAdvisorStartupCheck implements StartupCheck {

	private static final Log logger = LogFactory.getLog(MappingAdvisorStartupCheck.class);

	private final Supplier<List<Advice>> advisor;

	private final Mode mode;

	MappingAdvisorStartupCheck(Supplier<List<Advice>> advisor, Mode mode) {
		this.advisor = advisor;
		this.mode = mode;
	}

	@Override
	public List<String> problems() {
		if (this.mode == Mode.OFF) {
			return List.of();
		}
		List<Advice> findings;
		try {
			findings = this.advisor.get();
		}
		catch (RuntimeException ex) {
			if (this.mode == Mode.FAIL) {
				return List.of("the mapping advisor could not run: " + ex.getMessage());
			}
			logger.warn("The JPA mapping advisor could not run: " + ex.getMessage());
			return List.of();
		}
		if (this.mode == Mode.FAIL) {
			return findings.stream().map(Advice::toString).toList();
		}
		findings.forEach((advice) -> logger.warn("JPA mapping advisor: " + advice));
		if (findings.isEmpty()) {
			logger.debug("JPA mapping advisor: no findings");
		}
		return List.of();
	}

	@Override
	public String description() {
		return "The JPA mapping advisor (io.github.crudkit.advisor, crudkit.advisor.mode=fail)";
	}

}
