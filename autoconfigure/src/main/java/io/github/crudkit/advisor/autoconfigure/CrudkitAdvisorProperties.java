package io.github.crudkit.advisor.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the JPA mapping advisor at start-up.
 *
 * @param mode What start-up does with the advisor's findings: "warn" logs each one,
 * "fail" fails start-up listing them with the other start-up checks' problems, "off" does
 * not run the advisor.
 * @param suppress Findings to silence: a code ("CK-M005"), a code for an entity
 * ("CK-M005:Hero") or for an attribute ("CK-M001:Hero.team"). Like @SuppressAdvice on the
 * entity or attribute.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.advisor")
public record CrudkitAdvisorProperties(@DefaultValue("warn") Mode mode, @DefaultValue List<String> suppress) {

	/**
	 * What start-up does with the findings.
	 */
	public enum Mode {

		/**
		 * Log each finding as a warning.
		 */
		WARN,

		/**
		 * Fail start-up, listing every finding.
		 */
		FAIL,

		/**
		 * Do not run the advisor.
		 */
		OFF

	}

}
