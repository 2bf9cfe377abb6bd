package io.github.crudkit.startup;

import java.util.List;

/**
 * A check of the application's own code or configuration that runs once every singleton
 * exists: crudkit's (controllers that take or return entities, sort whitelists naming
 * properties that do not exist) and any an application declares as a bean. Every check
 * runs, and start-up fails once, listing every problem of every check, in Boot's
 * "APPLICATION FAILED TO START" report: one rebuild fixes them all.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface StartupCheck {

	/**
	 * Run the check.
	 * @return one line per problem, each naming where it is and what is wrong; empty when
	 * all is well
	 */
	List<String> problems();

	/**
	 * Return what the check is about, as the report names it.
	 * @return the name, for example {@code sort whitelists}
	 */
	default String description() {
		return getClass().getSimpleName();
	}

}
