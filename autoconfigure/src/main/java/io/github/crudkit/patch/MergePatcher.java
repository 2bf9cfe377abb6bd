package io.github.crudkit.patch;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.crudkit.input.JsonPaths;
import io.github.crudkit.model.WriteOnly;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON Merge Patch (RFC 7396) to an Update record and validates the result.
 * <p>
 * The service turns the stored entity into its Update record (every field, including
 * write-only ones, which never leave the server), and the patch is merged into that: a
 * property that is absent keeps its value, a property set to {@code null} becomes
 * {@code null}, anything else replaces the value. Bean Validation then runs on the merged
 * record, so {@code null} for a required field fails like a bad value does. An empty
 * patch {@code {}} returns the record unchanged.
 *
 * @since 0.1.0
 */
public class MergePatcher {

	private static final JsonInclude.Value ALWAYS = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
			JsonInclude.Include.ALWAYS);

	private final JsonMapper mapper;

	private final JsonMapper stateMapper;

	private final Validator validator;

	/**
	 * Create a patcher.
	 * @param mapper the mapper that reads request bodies
	 * @param validator the validator applied to the merged result
	 */
	public MergePatcher(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		// The current state includes write-only fields: they are merged on the server and
		// never leave it.
		// Null properties are included too, whatever the application's inclusion setting:
		// each one is a field the
		// patch may set.
		this.stateMapper = mapper.rebuild()
			.annotationIntrospector(AnnotationIntrospector.pair(new WriteOnlyReadable(),
					mapper.serializationConfig().getAnnotationIntrospector()))
			.changeDefaultPropertyInclusion((inclusion) -> ALWAYS)
			.build();
		this.validator = validator;
	}

	/**
	 * Merge the patch into the current state and validate the result.
	 * @param <T> the Update record type
	 * @param current the current state as an Update record
	 * @param patch the merge patch, a JSON object
	 * @param type the Update record type
	 * @return the merged, valid record
	 * @throws InvalidPatchException if the patch is not an object, names an unknown
	 * property or has a value of the wrong type
	 * @throws ConstraintViolationException if the merged record is not valid
	 */
	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (!patch.isObject()) {
			throw new InvalidPatchException(null, "A merge patch must be a JSON object.");
		}
		ObjectNode target = this.stateMapper.valueToTree(current);
		merge(target, (ObjectNode) patch, "");
		T merged = read(target, type);
		Set<ConstraintViolation<T>> violations = this.validator.validate(merged);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		return merged;
	}

	/**
	 * Merge a patch into the current state and validate the result.
	 * @param <T> the Update record type
	 * @param current the current state as an Update record
	 * @param patch the merge patch the request carried
	 * @return the merged, valid record
	 * @throws InvalidPatchException if the patch is not an object, names an unknown
	 * property or has a value of the wrong type
	 * @throws ConstraintViolationException if the merged record is not valid
	 */
	@SuppressWarnings("unchecked")
	public <T> T apply(T current, MergePatch<T> patch) {
		return apply(current, patch.body(), (Class<T>) current.getClass());
	}

	private void merge(ObjectNode target, ObjectNode patch, String path) {
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			if (!target.has(name)) {
				throw new InvalidPatchException(path + name, "is not a known property");
			}
			JsonNode existing = target.get(name);
			if (value.isObject() && existing != null && existing.isObject()) {
				merge((ObjectNode) existing, (ObjectNode) value, path + name + ".");
			}
			else {
				target.set(name, value);
			}
		}
	}

	private <T> T read(ObjectNode merged, Class<T> type) {
		try {
			return this.mapper.readerFor(type)
				.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(merged);
		}
		catch (UnrecognizedPropertyException ex) {
			String field = JsonPaths.fieldOf(ex);
			throw new InvalidPatchException(field, "is not a known property");
		}
		catch (JacksonException ex) {
			String field = JsonPaths.fieldOf(ex);
			throw new InvalidPatchException(field,
					(field != null) ? "has a value of the wrong type" : "The patch does not fit the resource.");
		}
	}

	private static final class WriteOnlyReadable extends NopAnnotationIntrospector {

		private static final long serialVersionUID = 1L;

		@Override
		public JsonProperty.@Nullable Access findPropertyAccess(MapperConfig<?> config, Annotated annotated) {
			return annotated.hasAnnotation(WriteOnly.class) ? JsonProperty.Access.READ_WRITE : null;
		}

		@Override
		public JsonInclude.Value findPropertyInclusion(MapperConfig<?> config, Annotated annotated) {
			return ALWAYS;
		}

	}

}
