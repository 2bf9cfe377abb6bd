package io.github.crudkit.test.liquibase;

import java.util.List;

import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationRoundTrip} and {@link MigrationAssertions#assertRoundTrip()}
 * on fresh PostgreSQL databases, with the changelogs under {@code fixtures/roundtrip/}.
 */
class MigrationRoundTripIntegrationTests {

	@Test
	void cleanChangelogGoesUpDownAndUpAgain() {
		assertThat(roundTrip("good")).isEmpty();
		MigrationAssertions.assertRoundTrip((dataSource) -> MigrationRoundTrip.of(dataSource)
			.withClassLoader(Fixtures.classpathRoot("roundtrip/good")));
	}

	@Test
	void reportsWhatRollbackLeavesBehind() {
		// Liquibase creates sequences with IF NOT EXISTS on PostgreSQL, so the second
		// update passes: only the leak shows.
		assertThat(roundTrip("leaky-rollback")).containsExactly(
				"sequence public.gadget_seq is in the database after rolling back every change set but not in the fresh database (bigint start 1 increment 50 min 1 max 9223372036854775807 cache 1)");
	}

	@Test
	void reportsSchemaThatDiffersAfterUpdatingAgain() {
		assertThat(roundTrip("not-repeatable")).containsExactly(
				"sequence public.counter is in the database after rolling back every change set but not in the fresh database (bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1)",
				"sequence public.counter differs: the first update has 'bigint start 1 increment 50 min 1 max 9223372036854775807 cache 1', the update after the rollback has 'bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1'");
	}

	@Test
	void reportsRollbackThatFails() {
		assertThat(roundTrip("failing-rollback")).singleElement()
			.asString()
			.startsWith("rolling back every change set failed: ")
			.contains("\"parts\" does not exist");
	}

	@Test
	void assertionListsEveryProblemOnItsOwnLine() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationAssertions.assertRoundTrip((dataSource) -> MigrationRoundTrip.of(dataSource)
				.withClassLoader(Fixtures.classpathRoot("roundtrip/leaky-rollback"))))
			.withMessageStartingWith("1 problem(s) in the round trip update -> rollback -> update:\n"
					+ "  sequence public.gadget_seq is in the database after rolling back every change set but not in the fresh database");
	}

	private static List<String> roundTrip(String fixture) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			return MigrationRoundTrip.of(MigrationAssertions.dataSource(database))
				.withClassLoader(Fixtures.classpathRoot("roundtrip/" + fixture))
				.run();
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

}
