package io.github.crudkit.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * A property of a request body that may be left out but not sent as {@code null}: an
 * absent property takes its default (a record's compact constructor sets it), an explicit
 * {@code null} is a {@code 400} naming the property. <pre class="code">
 * public record PowerCreate(String name, &#64;NullRefused &#64;Nullable List&lt;String&gt; tags) {
 * 	public PowerCreate {
 * 		tags = (tags != null) ? tags : List.of(); // absent means none
 * 	}
 * }
 * </pre> Jackson's own {@code @JsonSetter(nulls = Nulls.FAIL)} cannot say this for a
 * record: it refuses an absent creator property as well.
 *
 * @since 0.1.0
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = NullRefused.Deserializer.class)
public @interface NullRefused {

	/**
	 * Reads the property as its type's own deserializer does, refuses {@code null} and
	 * leaves an absent property {@code null} for the default to replace.
	 */
	final class Deserializer extends ValueDeserializer<Object> {

		private final @Nullable ValueDeserializer<Object> delegate;

		private final @Nullable BeanProperty property;

		/**
		 * Create the deserializer Jackson contextualizes per property.
		 */
		public Deserializer() {
			this(null, null);
		}

		private Deserializer(@Nullable ValueDeserializer<Object> delegate, @Nullable BeanProperty property) {
			this.delegate = delegate;
			this.property = property;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			return new Deserializer(context.findContextualValueDeserializer(property.getType(), property), property);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (this.delegate == null) {
				throw new IllegalStateException("@NullRefused was not contextualized for a property");
			}
			return this.delegate.deserialize(parser, context);
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			PropertyName name = (this.property != null) ? this.property.getFullName() : PropertyName.NO_NAME;
			throw InvalidNullException.from(context, name,
					(this.property != null) ? this.property.getType() : context.constructType(Object.class));
		}

		@Override
		public @Nullable Object getAbsentValue(DeserializationContext context) {
			return null;
		}

	}

}
