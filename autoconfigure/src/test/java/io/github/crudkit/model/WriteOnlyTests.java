package io.github.crudkit.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WriteOnlyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writeOnlyComponentIsReadFromJson() {
		HeroCreate hero = this.mapper.readValue("{\"name\":\"Tony\",\"secretName\":\"Iron Man\",\"age\":48}",
				HeroCreate.class);
		assertThat(hero).isEqualTo(new HeroCreate("Tony", "Iron Man", 48));
	}

	@Test
	void writeOnlyComponentIsNotWrittenToJson() {
		String json = this.mapper.writeValueAsString(new HeroCreate("Tony", "Iron Man", 48));
		assertThat(json).isEqualTo("{\"name\":\"Tony\",\"age\":48}").doesNotContain("Iron Man");
	}

	@Test
	void writeOnlyComponentSurvivesARoundTripOnlyOneWay() {
		HeroCreate hero = this.mapper.readValue("{\"name\":\"Tony\",\"secretName\":\"Iron Man\"}", HeroCreate.class);
		HeroCreate again = this.mapper.readValue(this.mapper.writeValueAsString(hero), HeroCreate.class);
		assertThat(again).isEqualTo(new HeroCreate("Tony", null, null));
	}

	@Test
	void writeOnlyFieldOfClassIsReadButNotWritten() {
		Account account = this.mapper.readValue("{\"user\":\"tony\",\"password\":\"s3cret\"}", Account.class);
		assertThat(account.password).isEqualTo("s3cret");
		assertThat(this.mapper.writeValueAsString(account)).isEqualTo("{\"user\":\"tony\"}");
	}

	@Test
	void writeOnlyComponentIsLeftOutOfNestedRecords() {
		assertThat(this.mapper.writeValueAsString(new Team("Avengers", new HeroCreate("Tony", "Iron Man", 48))))
			.isEqualTo("{\"name\":\"Avengers\",\"leader\":{\"name\":\"Tony\",\"age\":48}}");
	}

	record HeroCreate(String name, @WriteOnly String secretName, Integer age) {

	}

	record Team(String name, HeroCreate leader) {

	}

	static class Account {

		public String user;

		@WriteOnly
		public String password;

	}

}
