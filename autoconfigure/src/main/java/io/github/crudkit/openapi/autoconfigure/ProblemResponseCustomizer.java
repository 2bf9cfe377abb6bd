package io.github.crudkit.openapi.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.crudkit.idempotency.IdempotencyKeys;
import io.github.crudkit.openapi.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the error responses of every operation as crudkit answers them: RFC 9457
 * problems ({@code application/problem+json}, the shared {@code Problem} schema) for the
 * statuses that the endpoint's shape can produce.
 * <ul>
 * <li>400 for an endpoint with parameters or a body (a value that cannot be read or is
 * not valid);</li>
 * <li>404 for a path with a variable (no resource has that id);</li>
 * <li>409 and 412 for a write that takes {@code If-Match} (a lost race, a stale
 * version);</li>
 * <li>413, 415 and 422 for a body (too large, an unsupported media type, an unknown
 * reference);</li>
 * <li>503 for every endpoint (the database cannot be reached); never 500.</li>
 * </ul>
 * springdoc's {@code @ApiResponse} on the handler adds a status or describes it for the
 * endpoint; one described as {@link ProblemResponses#NEVER} is left out. The
 * {@code Problem} and {@code FieldViolation} schemas are added to the components.
 * <p>
 * While crudkit answers {@code Idempotency-Key}s, every {@code POST} and {@code PATCH}
 * takes the header, and an operation with it answers 409 (the key's first request still
 * runs) and 422 (the key came with another request), whatever its handler declares, and
 * says {@code Idempotent-Replayed} on its success responses.
 */
final class ProblemResponseCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

	static final String PROBLEM_SCHEMA = "Problem";

	static final String FIELD_VIOLATION_SCHEMA = "FieldViolation";

	private static final String SCHEMA_REF = "#/components/schemas/";

	private static final String REPLAYED = IdempotencyKeys.REPLAYED_HEADER;

	private static final Map<Integer, String> DESCRIPTIONS = descriptions();

	private static final String KEY_IN_USE = "A request with the same " + IdempotencyKeys.HEADER
			+ " is still being processed: retry once it has been answered.";

	private static final String KEY_REUSED = "The " + IdempotencyKeys.HEADER
			+ " was sent before with a different request (method, path, query or body).";

	private final BooleanSupplier idempotencyKeys;

	/**
	 * Create a customizer for an application that does not answer
	 * {@code Idempotency-Key}s.
	 */
	ProblemResponseCustomizer() {
		this(() -> false);
	}

	/**
	 * Create a customizer.
	 * @param idempotencyKeys tells, when the document is written, whether every
	 * {@code POST} and {@code PATCH} takes an {@code Idempotency-Key}
	 */
	ProblemResponseCustomizer(BooleanSupplier idempotencyKeys) {
		this.idempotencyKeys = idempotencyKeys;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		for (int status : statuses(operation)) {
			String code = String.valueOf(status);
			if (!responses.containsKey(code)) {
				responses.addApiResponse(code, new ApiResponse().description(DESCRIPTIONS.get(status)));
			}
		}
		ApiResponses documented = new ApiResponses();
		for (Map.Entry<String, ApiResponse> entry : sorted(responses)) {
			String code = entry.getKey();
			ApiResponse response = entry.getValue();
			if (!isError(code)) {
				documented.addApiResponse(code, response);
			}
			else if (!ProblemResponses.NEVER.equals(response.getDescription())) {
				documented.addApiResponse(code, problem(code, response));
			}
		}
		operation.setResponses(documented);
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() != null) {
			boolean everyWrite = this.idempotencyKeys.getAsBoolean();
			openApi.getPaths().values().forEach((path) -> path.readOperationsMap().forEach((method, operation) -> {
				boolean takesKey = hasHeader(operation, IdempotencyKeys.HEADER);
				if (!takesKey && everyWrite && (method == HttpMethod.POST || method == HttpMethod.PATCH)) {
					List<Parameter> parameters = (operation.getParameters() != null)
							? new ArrayList<>(operation.getParameters()) : new ArrayList<>();
					parameters.add(HeaderParameterCustomizer.idempotencyKey());
					operation.setParameters(parameters);
					takesKey = true;
				}
				if (takesKey) {
					documentIdempotencyKey(operation);
				}
			}));
		}
		if (openApi.getPaths() == null || openApi.getPaths().values().stream().noneMatch(this::refersToProblem)) {
			return;
		}
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		if (components.getSchemas() == null || !components.getSchemas().containsKey(FIELD_VIOLATION_SCHEMA)) {
			components.addSchemas(FIELD_VIOLATION_SCHEMA, fieldViolationSchema());
		}
		if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
			components.addSchemas(PROBLEM_SCHEMA, problemSchema());
		}
		openApi.setComponents(components);
	}

	/**
	 * Add what a key can answer to an operation that takes one: 409 and 422 problems
	 * (added, or their descriptions extended), and {@code Idempotent-Replayed} on each
	 * success response.
	 */
	private static void documentIdempotencyKey(Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		describeKeyProblem(responses, "409", KEY_IN_USE);
		describeKeyProblem(responses, "422", KEY_REUSED);
		ApiResponses documented = new ApiResponses();
		for (Map.Entry<String, ApiResponse> entry : sorted(responses)) {
			ApiResponse response = entry.getValue();
			if (entry.getKey().startsWith("2")
					&& (response.getHeaders() == null || !response.getHeaders().containsKey(REPLAYED))) {
				response.addHeaderObject(REPLAYED,
						new Header()
							.description("true when this is the recorded answer to an earlier request with the same "
									+ IdempotencyKeys.HEADER + ", replayed rather than run again; absent otherwise.")
							.schema(new StringSchema()._enum(List.of("true"))));
			}
			documented.addApiResponse(entry.getKey(), response);
		}
		operation.setResponses(documented);
	}

	private static void describeKeyProblem(ApiResponses responses, String code, String sentence) {
		ApiResponse response = responses.get(code);
		if (response == null) {
			responses.addApiResponse(code, problem(code, new ApiResponse().description(sentence)));
		}
		else if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription(sentence);
		}
		else if (!response.getDescription().contains(sentence)) {
			response.setDescription(response.getDescription() + " " + sentence);
		}
	}

	private static boolean hasHeader(Operation operation, String name) {
		return operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
	}

	private boolean refersToProblem(PathItem path) {
		return path.readOperations()
			.stream()
			.filter((operation) -> operation.getResponses() != null)
			.flatMap((operation) -> operation.getResponses().values().stream())
			.anyMatch((response) -> response.getContent() != null
					&& response.getContent().containsKey(PROBLEM_MEDIA_TYPE));
	}

	private static List<Integer> statuses(Operation operation) {
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		boolean body = operation.getRequestBody() != null;
		List<Integer> statuses = new ArrayList<>();
		if (!parameters.isEmpty() || body) {
			statuses.add(400);
		}
		if (parameters.stream().anyMatch((parameter) -> "path".equals(parameter.getIn()))) {
			statuses.add(404);
		}
		if (parameters.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn())
					&& HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()))) {
			statuses.add(409);
			statuses.add(412);
		}
		if (body) {
			statuses.add(413);
			statuses.add(415);
			statuses.add(422);
		}
		statuses.add(503);
		return statuses;
	}

	private static List<Map.Entry<String, ApiResponse>> sorted(ApiResponses responses) {
		// By status; "default" and ranges such as "4XX" after the numbered statuses.
		List<Map.Entry<String, ApiResponse>> entries = new ArrayList<>(responses.entrySet());
		entries.sort(Comparator.comparingInt((Map.Entry<String, ApiResponse> entry) -> rank(entry.getKey()))
			.thenComparing(Map.Entry::getKey));
		return entries;
	}

	private static int rank(String code) {
		try {
			return Integer.parseInt(code);
		}
		catch (NumberFormatException ex) {
			return 1000;
		}
	}

	private static boolean isError(String code) {
		return code.startsWith("4") || code.startsWith("5");
	}

	private static ApiResponse problem(String code, ApiResponse response) {
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription(DESCRIPTIONS.getOrDefault(rank(code), "An error, described by the problem."));
		}
		Content content = response.getContent();
		MediaType problem = (content != null) ? content.get(PROBLEM_MEDIA_TYPE) : null;
		if (problem == null || problem.getSchema() == null) {
			problem = new MediaType().schema(new Schema<>().$ref(SCHEMA_REF + PROBLEM_SCHEMA));
		}
		response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE, problem));
		if ("503".equals(code)
				&& (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
			response.addHeaderObject("Retry-After",
					new Header().description("How many seconds to wait before retrying.")
						.schema(new IntegerSchema().minimum(BigDecimal.ZERO)));
		}
		return response;
	}

	private static Schema<?> problemSchema() {
		Schema<?> schema = new ObjectSchema().description("An RFC 9457 problem: the body of every error response.");
		schema.addProperty("type", new StringSchema().format("uri-reference")
			.description("The kind of problem; about:blank when the status says it all."));
		schema.addProperty("title", new StringSchema().description("A short summary of the kind of problem."));
		schema.addProperty("status", new IntegerSchema().description("The HTTP status."));
		schema.addProperty("detail", new StringSchema().description("What went wrong with this request."));
		schema.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path."));
		schema.addProperty("errors", new ArraySchema().items(new Schema<>().$ref(SCHEMA_REF + FIELD_VIOLATION_SCHEMA))
			.description("One entry per field at fault, when fields are at fault."));
		schema.setRequired(List.of("type", "title", "status", "detail", "instance"));
		return schema;
	}

	private static Schema<?> fieldViolationSchema() {
		Schema<?> schema = new ObjectSchema().description("A field at fault and what is wrong with it.");
		schema.addProperty("field",
				new StringSchema().description("The field, as the request names it (for example items[3].name)."));
		schema.addProperty("message", new StringSchema().description("What is wrong with it."));
		schema.setRequired(List.of("field", "message"));
		return schema;
	}

	private static Map<Integer, String> descriptions() {
		Map<Integer, String> descriptions = new LinkedHashMap<>();
		descriptions.put(400, "The request is not valid: a parameter, a header or the body cannot be read or breaks "
				+ "a rule; errors names each field at fault.");
		descriptions.put(404, "No resource has that id.");
		descriptions.put(409, "The resource was changed by another request meanwhile (send If-Match to get a 412 "
				+ "instead), or the change conflicts with the stored data.");
		descriptions.put(412, "If-Match names a version other than the current one; nothing was changed.");
		descriptions.put(413, "The body is larger than the server accepts.");
		descriptions.put(415, "The Content-Type is not one that this operation reads.");
		descriptions.put(422, "The body refers to a resource that does not exist; errors names the field.");
		descriptions.put(503, "The database cannot be reached at the moment; retry after Retry-After seconds.");
		return Map.copyOf(descriptions);
	}

}
