package io.github.crudkit.sample.hero;

/**
 * Whether a hero is in service. Stored, not yet part of the API contract: the column
 * shows an expand/contract migration (changesets 0005 to 0007).
 */
public enum HeroStatus {

	/**
	 * In service; every new hero starts here.
	 */
	ACTIVE,

	/**
	 * Out of service.
	 */
	RETIRED

}
