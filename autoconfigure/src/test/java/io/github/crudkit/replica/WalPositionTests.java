package io.github.crudkit.replica;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WalPositionTests {

	@Test
	void parsesAndPrintsPostgresText() {
		WalPosition position = WalPosition.parse("16/B374D848");
		assertThat(position.value()).isEqualTo((0x16L << 32) | 0xB374D848L);
		assertThat(position).hasToString("16/B374D848");
		assertThat(WalPosition.parse("0/0")).hasToString("0/0");
		assertThat(WalPosition.parse(" 0/16b3748 ")).hasToString("0/16B3748");
	}

	@Test
	void comparesAsUnsignedNumbers() {
		WalPosition low = WalPosition.parse("0/FFFFFFFF");
		WalPosition high = WalPosition.parse("1/0");
		WalPosition top = WalPosition.parse("FFFFFFFF/FFFFFFFF");
		assertThat(high.reached(low)).isTrue();
		assertThat(low.reached(high)).isFalse();
		assertThat(low.reached(low)).isTrue();
		assertThat(top.reached(high)).as("the top half's sign bit").isTrue();
		assertThat(top).isGreaterThan(high);
	}

	@Test
	void refusesWhatIsNoPosition() {
		assertThat(WalPosition.tryParse(null)).isNull();
		assertThat(WalPosition.tryParse("")).isNull();
		assertThat(WalPosition.tryParse("16B374D848")).isNull();
		assertThat(WalPosition.tryParse("/1")).isNull();
		assertThat(WalPosition.tryParse("1/")).isNull();
		assertThat(WalPosition.tryParse("G/1")).isNull();
		assertThat(WalPosition.tryParse("-1/1")).isNull();
		assertThat(WalPosition.tryParse("123456789/1")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> WalPosition.parse("x"));
	}

}
