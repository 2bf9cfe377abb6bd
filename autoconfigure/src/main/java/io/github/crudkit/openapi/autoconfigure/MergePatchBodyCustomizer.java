package io.github.crudkit.openapi.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.crudkit.patch.MergePatch;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a {@link MergePatch MergePatch&lt;T&gt;} request body as what it is: a JSON
 * Merge Patch of {@code T}'s schema, accepted as {@code application/merge-patch+json} and
 * {@code application/json}, once for every controller. {@code T}'s schema is added to the
 * components when no other operation brought it.
 */
final class MergePatchBodyCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	static final String MERGE_PATCH_JSON = "application/merge-patch+json";

	private static final String DESCRIPTION = "JSON Merge Patch (RFC 7396): a property that is absent is unchanged; "
			+ "null clears a nullable property and is refused for one that is not.";

	private final Set<Class<?>> patched = ConcurrentHashMap.newKeySet();

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (parameter.getParameterType() != MergePatch.class) {
				continue;
			}
			Class<?> type = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
			if (type == null) {
				continue;
			}
			this.patched.add(type);
			Schema<?> schema = new Schema<>().$ref("#/components/schemas/" + schemaName(type));
			Content content = new Content().addMediaType(MERGE_PATCH_JSON, new MediaType().schema(schema))
				.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(schema));
			RequestBody body = (operation.getRequestBody() != null) ? operation.getRequestBody() : new RequestBody();
			operation.setRequestBody(body.content(content).required(true));
			if (body.getDescription() == null || body.getDescription().isBlank()) {
				body.setDescription(DESCRIPTION);
			}
		}
		return operation;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(OpenAPI openApi) {
		if (this.patched.isEmpty()) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		for (Class<?> type : this.patched) {
			// The converters of the document's OpenAPI version, crudkit's record
			// converter
			// among them, as springdoc itself resolves schemas.
			boolean openApi31 = openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
			Map<String, Schema> schemas = ModelConverters.getInstance(openApi31).readAll(type);
			schemas.forEach((name, schema) -> {
				if (openApi.getComponents().getSchemas() == null
						|| !openApi.getComponents().getSchemas().containsKey(name)) {
					openApi.getComponents().addSchemas(name, schema);
				}
			});
		}
	}

	static String schemaName(Class<?> type) {
		io.swagger.v3.oas.annotations.media.Schema annotation = AnnotatedElementUtils.findMergedAnnotation(type,
				io.swagger.v3.oas.annotations.media.Schema.class);
		return (annotation != null && !annotation.name().isBlank()) ? annotation.name() : type.getSimpleName();
	}

}
