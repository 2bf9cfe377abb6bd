package io.github.crudkit.query;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternsTests {

	@Test
	void wrapsPlainTextInWildcards() {
		assertThat(LikePatterns.containsIgnoringCase("tony")).isEqualTo("%tony%");
	}

	@Test
	void emptyTextMatchesEverything() {
		assertThat(LikePatterns.containsIgnoringCase("")).isEqualTo("%%");
	}

	@Test
	void lowerCasesTheText() {
		assertThat(LikePatterns.containsIgnoringCase("Tony STARK")).isEqualTo("%tony stark%");
	}

	@Test
	void escapesPercent() {
		assertThat(LikePatterns.containsIgnoringCase("50%")).isEqualTo("%50\\%%");
	}

	@Test
	void escapesUnderscore() {
		assertThat(LikePatterns.containsIgnoringCase("a_b")).isEqualTo("%a\\_b%");
	}

	@Test
	void escapesBackslash() {
		assertThat(LikePatterns.containsIgnoringCase("a\\b")).isEqualTo("%a\\\\b%");
	}

	@Test
	void escapesBackslashBeforeWildcardsSoThatTheirEscapeIsNotEscapedAgain() {
		assertThat(LikePatterns.containsIgnoringCase("\\%_")).isEqualTo("%\\\\\\%\\_%");
	}

	@Test
	void escapesEveryOccurrence() {
		assertThat(LikePatterns.containsIgnoringCase("%%__")).isEqualTo("%\\%\\%\\_\\_%");
	}

	@Test
	void usesBackslashAsEscapeCharacter() {
		assertThat(LikePatterns.ESCAPE).isEqualTo('\\');
	}

	@Test
	void lowerCasesIndependentlyOfDefaultLocale() {
		Locale original = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			assertThat(LikePatterns.containsIgnoringCase("TITLE")).isEqualTo("%title%");
		}
		finally {
			Locale.setDefault(original);
		}
	}

}
