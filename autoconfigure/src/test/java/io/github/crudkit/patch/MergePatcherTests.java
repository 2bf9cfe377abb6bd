package io.github.crudkit.patch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.crudkit.model.WriteOnly;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MergePatcherTests {

	private static final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = validatorFactory.getValidator();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MergePatcher patcher = new MergePatcher(this.mapper, validator);

	private final Profile current = new Profile("Tony", 48, "Iron Man", new Address("Malibu", "90265"));

	@AfterAll
	static void closeValidator() {
		validatorFactory.close();
	}

	@Test
	void absentPropertiesKeepTheirValues() {
		assertThat(apply("{\"age\":49}")).isEqualTo(new Profile("Tony", 49, "Iron Man", this.current.address()));
	}

	@Test
	void emptyPatchReturnsAnEqualRecord() {
		assertThat(apply("{}")).isEqualTo(this.current);
	}

	@Test
	void presentPropertyReplacesTheValue() {
		assertThat(apply("{\"name\":\"Anthony\"}").name()).isEqualTo("Anthony");
	}

	@Test
	void nullClearsNullableProperty() {
		assertThat(apply("{\"age\":null}")).isEqualTo(new Profile("Tony", null, "Iron Man", this.current.address()));
	}

	@Test
	void nullForRequiredPropertyFailsValidationNamingTheField() {
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> apply("{\"name\":null}"))
			.satisfies((ex) -> assertThat(ex.getConstraintViolations())
				.extracting((violation) -> violation.getPropertyPath().toString())
				.containsExactly("name"));
	}

	@Test
	void blankRequiredPropertyFailsValidationNamingTheField() {
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> apply("{\"name\":\" \"}"))
			.satisfies((ex) -> assertThat(ex.getConstraintViolations())
				.extracting((violation) -> violation.getPropertyPath().toString())
				.containsExactly("name"));
	}

	@Test
	void valueOutOfRangeFailsValidationNamingTheField() {
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> apply("{\"age\":151}"))
			.satisfies((ex) -> assertThat(ex.getConstraintViolations()).singleElement()
				.satisfies((ConstraintViolation<?> violation) -> {
					assertThat(violation.getPropertyPath()).hasToString("age");
					assertThat(violation.getInvalidValue()).isEqualTo(151);
				}));
	}

	@Test
	void everyInvalidFieldIsReported() {
		assertThatExceptionOfType(ConstraintViolationException.class)
			.isThrownBy(() -> apply("{\"name\":null,\"age\":200}"))
			.satisfies((ex) -> assertThat(ex.getConstraintViolations())
				.extracting((violation) -> violation.getPropertyPath().toString())
				.containsExactlyInAnyOrder("name", "age"));
	}

	@Test
	void unknownPropertyIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("{\"power\":\"flight\"}"))
			.withMessage("is not a known property")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("power"));
	}

	@Test
	void unknownPropertyIsRefusedEvenWithValidOnes() {
		assertThatExceptionOfType(InvalidPatchException.class)
			.isThrownBy(() -> apply("{\"name\":\"Anthony\",\"power\":null}"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("power"));
	}

	@Test
	void valueOfWrongTypeIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("{\"age\":\"old\"}"))
			.withMessage("has a value of the wrong type")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("age"));
	}

	@Test
	void objectForTextPropertyIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("{\"name\":{\"first\":\"T\"}}"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("name"));
	}

	@Test
	void valueOfWrongTypeInNestedObjectIsRefusedNamingItsPath() {
		assertThatExceptionOfType(InvalidPatchException.class)
			.isThrownBy(() -> apply("{\"address\":{\"city\":[\"Malibu\"]}}"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("address.city"));
	}

	@Test
	void arrayPatchIsRefused() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("[{\"name\":\"Anthony\"}]"))
			.withMessage("A merge patch must be a JSON object.")
			.satisfies((ex) -> assertThat(ex.getField()).isNull());
	}

	@Test
	void stringPatchIsRefused() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("\"Anthony\""))
			.satisfies((ex) -> assertThat(ex.getField()).isNull());
	}

	@Test
	void nullPatchIsRefused() {
		assertThatExceptionOfType(InvalidPatchException.class).isThrownBy(() -> apply("null"))
			.satisfies((ex) -> assertThat(ex.getField()).isNull());
	}

	@Test
	void writeOnlyPropertyIsKeptWhenAbsent() {
		Profile patched = apply("{\"name\":\"Anthony\"}");
		assertThat(patched.secret()).isEqualTo("Iron Man");
	}

	@Test
	void writeOnlyPropertyIsReplacedWhenPresent() {
		Profile patched = apply("{\"secret\":\"Mark 42\"}");
		assertThat(patched).isEqualTo(new Profile("Tony", 48, "Mark 42", this.current.address()));
	}

	@Test
	void writeOnlyPropertyCanBeClearedWithNull() {
		assertThat(apply("{\"secret\":null}").secret()).isNull();
	}

	@Test
	void mapperStillLeavesWriteOnlyPropertyOutOfResponses() {
		Profile patched = apply("{\"secret\":\"Mark 42\"}");
		assertThat(this.mapper.writeValueAsString(patched)).doesNotContain("secret")
			.doesNotContain("Mark 42")
			.doesNotContain("Iron Man")
			.contains("\"name\":\"Tony\"");
		assertThat(this.mapper.valueToTree(patched).has("secret")).isFalse();
	}

	@Test
	void nestedObjectIsMergedMemberByMember() {
		assertThat(apply("{\"address\":{\"city\":\"New York\"}}").address())
			.isEqualTo(new Address("New York", "90265"));
	}

	@Test
	void nullInNestedObjectClearsOnlyThatMember() {
		assertThat(apply("{\"address\":{\"zip\":null}}").address()).isEqualTo(new Address("Malibu", null));
	}

	@Test
	void nullForNestedObjectClearsIt() {
		assertThat(apply("{\"address\":null}")).isEqualTo(new Profile("Tony", 48, "Iron Man", null));
	}

	@Test
	void objectForAbsentNestedObjectBecomesTheValue() {
		Profile homeless = new Profile("Tony", 48, "Iron Man", null);
		assertThat(
				this.patcher.apply(homeless, json("{\"address\":{\"city\":\"New York\",\"zip\":null}}"), Profile.class)
					.address())
			.isEqualTo(new Address("New York", null));
	}

	@Test
	void unknownPropertyOfNestedObjectIsRefusedNamingItsPath() {
		assertThatExceptionOfType(InvalidPatchException.class)
			.isThrownBy(() -> apply("{\"address\":{\"planet\":\"Earth\"}}"))
			.withMessage("is not a known property")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("address.planet"));
	}

	@Test
	void currentRecordIsNotChanged() {
		Profile before = new Profile("Tony", 48, "Iron Man", new Address("Malibu", "90265"));
		apply("{\"name\":\"Anthony\",\"address\":{\"city\":\"New York\"}}");
		assertThat(this.current).isEqualTo(before);
	}

	@Test
	void nullPropertyCanBeSetWhenMapperLeavesNullsOut() {
		JsonMapper nonNull = JsonMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
		MergePatcher patcher = new MergePatcher(nonNull, validator);
		Profile ageless = new Profile("Tony", null, "Iron Man", null);
		assertThat(patcher.apply(ageless, json("{\"age\":49,\"address\":{\"city\":\"Malibu\"}}"), Profile.class))
			.isEqualTo(new Profile("Tony", 49, "Iron Man", new Address("Malibu", null)));
	}

	@Test
	void unknownPropertyOfAbsentNestedObjectIsRefused() {
		Profile homeless = new Profile("Tony", 48, "Iron Man", null);
		assertThatExceptionOfType(InvalidPatchException.class)
			.isThrownBy(() -> this.patcher.apply(homeless,
					json("{\"address\":{\"city\":\"Malibu\",\"planet\":\"Earth\"}}"), Profile.class))
			.withMessage("is not a known property")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("address.planet"));
	}

	@Test
	void unknownPropertyOfAbsentNestedObjectIsRefusedNamingItsPathWhenMapperFailsOnUnknownProperties() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		MergePatcher patcher = new MergePatcher(strict, validator);
		Profile homeless = new Profile("Tony", 48, "Iron Man", null);
		assertThatExceptionOfType(InvalidPatchException.class)
			.isThrownBy(() -> patcher.apply(homeless, json("{\"address\":{\"city\":\"Malibu\",\"planet\":\"Earth\"}}"),
					Profile.class))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("address.planet"));
	}

	private Profile apply(String patch) {
		return this.patcher.apply(this.current, json(patch), Profile.class);
	}

	private JsonNode json(String json) {
		return this.mapper.readTree(json);
	}

	record Profile(@NotBlank String name, @Max(150) @Nullable Integer age, @WriteOnly @Nullable String secret,
			@Nullable Address address) {

	}

	record Address(String city, @Nullable String zip) {

	}

}
