package io.github.crudkit.test.statements;

import java.util.stream.Collectors;

import io.github.crudkit.statements.UnitOfWorkStatistics;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the statements of one unit of work (a request or a transaction).
 * <pre class="code">
 * try (StatementRecorder recorder = StatementRecorder.start(tracker)) {
 * 	api.get("/api/heroes?size=100");
 * 	StatementAssertions.assertThat(recorder.await(1, Duration.ofSeconds(5)).get(0)).hasSelects(2).hasNoNPlusOne();
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public class UnitOfWorkAssert extends AbstractAssert<UnitOfWorkAssert, UnitOfWorkStatistics> {

	UnitOfWorkAssert(UnitOfWorkStatistics actual) {
		super(actual, UnitOfWorkAssert.class);
	}

	/**
	 * Verify the number of statements of any kind.
	 * @param expected the number
	 * @return this
	 */
	public UnitOfWorkAssert hasStatements(int expected) {
		isNotNull();
		if (this.actual.statements() != expected) {
			failWithMessage("Expected %s statements in %s but ran %s:%n%s", expected, this.actual.unitOfWork(),
					this.actual.statements(), listing());
		}
		return this;
	}

	/**
	 * Verify that at most the given number of statements ran.
	 * @param maximum the largest acceptable number
	 * @return this
	 */
	public UnitOfWorkAssert hasStatementsAtMost(int maximum) {
		isNotNull();
		if (this.actual.statements() > maximum) {
			failWithMessage("Expected at most %s statements in %s but ran %s:%n%s", maximum, this.actual.unitOfWork(),
					this.actual.statements(), listing());
		}
		return this;
	}

	/**
	 * Verify the number of {@code SELECT} statements.
	 * @param expected the number
	 * @return this
	 */
	public UnitOfWorkAssert hasSelects(int expected) {
		isNotNull();
		if (this.actual.selects() != expected) {
			failWithMessage("Expected %s selects in %s but ran %s:%n%s", expected, this.actual.unitOfWork(),
					this.actual.selects(), listing());
		}
		return this;
	}

	/**
	 * Verify the number of {@code INSERT} statements (a JDBC batch counts once).
	 * @param expected the number
	 * @return this
	 */
	public UnitOfWorkAssert hasInserts(int expected) {
		isNotNull();
		if (this.actual.inserts() != expected) {
			failWithMessage("Expected %s inserts in %s but ran %s:%n%s", expected, this.actual.unitOfWork(),
					this.actual.inserts(), listing());
		}
		return this;
	}

	/**
	 * Verify that no N+1 was found.
	 * @return this
	 */
	public UnitOfWorkAssert hasNoNPlusOne() {
		isNotNull();
		if (!this.actual.detections().isEmpty()) {
			failWithMessage("Expected no N+1 in %s but found:%n%s", this.actual.unitOfWork(),
					this.actual.detections()
						.stream()
						.map((detection) -> detection.message())
						.collect(Collectors.joining(System.lineSeparator())));
		}
		return this;
	}

	private String listing() {
		return this.actual.bySql()
			.entrySet()
			.stream()
			.map((entry) -> "  " + entry.getValue() + " x " + entry.getKey())
			.collect(Collectors.joining(System.lineSeparator()));
	}

}
