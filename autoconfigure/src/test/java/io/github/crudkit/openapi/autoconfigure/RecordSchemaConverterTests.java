package io.github.crudkit.openapi.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.crudkit.model.CreateModel;
import io.github.crudkit.model.PublicModel;
import io.github.crudkit.model.UpdateModel;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSchemaConverterTests {

	@Test
	void componentIsRequiredUnlessNullable() {
		Schema<?> hero = read(HeroPublic.class).get("HeroPublic");

		assertThat(hero.getRequired()).containsExactlyInAnyOrder("id", "name", "powers");
	}

	@Test
	void nullableComponentAcceptsNull() {
		Schema<?> hero = read(HeroPublic.class).get("HeroPublic");

		assertThat(types(hero, "age")).containsExactly("integer", "null");
		assertThat(types(hero, "name")).containsExactly("string");
		assertThat(types(hero, "id")).containsExactly("integer");
	}

	@Test
	void nullableReferenceIsOneOfTheReferenceAndNull() {
		Schema<?> hero = read(HeroPublic.class).get("HeroPublic");
		Schema<?> team = hero.getProperties().get("team");

		assertThat(team.get$ref()).isNull();
		assertThat(team.getOneOf()).hasSize(2);
		assertThat(team.getOneOf().get(0).get$ref()).isEqualTo("#/components/schemas/TeamSummary");
		assertThat(team.getOneOf().get(1).getTypes()).containsExactly("null");
	}

	@Test
	void propertyRenamedByJacksonIsFound() {
		Schema<?> create = read(HeroCreate.class).get("HeroCreate");

		assertThat(create.getProperties()).containsKey("secret_name");
		assertThat(create.getRequired()).containsExactlyInAnyOrder("name", "secret_name");
	}

	@Test
	void explicitRequiredModeWins() {
		Schema<?> create = read(HeroCreate.class).get("HeroCreate");

		assertThat(create.getRequired()).doesNotContain("nickname");
		assertThat(types(create, "nickname")).containsExactly("string");
	}

	@Test
	void mergePatchBodyRequiresNothingAndNullClearsANullableField() {
		Schema<?> update = read(HeroUpdate.class).get("HeroUpdate");

		assertThat(update.getRequired()).isNull();
		assertThat(types(update, "name")).containsExactly("string");
		assertThat(types(update, "age")).containsExactly("integer", "null");
	}

	@Test
	void classesAreLeftAlone() {
		Schema<?> bean = read(HeroBean.class).get("HeroBean");

		assertThat(bean.getRequired()).isNull();
		assertThat(types(bean, "name")).containsExactly("string");
	}

	private static Map<String, Schema<?>> read(Class<?> type) {
		ModelConverters converters = new ModelConverters(true);
		converters.addConverter(new RecordSchemaConverter());
		Map<String, Schema<?>> schemas = new HashMap<>();
		converters.readAll(type).forEach(schemas::put);
		return schemas;
	}

	private static Set<String> types(Schema<?> model, String property) {
		Schema<?> schema = model.getProperties().get(property);
		return schema.getTypes();
	}

	record HeroPublic(long id, String name, @Nullable Integer age, @Nullable TeamSummary team,
			List<String> powers) implements PublicModel {

	}

	record TeamSummary(long id, String name) implements PublicModel {

	}

	record HeroCreate(String name, @JsonProperty("secret_name") String secretName,
			@io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.NOT_REQUIRED) String nickname)
			implements
				CreateModel {

	}

	record HeroUpdate(String name, @Nullable Integer age) implements UpdateModel {

	}

	static class HeroBean {

		private String name = "";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
