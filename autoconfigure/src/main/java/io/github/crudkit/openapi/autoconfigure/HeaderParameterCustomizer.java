package io.github.crudkit.openapi.autoconfigure;

import io.github.crudkit.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the request headers of crudkit's patterns where a handler takes them:
 * {@code If-Match} (a conditional write against the {@code ETag} of a read) and
 * {@code Idempotency-Key} (a retried write answered once), which
 * {@link ProblemResponseCustomizer} also adds to every {@code POST} and {@code PATCH}
 * while crudkit answers keys.
 */
final class HeaderParameterCustomizer implements GlobalOperationCustomizer {

	static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;

	private static final String IDEMPOTENCY_KEY_DESCRIPTION = "A key of the client's choosing (1 to "
			+ IdempotencyKeys.MAX_LENGTH + " printable ASCII characters), new for each new request: the same request "
			+ "sent again with it (a retry after a 503 or a lost answer, say) is answered as the first time, with "
			+ IdempotencyKeys.REPLAYED_HEADER + ": true, and not run again, while the server keeps its record.";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (operation.getParameters() == null) {
			return operation;
		}
		for (Parameter parameter : operation.getParameters()) {
			if (!"header".equals(parameter.getIn())) {
				continue;
			}
			if (HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
				describe(parameter, "The ETag of the version this write is based on (\"3\"), or *. A stale one is a "
						+ "412 and changes nothing; without it, a write that loses a race with another is a 409.",
						new StringSchema());
			}
			else if (IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
				describe(parameter, IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKeySchema());
			}
		}
		return operation;
	}

	/**
	 * Return the {@code Idempotency-Key} header parameter, described, for an operation
	 * whose handler does not take it.
	 * @return the parameter
	 */
	static Parameter idempotencyKey() {
		return new Parameter().in("header")
			.name(IDEMPOTENCY_KEY)
			.required(false)
			.description(IDEMPOTENCY_KEY_DESCRIPTION)
			.schema(idempotencyKeySchema());
	}

	private static Schema<?> idempotencyKeySchema() {
		return new StringSchema().minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH);
	}

	private static void describe(Parameter parameter, String description, Schema<?> schema) {
		if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
			parameter.setDescription(description);
		}
		if (parameter.getSchema() == null || parameter.getSchema().getMaxLength() == null) {
			parameter.setSchema(schema);
		}
	}

}
