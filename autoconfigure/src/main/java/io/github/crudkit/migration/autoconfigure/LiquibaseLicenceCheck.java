package io.github.crudkit.migration.autoconfigure;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.util.LiquibaseUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Logs one warning at start-up when the Liquibase on the class path is 5.0 or newer:
 * Liquibase 5 is under the Functional Source License, not an open-source licence, and
 * crudkit is built and tested with Liquibase 4.33 (Apache 2.0). Spring Boot 4.0 manages
 * Liquibase 5, so an application gets it unless its build pins {@code liquibase.version};
 * the warning says how.
 */
final class LiquibaseLicenceCheck implements InitializingBean {

	/**
	 * The property that switches the check off.
	 */
	static final String PROPERTY = "crudkit.migration.liquibase-licence-check";

	private static final Log logger = LogFactory.getLog(LiquibaseLicenceCheck.class);

	private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

	private final Supplier<@Nullable String> version;

	/**
	 * Create a check of the Liquibase on the class path.
	 */
	LiquibaseLicenceCheck() {
		this(LiquibaseLicenceCheck::liquibaseVersion);
	}

	/**
	 * Create a check of a given Liquibase version.
	 * @param version supplies the version, or {@code null} when it is unknown
	 */
	LiquibaseLicenceCheck(Supplier<@Nullable String> version) {
		this.version = version;
	}

	@Override
	public void afterPropertiesSet() {
		String warning = warning();
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/**
	 * Return the warning for the Liquibase version, if it needs one.
	 * @return the warning, one line, or {@code null} for Liquibase 4.x or an unknown
	 * version
	 */
	@Nullable String warning() {
		String version = this.version.get();
		if (version == null) {
			logger.debug("Liquibase's version is unknown; its licence is not checked");
			return null;
		}
		Matcher major = MAJOR.matcher(version.trim());
		if (!major.find() || Integer.parseInt(major.group(1)) < 5) {
			return null;
		}
		return "Liquibase " + version.trim() + " is on the class path. Liquibase 5 and newer are under the "
				+ "Functional Source License (FSL), not an open-source licence; crudkit is built and tested with "
				+ "Liquibase 4.33 (Apache License 2.0), while Spring Boot 4 manages 5.x. To use 4.33, set "
				+ "<liquibase.version>4.33.0</liquibase.version> in the <properties> of the application's pom.xml "
				+ "(Gradle: ext['liquibase.version'] = '4.33.0'); to keep " + version.trim()
				+ " and silence this warning, set " + PROPERTY + "=false.";
	}

	private static @Nullable String liquibaseVersion() {
		try {
			String version = LiquibaseUtil.getBuildVersion();
			return (version != null && !version.isBlank()) ? version : null;
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
	}

}
