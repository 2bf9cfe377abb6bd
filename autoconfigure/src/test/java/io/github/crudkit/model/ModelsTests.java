package io.github.crudkit.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsTests {

	@Test
	void toStringMasksWriteOnlyComponentsAndShowsTheOthers() {
		HeroCreate hero = new HeroCreate("Tony", "Iron Man", 48);
		assertThat(Models.toString(hero)).isEqualTo("HeroCreate[name=Tony, secretName=<write-only>, age=48]")
			.doesNotContain("Iron Man");
	}

	@Test
	void toStringMasksWriteOnlyComponentEvenWhenItIsNull() {
		assertThat(Models.toString(new HeroCreate("Tony", null, null)))
			.isEqualTo("HeroCreate[name=Tony, secretName=<write-only>, age=null]");
	}

	@Test
	void toStringMasksEveryWriteOnlyComponent() {
		assertThat(Models.toString(new Credentials("tony", "s3cret", "1234")))
			.isEqualTo("Credentials[user=tony, password=<write-only>, pin=<write-only>]")
			.doesNotContain("s3cret")
			.doesNotContain("1234");
	}

	@Test
	void toStringOfRecordWithoutWriteOnlyComponentsMatchesTheGeneratedOne() {
		HeroPublic hero = new HeroPublic(1L, "Tony", List.of("armour"));
		assertThat(Models.toString(hero)).isEqualTo(hero.toString())
			.isEqualTo("HeroPublic[id=1, name=Tony, powers=[armour]]");
	}

	@Test
	void toStringOfRecordWithoutComponents() {
		assertThat(Models.toString(new Empty())).isEqualTo("Empty[]");
	}

	@Test
	void recordCanUseItAsItsOwnToString() {
		assertThat(new MaskedCreate("Tony", "Iron Man"))
			.hasToString("MaskedCreate[name=Tony, secretName=<write-only>]");
	}

	@Test
	void isWriteOnlyTellsWriteOnlyComponentsApart() {
		assertThat(HeroCreate.class.getRecordComponents()).extracting(Models::isWriteOnly)
			.containsExactly(false, true, false);
	}

	record HeroCreate(String name, @WriteOnly String secretName, Integer age) {

	}

	record Credentials(String user, @WriteOnly String password, @WriteOnly String pin) {

	}

	record HeroPublic(Long id, String name, List<String> powers) {

	}

	record Empty() {

	}

	record MaskedCreate(String name, @WriteOnly String secretName) {

		@Override
		public String toString() {
			return Models.toString(this);
		}

	}

}
