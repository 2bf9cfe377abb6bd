package io.github.crudkit.openapi.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import io.github.crudkit.model.UpdateModel;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Marks the properties of record schemas required and nullable as the records declare
 * them: a component is required unless it is {@code @Nullable} (JSpecify's, or any
 * annotation of that simple name, on the component or its type), and a {@code @Nullable}
 * one may be {@code null} (OpenAPI 3.1: {@code "null"} among its types, or a
 * {@code oneOf} with {@code null} for a reference). An {@link UpdateModel} (a JSON Merge
 * Patch body) requires nothing: an absent property is left unchanged. An explicit
 * {@code @Schema(requiredMode = ...)} on a component wins.
 */
final class RecordSchemaConverter implements ModelConverter {

	private static final String NULL = "null";

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		Class<?> record = recordClass(type.getType());
		if (resolved == null || record == null) {
			return resolved;
		}
		Schema<?> model = resolved;
		if (resolved.get$ref() != null) {
			String ref = resolved.get$ref();
			model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (model != null && model.getProperties() != null) {
			describe(record, model);
		}
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void describe(Class<?> record, Schema<?> model) {
		boolean update = UpdateModel.class.isAssignableFrom(record);
		Map<String, Schema> properties = model.getProperties();
		Set<String> required = new LinkedHashSet<>((model.getRequired() != null) ? model.getRequired() : List.of());
		for (RecordComponent component : record.getRecordComponents()) {
			String name = propertyName(component);
			Schema<?> property = properties.get(name);
			if (property == null) {
				continue;
			}
			boolean nullable = !component.getType().isPrimitive() && isNullable(component);
			io.swagger.v3.oas.annotations.media.Schema.RequiredMode mode = requiredMode(component);
			boolean isRequired = switch (mode) {
				case REQUIRED -> true;
				case NOT_REQUIRED -> false;
				default -> !nullable && !update;
			};
			if (isRequired) {
				required.add(name);
			}
			else {
				required.remove(name);
			}
			if (nullable) {
				properties.put(name, nullable(property));
			}
		}
		model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			Schema reference = new JsonSchema().$ref(property.get$ref());
			Schema result = new JsonSchema().oneOf(List.of(reference, new JsonSchema().typesItem(NULL)));
			result.setDescription(property.getDescription());
			result.setReadOnly(property.getReadOnly());
			result.setWriteOnly(property.getWriteOnly());
			result.setDeprecated(property.getDeprecated());
			return result;
		}
		if (property.getOneOf() != null) {
			property.setOneOf(withNull(property.getOneOf()));
			return property;
		}
		if (property.getAnyOf() != null) {
			property.setAnyOf(withNull(property.getAnyOf()));
			return property;
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (!types.isEmpty()) {
			types.add(NULL);
			property.setTypes(types);
		}
		return property;
	}

	@SuppressWarnings("rawtypes")
	private static List<Schema> withNull(List<Schema> alternatives) {
		List<Schema> result = new ArrayList<>(alternatives);
		if (result.stream()
			.noneMatch((schema) -> schema.getTypes() != null && schema.getTypes().equals(Set.of(NULL)))) {
			result.add(new JsonSchema().typesItem(NULL));
		}
		return result;
	}

	private static String propertyName(RecordComponent component) {
		JsonProperty property = annotation(component, JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	private static io.swagger.v3.oas.annotations.media.Schema.RequiredMode requiredMode(RecordComponent component) {
		io.swagger.v3.oas.annotations.media.Schema schema = annotation(component,
				io.swagger.v3.oas.annotations.media.Schema.class);
		if (schema == null) {
			return io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO;
		}
		if (schema.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO) {
			return schema.requiredMode();
		}
		return io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO;
	}

	private static boolean isNullable(RecordComponent component) {
		for (AnnotatedElement element : elements(component)) {
			for (Annotation annotation : element.getAnnotations()) {
				if (annotation.annotationType().getSimpleName().equals("Nullable")) {
					return true;
				}
			}
		}
		for (Annotation annotation : component.getAnnotatedType().getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

	private static <A extends Annotation> @Nullable A annotation(RecordComponent component, Class<A> type) {
		for (AnnotatedElement element : elements(component)) {
			A annotation = element.getAnnotation(type);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	// An annotation on a record component lands on the component, its field, its accessor
	// or its constructor parameter, as its targets allow.
	private static List<AnnotatedElement> elements(RecordComponent component) {
		List<AnnotatedElement> elements = new ArrayList<>();
		elements.add(component);
		elements.add(component.getAccessor());
		try {
			Field field = component.getDeclaringRecord().getDeclaredField(component.getName());
			elements.add(field);
		}
		catch (NoSuchFieldException ex) {
			// A record always has a field per component.
		}
		return elements;
	}

	private static @Nullable Class<?> recordClass(@Nullable Type type) {
		Class<?> raw = null;
		if (type instanceof JavaType javaType) {
			raw = javaType.getRawClass();
		}
		else if (type instanceof Class<?> clazz) {
			raw = clazz;
		}
		else if (type instanceof ParameterizedType parameterized
				&& parameterized.getRawType() instanceof Class<?> clazz) {
			raw = clazz;
		}
		return (raw != null && raw.isRecord()) ? raw : null;
	}

}
