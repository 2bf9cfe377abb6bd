package io.github.crudkit.test.statements;

import io.github.crudkit.statements.UnitOfWorkStatistics;

/**
 * Entry point of crudkit's statement assertions.
 *
 * @since 0.1.0
 */
public final class StatementAssertions {

	private StatementAssertions() {
	}

	/**
	 * Start assertions on one unit of work.
	 * @param actual the unit's statistics
	 * @return the assertion
	 */
	public static UnitOfWorkAssert assertThat(UnitOfWorkStatistics actual) {
		return new UnitOfWorkAssert(actual);
	}

}
