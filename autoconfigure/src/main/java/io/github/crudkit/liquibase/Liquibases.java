package io.github.crudkit.liquibase;

import liquibase.resource.ResourceAccessor;

/**
 * Small helpers around Liquibase's API shared by the checks.
 */
final class Liquibases {

	private Liquibases() {
	}

	static void close(ResourceAccessor accessor) {
		try {
			accessor.close();
		}
		catch (Exception ex) {
			// Nothing was written; a failure to release a class loader's resources does not change a check's result.
		}
	}

}
