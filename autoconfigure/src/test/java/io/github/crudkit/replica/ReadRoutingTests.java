package io.github.crudkit.replica;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadRoutingTests {

	@Test
	void readOnlyWorkMayUseAReplicaExceptOnThePrimary() {
		assertThat(ReadRouting.isReadOnly()).isFalse();
		assertThat(ReadRouting.<Boolean>readOnly(ReadRouting::isReadOnly)).isTrue();
		assertThat(ReadRouting.<Boolean>readOnly(() -> ReadRouting.onPrimary(ReadRouting::isReadOnly))).isFalse();
		assertThat(ReadRouting.<Boolean>onPrimary(() -> ReadRouting.readOnly(ReadRouting::isPrimaryRequired))).isTrue();
		assertThat(ReadRouting.isReadOnly()).isFalse();
		assertThat(ReadRouting.isPrimaryRequired()).isFalse();
	}

	@Test
	void readOnlyWorkWhoseReplicaConnectionFailsRunsOnceMoreOnThePrimary() {
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger replicaTakenOut = new AtomicInteger();
		List<Boolean> onPrimary = new ArrayList<>();
		String result = ReadRouting.readOnly(() -> {
			onPrimary.add(ReadRouting.isPrimaryRequired());
			if (attempts.incrementAndGet() == 1) {
				ReadRouting.replicaServed(replicaTakenOut::incrementAndGet);
				throw lostConnection();
			}
			return "read";
		});
		assertThat(result).isEqualTo("read");
		assertThat(onPrimary).containsExactly(false, true);
		assertThat(replicaTakenOut).hasValue(1);
		assertThat(ReadRouting.isPrimaryRequired()).isFalse();
	}

	@Test
	void otherFailuresAndFailuresOfThePrimaryAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> ReadRouting.readOnly(() -> {
				attempts.incrementAndGet();
				throw lostConnection();
			}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> ReadRouting.readOnly(() -> {
			attempts.incrementAndGet();
			ReadRouting.replicaServed(() -> {
			});
			throw new IllegalStateException("a bug, not a lost connection");
		}));
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aSessionCarriesItsPositionAndHearsOfWritesUntilClosed() {
		List<WalPosition> written = new ArrayList<>();
		WalPosition after = WalPosition.parse("0/100");
		assertThat(ReadRouting.wantsWritePositions()).isFalse();
		try (ReadRouting.Scope session = ReadRouting.session(after, written::add)) {
			assertThat(ReadRouting.requiredPosition()).isEqualTo(after);
			assertThat(ReadRouting.wantsWritePositions()).isTrue();
			ReadRouting.written(WalPosition.parse("0/200"));
		}
		ReadRouting.written(WalPosition.parse("0/300"));
		assertThat(written).containsExactly(WalPosition.parse("0/200"));
		assertThat(ReadRouting.requiredPosition()).isNull();
		assertThat(ReadRouting.wantsWritePositions()).isFalse();
	}

	private static DataAccessResourceFailureException lostConnection() {
		return new DataAccessResourceFailureException("lost",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"));
	}

}
