package io.github.crudkit.startup.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.crudkit.startup.StartupCheck;
import io.github.crudkit.startup.StartupCheckException;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs every {@link StartupCheck} once the singletons exist, and fails start-up once with
 * all their problems.
 */
final class StartupChecks implements SmartInitializingSingleton {

	private final List<StartupCheck> checks;

	StartupChecks(List<StartupCheck> checks) {
		this.checks = checks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		for (StartupCheck check : this.checks) {
			List<String> found = check.problems();
			if (!found.isEmpty()) {
				problems.computeIfAbsent(check.description(), (key) -> new ArrayList<>()).addAll(found);
			}
		}
		if (!problems.isEmpty()) {
			throw new StartupCheckException(problems);
		}
	}

}
