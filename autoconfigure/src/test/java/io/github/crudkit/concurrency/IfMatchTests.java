package io.github.crudkit.concurrency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class IfMatchTests {

	@Test
	void absentHeaderMatchesAnyVersionAndIsNotPresent() {
		IfMatch ifMatch = IfMatch.parse(null);
		assertThat(ifMatch.isPresent()).isFalse();
		assertThat(ifMatch.matches(0)).isTrue();
		assertThat(ifMatch.matches(3)).isTrue();
		assertThat(ifMatch.matches(Long.MAX_VALUE)).isTrue();
	}

	@Test
	void blankHeaderCountsAsAbsent() {
		IfMatch ifMatch = IfMatch.parse("  ");
		assertThat(ifMatch.isPresent()).isFalse();
		assertThat(ifMatch.matches(7)).isTrue();
	}

	@Test
	void wildcardMatchesAnyVersionAndIsPresent() {
		IfMatch ifMatch = IfMatch.parse("*");
		assertThat(ifMatch.isPresent()).isTrue();
		assertThat(ifMatch.matches(0)).isTrue();
		assertThat(ifMatch.matches(42)).isTrue();
	}

	@Test
	void wildcardSurroundedByWhitespaceMatchesAnyVersion() {
		assertThat(IfMatch.parse(" * ").matches(42)).isTrue();
	}

	@Test
	void strongTagMatchesOnlyItsVersion() {
		IfMatch ifMatch = IfMatch.parse("\"3\"");
		assertThat(ifMatch.isPresent()).isTrue();
		assertThat(ifMatch.matches(3)).isTrue();
		assertThat(ifMatch.matches(2)).isFalse();
		assertThat(ifMatch.matches(4)).isFalse();
		assertThat(ifMatch.matches(30)).isFalse();
	}

	@Test
	void listMatchesEachOfItsVersions() {
		IfMatch ifMatch = IfMatch.parse("\"1\", \"3\"");
		assertThat(ifMatch.matches(1)).isTrue();
		assertThat(ifMatch.matches(3)).isTrue();
		assertThat(ifMatch.matches(2)).isFalse();
		assertThat(ifMatch.matches(13)).isFalse();
	}

	@Test
	void listWithoutSpacesMatchesEachOfItsVersions() {
		IfMatch ifMatch = IfMatch.parse("\"1\",\"3\"");
		assertThat(ifMatch.matches(1)).isTrue();
		assertThat(ifMatch.matches(3)).isTrue();
	}

	@Test
	void weakTagNeverMatches() {
		IfMatch ifMatch = IfMatch.parse("W/\"3\"");
		assertThat(ifMatch.isPresent()).isTrue();
		assertThat(ifMatch.matches(3)).isFalse();
	}

	@Test
	void weakTagInListIsIgnoredWhileStrongOnesStillMatch() {
		IfMatch ifMatch = IfMatch.parse("W/\"3\", \"5\"");
		assertThat(ifMatch.matches(3)).isFalse();
		assertThat(ifMatch.matches(5)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3", "\"abc\"", "\"\"", "\"", "\"3", "3\"", "'3'", "\"-3\"", "\"+3\"", "\"3.0\"", "\" 3\"",
			"\"99999999999999999999\"", "\"9223372036854775808\"", "\"1000000000000000000000000\"", "garbage", ",",
			"*, \"x\"" })
	void malformedValueNeverMatchesButIsPresent(String header) {
		IfMatch ifMatch = IfMatch.parse(header);
		assertThat(ifMatch.isPresent()).isTrue();
		assertThat(ifMatch.matches(3)).isFalse();
		assertThat(ifMatch.matches(0)).isFalse();
		assertThat(ifMatch.matches(-3)).isFalse();
		assertThat(ifMatch.matches(Long.MAX_VALUE)).isFalse();
	}

	@Test
	void largestEighteenDigitVersionIsUnderstood() {
		assertThat(IfMatch.parse("\"999999999999999999\"").matches(999_999_999_999_999_999L)).isTrue();
	}

	@Test
	void tagWithLeadingZeroDoesNotMatchAsTheStrongComparisonIsCharacterByCharacter() {
		assertThat(IfMatch.parse("\"03\"").matches(3)).isFalse();
	}

	@Test
	void tagWithNonAsciiDigitsNeverMatches() {
		assertThat(IfMatch.parse("\"\u0663\"").matches(3)).isFalse();
	}

	@Test
	void checkPassesWhenVersionMatches() {
		assertThatNoException().isThrownBy(() -> IfMatch.parse("\"4\"").check("Hero", 7L, 4));
		assertThatNoException().isThrownBy(() -> IfMatch.parse(null).check("Hero", 7L, 4));
		assertThatNoException().isThrownBy(() -> IfMatch.parse("*").check("Hero", 7L, 4));
	}

	@Test
	void checkThrowsStaleVersionExceptionNamingResourceIdAndCurrentVersion() {
		assertThatExceptionOfType(StaleVersionException.class)
			.isThrownBy(() -> IfMatch.parse("\"3\"").check("Hero", 7L, 5))
			.withMessage("Hero 7 has changed since the version named in If-Match; it is now at version 5")
			.satisfies((ex) -> assertThat(ex.getCurrentVersion()).isEqualTo(5));
	}

	@Test
	void checkThrowsForWeakTag() {
		assertThatExceptionOfType(StaleVersionException.class)
			.isThrownBy(() -> IfMatch.parse("W/\"5\"").check("Team", 2L, 5))
			.satisfies((ex) -> assertThat(ex.getCurrentVersion()).isEqualTo(5));
	}

	@Test
	void eTagOfQuotesTheVersion() {
		assertThat(IfMatch.eTagOf(0)).isEqualTo("\"0\"");
		assertThat(IfMatch.eTagOf(4)).isEqualTo("\"4\"");
		assertThat(IfMatch.eTagOf(123456789012L)).isEqualTo("\"123456789012\"");
	}

	@Test
	void eTagOfRoundTripsThroughParse() {
		assertThat(IfMatch.parse(IfMatch.eTagOf(42)).matches(42)).isTrue();
		assertThat(IfMatch.parse(new Versioned<>("body", 42).eTag()).matches(42)).isTrue();
	}

	@Test
	void versionedETagIsTheStrongTagOfItsVersion() {
		assertThat(new Versioned<>("body", 4).eTag()).isEqualTo("\"4\"");
	}

	@Test
	void toStringDescribesThePrecondition() {
		assertThat(IfMatch.parse(null)).hasToString("IfMatch[absent]");
		assertThat(IfMatch.parse("*")).hasToString("IfMatch[*]");
		assertThat(IfMatch.parse("\"1\", \"3\"")).hasToString("IfMatch[1, 3]");
	}

}
