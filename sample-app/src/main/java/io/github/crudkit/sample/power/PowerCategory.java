package io.github.crudkit.sample.power;

/**
 * The kind of a power. Stored as its name (text, with a CHECK listing the values); a
 * value outside these is a 400 that lists them.
 */
public enum PowerCategory {

	/**
	 * Strength, speed, endurance.
	 */
	PHYSICAL,

	/**
	 * Telepathy, memory, intuition.
	 */
	MENTAL,

	/**
	 * Fire, lightning, light.
	 */
	ENERGY,

	/**
	 * Spells and wards.
	 */
	MAGIC,

	/**
	 * Gadgets and armour.
	 */
	TECH

}
