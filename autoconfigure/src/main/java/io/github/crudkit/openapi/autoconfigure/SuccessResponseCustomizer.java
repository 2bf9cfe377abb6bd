package io.github.crudkit.openapi.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.model.CreateModel;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.service.GenericResponseService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the success response of every operation as crudkit's patterns answer it.
 * <ul>
 * <li>A {@code POST} whose {@code @RequestBody} is a {@link CreateModel} answers
 * {@code 201 Created} (unless the handler declares its own {@code @ResponseStatus}), with
 * a {@code Location} header when it returns a {@code ResponseEntity}, which
 * {@code ResponseEntity.created(uri)} builds.</li>
 * <li>A handler that returns {@link Versioned} (alone or in a {@code ResponseEntity})
 * answers with an {@code ETag}.</li>
 * <li>A handler that declares no {@code produces} answers {@code application/json}, not
 * springdoc's {@code *}{@code /*}; two handlers that springdoc merges into one operation
 * (a list and its keyset twin) answer either body ({@code anyOf}).</li>
 * <li>An {@code @ApiResponse} for an error status does not cost the operation its success
 * response, which springdoc then leaves out.</li>
 * </ul>
 */
final class SuccessResponseCustomizer implements GlobalOperationComponentsCustomizer {

	static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private static final String ANY = "*/*";

	private final ObjectProvider<GenericResponseService> responses;

	SuccessResponseCustomizer(ObjectProvider<GenericResponseService> responses) {
		this.responses = responses;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		return customize(operation, new Components(), handlerMethod);
	}

	@Override
	public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		if (successResponses(responses).isEmpty()) {
			addSuccess(responses, components, handlerMethod);
		}
		if (answersCreated(handlerMethod) && responses.containsKey("200") && !responses.containsKey("201")) {
			ApiResponse created = responses.remove("200");
			if ("OK".equals(created.getDescription())) {
				created.setDescription("Created");
			}
			responses.addApiResponse("201", created);
			if (HttpEntity.class.isAssignableFrom(handlerMethod.getMethod().getReturnType())) {
				created.addHeaderObject(HttpHeaders.LOCATION, new Header().description("The URL of the new resource.")
					.schema(new StringSchema().format("uri-reference")));
			}
		}
		boolean versioned = returnsVersioned(handlerMethod);
		boolean declaresProduces = declaresProduces(handlerMethod);
		for (ApiResponse response : successResponses(responses)) {
			if (!declaresProduces) {
				answerJson(response);
			}
			if (versioned && response.getContent() != null && !response.getContent().isEmpty()) {
				response.addHeaderObject(HttpHeaders.ETAG,
						new Header()
							.description("The version of the resource as a strong entity tag (\"3\"); "
									+ "send it back in If-Match to make a write conditional.")
							.schema(new StringSchema()));
			}
		}
		return operation;
	}

	private void addSuccess(ApiResponses responses, Components components, HandlerMethod handlerMethod) {
		GenericResponseService service = this.responses.getIfAvailable();
		MethodParameter returnType = handlerMethod.getReturnType();
		Type type = GenericTypeResolver.resolveType(returnType.getGenericParameterType(),
				returnType.getContainingClass());
		Content content = (service != null) ? service.buildContent(components, returnType.getParameterAnnotations(),
				new String[] { ANY }, null, type) : null;
		HttpStatus status = explicitStatus(handlerMethod);
		responses.addApiResponse(String.valueOf(status.value()),
				new ApiResponse().description(status.getReasonPhrase()).content(content));
	}

	private static void answerJson(ApiResponse response) {
		Content content = response.getContent();
		if (content == null || !content.containsKey(ANY)) {
			return;
		}
		MediaType any = content.get(ANY);
		MediaType json = content.get(JSON);
		Content answered = new Content();
		if (json == null) {
			answered.addMediaType(JSON, any);
		}
		else {
			json.setSchema(anyOf(json.getSchema(), any.getSchema()));
			answered.addMediaType(JSON, json);
		}
		content.forEach((name, mediaType) -> {
			if (!name.equals(ANY) && !name.equals(JSON)) {
				answered.addMediaType(name, mediaType);
			}
		});
		response.setContent(answered);
	}

	// Two handlers merged into one operation (chosen by their request parameters, not
	// by the body's shape): a body is one of them or the other.
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static @Nullable Schema anyOf(@Nullable Schema first, @Nullable Schema second) {
		if (first == null || second == null || first.equals(second)) {
			return (first != null) ? first : second;
		}
		if (first.getAnyOf() != null && first.get$ref() == null && first.getProperties() == null) {
			if (!first.getAnyOf().contains(second)) {
				first.addAnyOfItem(second);
			}
			return first;
		}
		List<Schema> alternatives = new ArrayList<>(List.of(first, second));
		return new Schema<>().anyOf(alternatives);
	}

	private static List<ApiResponse> successResponses(ApiResponses responses) {
		return responses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("2"))
			.map(Map.Entry::getValue)
			.toList();
	}

	private static HttpStatus explicitStatus(HandlerMethod handlerMethod) {
		ResponseStatus status = responseStatus(handlerMethod);
		return (status != null) ? status.code() : HttpStatus.OK;
	}

	private static @Nullable ResponseStatus responseStatus(HandlerMethod handlerMethod) {
		ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
				ResponseStatus.class);
		return (status != null) ? status
				: AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), ResponseStatus.class);
	}

	static boolean answersCreated(HandlerMethod handlerMethod) {
		if (responseStatus(handlerMethod) != null) {
			return false;
		}
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
				RequestMapping.class);
		if (mapping == null || !List.of(mapping.method()).contains(RequestMethod.POST)) {
			return false;
		}
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class) && isCreateModel(parameter)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCreateModel(MethodParameter parameter) {
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		Class<?> raw = type.resolve(Object.class);
		if (Collection.class.isAssignableFrom(raw)) {
			raw = type.asCollection().getGeneric(0).resolve(Object.class);
		}
		return CreateModel.class.isAssignableFrom(raw);
	}

	static boolean returnsVersioned(HandlerMethod handlerMethod) {
		Method method = handlerMethod.getMethod();
		ResolvableType type = ResolvableType.forMethodReturnType(method, handlerMethod.getBeanType());
		Class<?> raw = type.resolve(Object.class);
		if (HttpEntity.class.isAssignableFrom(raw)) {
			raw = type.as(HttpEntity.class).getGeneric(0).resolve(Object.class);
		}
		return Versioned.class.isAssignableFrom(raw);
	}

	private static boolean declaresProduces(HandlerMethod handlerMethod) {
		RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
				RequestMapping.class);
		RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(),
				RequestMapping.class);
		return (method != null && method.produces().length > 0) || (type != null && type.produces().length > 0);
	}

}
