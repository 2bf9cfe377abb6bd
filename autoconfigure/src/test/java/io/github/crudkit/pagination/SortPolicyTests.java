package io.github.crudkit.pagination;

import java.util.List;

import io.github.crudkit.model.BaseEntity;
import io.github.crudkit.model.WriteOnly;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SortPolicyTests {

	private final SortPolicy heroes = SortPolicy.of(new String[] { "name", "age", "id" }, new String[] { "id" }, "id",
			Thing.class);

	@Test
	void defaultOrderIsUsedWithoutSortParameters() {
		assertThat(this.heroes.resolve(List.of())).isEqualTo(Sort.by("id"));
	}

	@Test
	void everyOrderEndsWithTheTieBreaker() {
		assertThat(this.heroes.resolve(List.of("name,desc")))
			.isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("id")));
	}

	@Test
	void tieBreakerIsNotAppendedTwice() {
		assertThat(this.heroes.resolve(List.of("id,desc", "name")))
			.isEqualTo(Sort.by(Sort.Order.desc("id"), Sort.Order.asc("name")));
	}

	@Test
	void severalPropertiesShareOneDirection() {
		assertThat(this.heroes.resolve(List.of("name,age,desc")))
			.isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.desc("age"), Sort.Order.asc("id")));
	}

	@Test
	void directionIsCaseInsensitiveAndBlankParametersAreIgnored() {
		assertThat(this.heroes.resolve(List.of("", "age,DESC")))
			.isEqualTo(Sort.by(Sort.Order.desc("age"), Sort.Order.asc("id")));
	}

	@Test
	void unlistedPropertyIsRefusedListingTheAllowedOnesWithoutEchoingIt() {
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> this.heroes.resolve(List.of("bogus")))
			.withMessage("Cannot sort by that property; allowed: name, age, id.")
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sort"));
	}

	@Test
	void writeOnlyPropertyIsRefusedWithoutBeingNamed() {
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> this.heroes.resolve(List.of("secret")))
			.withMessageNotContaining("secret")
			.withMessageContaining("allowed: name, age, id");
	}

	@Test
	void longPropertyNamesAreShortenedInTheMessage() {
		String longName = "x".repeat(200);
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> this.heroes.resolve(List.of(longName)))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(120));
	}

	@Test
	void whitelistNamingAMissingPropertyFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SortPolicy.of(new String[] { "colour" }, new String[] { "id" }, "id", Thing.class))
			.withMessageContaining("'colour'")
			.withMessageContaining(Thing.class.getName());
	}

	@Test
	void whitelistNamingAWriteOnlyPropertyFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SortPolicy.of(new String[] { "secret" }, new String[] { "id" }, "id", Thing.class))
			.withMessageContaining("write-only");
	}

	@Test
	void propertiesOfSuperclassesCount() {
		assertThat(
				SortPolicy.of(new String[] { "createdAt", "id" }, new String[] { "id" }, "id", Thing.class).allowed())
			.containsExactly("createdAt", "id");
	}

	static class Thing extends BaseEntity {

		String name = "";

		int age;

		@WriteOnly
		String secret = "";

	}

}
