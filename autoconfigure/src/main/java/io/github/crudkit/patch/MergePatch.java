package io.github.crudkit.patch;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * The body of a {@code PATCH}: a JSON Merge Patch (RFC 7396) of the Update record
 * {@code T}, as sent. Take it as the request body and apply it with
 * {@link MergePatcher#apply(Object, MergePatch)}: <pre class="code">
 * &#64;PatchMapping("/{id}")
 * Versioned&lt;HeroPublic&gt; patch(&#64;PathVariable long id, &#64;RequestBody MergePatch&lt;HeroUpdate&gt; patch) { … }
 * </pre> The type argument tells crudkit's OpenAPI support what the body is: the
 * operation documents {@code application/merge-patch+json} and {@code application/json}
 * bodies of the {@code HeroUpdate} schema, with no annotation in the controller.
 *
 * @param <T> the Update record the patch applies to
 * @since 0.1.0
 */
public final class MergePatch<T> {

	private final JsonNode body;

	/**
	 * Wrap a patch as it was read.
	 * @param body the JSON of the request body
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public MergePatch(JsonNode body) {
		Assert.notNull(body, "A body is required");
		this.body = body;
	}

	/**
	 * Return the JSON of the patch.
	 * @return the body
	 */
	public JsonNode body() {
		return this.body;
	}

	@Override
	public String toString() {
		return "MergePatch";
	}

}
