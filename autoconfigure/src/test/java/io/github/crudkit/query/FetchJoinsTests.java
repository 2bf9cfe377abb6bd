package io.github.crudkit.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FetchJoinsTests {

	@Test
	void refusesNoPath() {
		assertThatIllegalArgumentException().isThrownBy(FetchJoins::left).withMessage("At least one path is required");
	}

	@Test
	void refusesAnEmptyPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> FetchJoins.left("team", " "))
			.withMessage("A path must not be empty");
	}

	@Test
	void refusesAnEmptySegment() {
		assertThatIllegalArgumentException().isThrownBy(() -> FetchJoins.left("team..city"))
			.withMessage("Path 'team..city' has an empty segment");
		assertThatIllegalArgumentException().isThrownBy(() -> FetchJoins.left("team."))
			.withMessage("Path 'team.' has an empty segment");
	}

	@Test
	void acceptsPlainAndNestedPaths() {
		assertThatNoException().isThrownBy(() -> FetchJoins.left("team", "team.city"));
	}

}
