package io.github.crudkit.openapi.autoconfigure;

import java.util.List;

import io.github.crudkit.openapi.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponseCustomizerTests {

	private final ProblemResponseCustomizer customizer = new ProblemResponseCustomizer();

	@Test
	void readOfOneResourceAnswersBadRequestNotFoundAndUnavailable() {
		Operation operation = this.customizer.customize(operation(pathId()), handler());

		assertThat(operation.getResponses()).containsOnlyKeys("200", "400", "404", "503");
		assertThat(operation.getResponses().get("404").getDescription()).isEqualTo("No resource has that id.");
	}

	@Test
	void endpointWithoutParametersAnswersOnlyUnavailable() {
		Operation operation = this.customizer.customize(operation(), handler());

		assertThat(operation.getResponses()).containsOnlyKeys("200", "503");
	}

	@Test
	void conditionalWriteWithABodyAnswersEveryStatusItsShapeCanProduce() {
		Operation operation = operation(pathId(), new Parameter().in("header").name("If-Match"))
			.requestBody(new RequestBody().content(new Content()));

		this.customizer.customize(operation, handler());

		assertThat(operation.getResponses().keySet()).containsExactly("200", "400", "404", "409", "412", "413", "415",
				"422", "503");
	}

	@Test
	void errorResponsesAreProblemsAndUnavailableSaysWhenToRetry() {
		Operation operation = this.customizer.customize(operation(pathId()), handler());

		for (String code : List.of("400", "404", "503")) {
			ApiResponse response = operation.getResponses().get(code);
			assertThat(response.getContent()).containsOnlyKeys("application/problem+json");
			assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
				.isEqualTo("#/components/schemas/Problem");
		}
		assertThat(operation.getResponses().get("503").getHeaders()).containsOnlyKeys("Retry-After");
		assertThat(operation.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
	}

	@Test
	void declaredErrorResponseKeepsItsDescriptionAndBecomesAProblem() {
		Operation operation = operation();
		// springdoc gives an @ApiResponse without content the handler's return type.
		operation.getResponses()
			.addApiResponse("409", new ApiResponse().description("A team of that name exists already.")
				.content(new Content().addMediaType("*/*", new MediaType().schema(new ObjectSchema()))));

		this.customizer.customize(operation, handler());

		ApiResponse conflict = operation.getResponses().get("409");
		assertThat(conflict.getDescription()).isEqualTo("A team of that name exists already.");
		assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
		assertThat(operation.getResponses().keySet()).containsExactly("200", "409", "503");
	}

	@Test
	void statusDescribedAsNeverIsLeftOut() {
		Operation operation = operation().requestBody(new RequestBody().content(new Content()));
		operation.getResponses().addApiResponse("422", new ApiResponse().description(ProblemResponses.NEVER));

		this.customizer.customize(operation, handler());

		assertThat(operation.getResponses()).containsOnlyKeys("200", "400", "413", "415", "503");
	}

	@Test
	void customizingTwiceChangesNothing() {
		Operation operation = operation(pathId());
		this.customizer.customize(operation, handler());
		ApiResponses first = new ApiResponses();
		first.putAll(operation.getResponses());

		this.customizer.customize(operation, handler());

		assertThat(operation.getResponses()).isEqualTo(first);
	}

	@Test
	void addsTheProblemSchemasOnceAnOperationRefersToThem() {
		Operation operation = this.customizer.customize(operation(pathId()), handler());
		OpenAPI openApi = new OpenAPI().components(new Components())
			.paths(new Paths().addPathItem("/heroes/{id}", new PathItem().get(operation)));

		this.customizer.customise(openApi);

		Schema<?> problem = openApi.getComponents().getSchemas().get("Problem");
		assertThat(problem.getProperties()).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
		assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
		assertThat(problem.getProperties().get("errors").getItems().get$ref())
			.isEqualTo("#/components/schemas/FieldViolation");
		Schema<?> fieldViolation = openApi.getComponents().getSchemas().get("FieldViolation");
		assertThat(fieldViolation.getRequired()).containsExactlyInAnyOrder("field", "message");
	}

	@Test
	void keepsAProblemSchemaOfTheApplication() {
		Operation operation = this.customizer.customize(operation(pathId()), handler());
		Schema<?> own = new ObjectSchema().description("the application's own");
		OpenAPI openApi = new OpenAPI().components(new Components().addSchemas("Problem", own))
			.paths(new Paths().addPathItem("/heroes/{id}", new PathItem().get(operation)));

		this.customizer.customise(openApi);

		assertThat(openApi.getComponents().getSchemas().get("Problem")).isSameAs(own);
	}

	@Test
	void addsNoSchemaToADocumentWithoutProblems() {
		OpenAPI openApi = new OpenAPI().components(new Components()).paths(new Paths());

		this.customizer.customise(openApi);

		assertThat(openApi.getComponents().getSchemas()).isNull();
	}

	@Test
	void whileKeysAreAnsweredEveryPostAndPatchTakesOneAndSaysWhatItAnswers() {
		ProblemResponseCustomizer keyed = new ProblemResponseCustomizer(() -> true);
		Operation post = body(operation());
		post.getResponses().addApiResponse("409", new ApiResponse().description("A team of that name exists already."));
		Operation patch = body(operation(pathId()));
		Operation put = body(operation(pathId()));
		Operation get = operation(pathId());
		Operation delete = operation(pathId());
		List.of(post, patch, put, get, delete).forEach((operation) -> keyed.customize(operation, handler()));
		OpenAPI openApi = new OpenAPI().components(new Components())
			.paths(new Paths().addPathItem("/teams", new PathItem().post(post))
				.addPathItem("/teams/{id}", new PathItem().patch(patch).put(put).get(get).delete(delete)));

		keyed.customise(openApi);
		keyed.customise(openApi);

		for (Operation operation : List.of(post, patch)) {
			assertThat(operation.getParameters()).filteredOn((parameter) -> "header".equals(parameter.getIn()))
				.singleElement()
				.satisfies((key) -> {
					assertThat(key.getName()).isEqualTo("Idempotency-Key");
					assertThat(key.getRequired()).isFalse();
					assertThat(key.getDescription()).contains("answered as the first time");
					assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
				});
			assertThat(operation.getResponses().keySet()).containsSubsequence("200", "409", "422", "503");
			assertThat(operation.getResponses().get("422").getDescription()).isEqualTo(
					"The body refers to a resource that does not exist; errors names the field. The Idempotency-Key "
							+ "was sent before with a different request (method, path, query or body).");
			assertThat(operation.getResponses().get("422").getContent()).containsOnlyKeys("application/problem+json");
			assertThat(operation.getResponses().get("200").getHeaders()).containsOnlyKeys("Idempotent-Replayed");
		}
		assertThat(post.getResponses().get("409").getDescription()).isEqualTo("A team of that name exists already. "
				+ "A request with the same Idempotency-Key is still being processed: retry once it has been answered.");
		assertThat(post.getResponses().keySet()).containsExactly("200", "400", "409", "413", "415", "422", "503");
		for (Operation operation : List.of(put, get, delete)) {
			assertThat(operation.getParameters()).noneMatch((parameter) -> "header".equals(parameter.getIn()));
			assertThat(operation.getResponses().get("200").getHeaders()).isNull();
		}
	}

	@Test
	void aHandlerThatTakesTheKeyItselfIsDocumentedSoWhenKeysAreNotAnsweredForEveryWrite() {
		Operation get = operation(pathId(), new Parameter().in("header").name("Idempotency-Key"));
		Operation post = body(operation());
		this.customizer.customize(get, handler());
		this.customizer.customize(post, handler());
		OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/things/{id}", new PathItem().get(get))
			.addPathItem("/things", new PathItem().post(post)));

		this.customizer.customise(openApi);

		assertThat(get.getResponses()).containsKeys("409", "422");
		assertThat(post.getParameters()).isNull();
		assertThat(post.getResponses()).doesNotContainKey("409");
	}

	private static Operation body(Operation operation) {
		return operation.requestBody(new RequestBody().content(new Content()));
	}

	private static Operation operation(Parameter... parameters) {
		ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
			.content(new Content().addMediaType("application/json", new MediaType().schema(new StringSchema()))));
		return new Operation().parameters(parameters.length > 0 ? List.of(parameters) : null).responses(responses);
	}

	private static Parameter pathId() {
		return new Parameter().in("path").name("id").required(true);
	}

	private static HandlerMethod handler() {
		try {
			return new HandlerMethod(new Controller(), Controller.class.getDeclaredMethod("handle"));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Controller {

		String handle() {
			return "";
		}

	}

}
