package io.github.crudkit.sample.reliability;

import java.util.Locale;

/**
 * Prints a scenario's figures as {@code RELIABILITY: <scenario> <name>=<value>} lines,
 * for collection from the test log.
 */
final class Figures {

	private final String scenario;

	Figures(String scenario) {
		this.scenario = scenario;
	}

	Figures put(String name, Object value) {
		System.out.println("RELIABILITY: " + this.scenario + " " + name + "=" + value);
		return this;
	}

	static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.0fms", nanos / 1_000_000.0);
	}

}
