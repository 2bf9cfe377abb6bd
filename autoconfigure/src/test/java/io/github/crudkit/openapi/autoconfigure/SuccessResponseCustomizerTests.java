package io.github.crudkit.openapi.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springdoc.core.service.GenericResponseService;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SuccessResponseCustomizerTests {

	private final GenericResponseService responses = mock(GenericResponseService.class);

	private final SuccessResponseCustomizer customizer = new SuccessResponseCustomizer(
			new StaticListableBeanFactory(Map.of("responses", this.responses))
				.getBeanProvider(GenericResponseService.class));

	@Test
	void createAnswersCreatedWithLocationAndETag() {
		Operation operation = this.customizer.customize(operation("200", ref("TeamPublic")), new Components(),
				handler("create", TeamCreate.class));

		assertThat(operation.getResponses()).containsOnlyKeys("201");
		ApiResponse created = operation.getResponses().get("201");
		assertThat(created.getDescription()).isEqualTo("Created");
		assertThat(created.getHeaders()).containsOnlyKeys("Location", "ETag");
		assertThat(created.getContent()).containsOnlyKeys("application/json");
		assertThat(created.getContent().get("application/json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/TeamPublic");
	}

	@Test
	void declaredResponseStatusIsKeptAndABodyWithoutResponseEntityHasNoLocation() {
		Operation operation = this.customizer.customize(operation("201", ref("Created")), new Components(),
				handler("createAll", List.class));

		assertThat(operation.getResponses()).containsOnlyKeys("201");
		assertThat(operation.getResponses().get("201").getHeaders()).isNull();
	}

	@Test
	void versionedReadAnswersWithETag() {
		Operation operation = this.customizer.customize(operation("200", ref("TeamPublic")), new Components(),
				handler("get", long.class));

		assertThat(operation.getResponses().get("200").getHeaders()).containsOnlyKeys("ETag");
	}

	@Test
	void plainReadHasNoETag() {
		Operation operation = this.customizer.customize(operation("200", ref("TeamPublic")), new Components(),
				handler("plain", long.class));

		assertThat(operation.getResponses().get("200").getHeaders()).isNull();
		assertThat(operation.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
	}

	@Test
	void declaredMediaTypeIsKept() {
		Operation operation = this.customizer.customize(operation("200", ref("TeamPublic")), new Components(),
				handler("csv"));

		assertThat(operation.getResponses().get("200").getContent()).containsOnlyKeys("*/*");
	}

	@Test
	void mergedHandlersAnswerEitherBody() {
		Operation operation = operation("200", ref("PagedModelTeamPublic"));
		HandlerMethod list = handler("plain", long.class);
		this.customizer.customize(operation, new Components(), list);
		// springdoc adds the second handler's body to the operation under */*.
		operation.getResponses()
			.get("200")
			.getContent()
			.addMediaType("*/*", new MediaType().schema(ref("KeysetPageTeamPublic")));

		this.customizer.customize(operation, new Components(), list);

		Content content = operation.getResponses().get("200").getContent();
		assertThat(content).containsOnlyKeys("application/json");
		Schema<?> either = content.get("application/json").getSchema();
		assertThat(either.getAnyOf()).extracting((schema) -> schema.get$ref())
			.containsExactly("#/components/schemas/PagedModelTeamPublic", "#/components/schemas/KeysetPageTeamPublic");
	}

	@Test
	void successResponseLeftOutBecauseOfADeclaredErrorIsAddedBack() {
		Content content = new Content().addMediaType("*/*", new MediaType().schema(ref("TeamPublic")));
		given(this.responses.buildContent(any(), any(), any(), any(), any())).willReturn(content);
		Operation operation = new Operation().responses(new ApiResponses().addApiResponse("409",
				new ApiResponse().description("A team of that name exists already.")));

		this.customizer.customize(operation, new Components(), handler("create", TeamCreate.class));

		assertThat(operation.getResponses()).containsOnlyKeys("201", "409");
		assertThat(operation.getResponses().get("201").getContent()).containsOnlyKeys("application/json");
	}

	private static Operation operation(String code, Schema<?> schema) {
		return new Operation().responses(new ApiResponses().addApiResponse(code,
				new ApiResponse().description(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase())
					.content(new Content().addMediaType("*/*", new MediaType().schema(schema)))));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static HandlerMethod handler(String name, Class<?>... parameterTypes) {
		try {
			return new HandlerMethod(new TeamController(),
					TeamController.class.getDeclaredMethod(name, parameterTypes));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class TeamController {

		@PostMapping("/teams")
		ResponseEntity<Versioned<String>> create(@RequestBody TeamCreate create) {
			return ResponseEntity.created(URI.create("/teams/1")).body(new Versioned<>(create.name(), 0));
		}

		@PostMapping("/teams/bulk")
		@ResponseStatus(HttpStatus.CREATED)
		List<Long> createAll(@RequestBody List<TeamCreate> creates) {
			return List.of();
		}

		@GetMapping("/teams/{id}")
		Versioned<String> get(@PathVariable long id) {
			return new Versioned<>("", 0);
		}

		@GetMapping("/teams/{id}/plain")
		String plain(@PathVariable long id) {
			return "";
		}

		@GetMapping(path = "/teams.csv", produces = "text/csv")
		String csv() {
			return "";
		}

	}

	record TeamCreate(String name) implements CreateModel {

	}

}
