package io.github.crudkit.sample.reliability;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a scenario's figures as {@code RELIABILITY: <scenario> <name>=<value>} lines, for collection from the
 * test log.
 */
final class Figures {

	private final String scenario;

	private final Map<String, Object> figures = new TreeMap<>();

	Figures(String scenario) {
		this.scenario = scenario;
	}

	Figures put(String name, Object value) {
		this.figures.put(name, value);
		System.out.println("RELIABILITY: " + this.scenario + " " + name + "=" + format(value));
		return this;
	}

	static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.0fms", nanos / 1_000_000.0);
	}

	private static String format(Object value) {
		return String.valueOf(value);
	}

}
