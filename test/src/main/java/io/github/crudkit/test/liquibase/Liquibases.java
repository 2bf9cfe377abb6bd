package io.github.crudkit.test.liquibase;

import liquibase.resource.ResourceAccessor;

import org.springframework.core.NestedExceptionUtils;

/**
 * Small helpers around Liquibase's API shared by the checks.
 */
final class Liquibases {

	private Liquibases() {
	}

	/**
	 * Return the message of the failure's root cause on one line, for a one-line report.
	 * @param ex the failure
	 * @return the message, or the root cause's class name when it has none
	 */
	static String rootMessage(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.replace('\n', ' ').strip();
	}

	static void close(ResourceAccessor accessor) {
		try {
			accessor.close();
		}
		catch (Exception ex) {
			// Nothing was written; a failure to release a class loader's resources does
			// not change a check's result.
		}
	}

}
