package io.github.crudkit.error;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFailuresTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.crudkit.error.ConnectionFailureChains#connectionFailures")
	void recognisesALostOrUnusableConnectionWhateverWrapsIt(String name, Supplier<Exception> failure) {
		assertThat(ConnectionFailures.isConnectionFailure(failure.get())).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.crudkit.error.ConnectionFailureChains#otherFailures")
	void leavesOtherFailuresAlone(String name, Supplier<Exception> failure) {
		assertThat(ConnectionFailures.isConnectionFailure(failure.get())).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.crudkit.error.ConnectionFailureChains#connectionFailures")
	void describesTheFailureWithoutSqlOrValues(String name, Supplier<Exception> failure) {
		assertThat(ConnectionFailures.describe(failure.get())).doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase("insert")
			.doesNotContain("faults-1")
			.doesNotContain("SECRET")
			.doesNotContain("\n");
	}

	@Test
	void findsTheCauseThatSaysSo() {
		SQLException closed = new SQLException("Connection is closed", "08003");
		assertThat(ConnectionFailures.find(new IllegalStateException(new RuntimeException(closed)))).isSameAs(closed);
	}

	@Test
	void findsTheFailureAnOverridingRollbackCarries() {
		assertThat(ConnectionFailures.find(ConnectionFailureChains.rollbackOverridingApplicationException()))
			.isInstanceOf(SQLException.class)
			.hasMessage("This connection has been closed.");
	}

	@Test
	void describesTheDriversWordsAndTheSocketsFailure() {
		assertThat(ConnectionFailures.describe(ConnectionFailureChains.batchFailure()))
			.isEqualTo("PSQLException (08006): An I/O error occurred while sending to the backend.; "
					+ "SocketException: Connection reset");
		assertThat(ConnectionFailures
			.describe(ConnectionFailureChains.postgres("57P01", "terminating connection due to administrator command")))
			.isEqualTo("PSQLException (57P01): FATAL: terminating connection due to administrator command");
	}

	@Test
	void describesAFailureWithoutSqlExceptionByItsClassOnly() {
		assertThat(ConnectionFailures.describe(new IllegalStateException("select secret from x")))
			.isEqualTo("IllegalStateException");
	}

	@Test
	void survivesACycleOfCauses() {
		CyclicException first = new CyclicException();
		CyclicException second = new CyclicException();
		first.next = second;
		second.next = first;
		assertThat(ConnectionFailures.isConnectionFailure(first)).isFalse();
		assertThat(ConnectionFailures.describe(first)).isEqualTo("CyclicException");
	}

	static final class CyclicException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private transient RuntimeException next;

		@Override
		public synchronized Throwable getCause() {
			return this.next;
		}

	}

}
