package io.github.crudkit.openapi.autoconfigure.other;

/**
 * A controller whose simple name is that of another, for the operation id tests.
 */
public class HeroController {

	public void list() {
	}

}
