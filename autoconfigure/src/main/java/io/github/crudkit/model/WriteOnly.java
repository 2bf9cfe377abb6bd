package io.github.crudkit.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Marks a field that clients may write but never read back, such as a hero's secret name.
 * <p>
 * On a request record it is accepted in JSON and never written out (it is a Jackson
 * {@code @JsonProperty(access = WRITE_ONLY)}, so the OpenAPI schema marks it
 * {@code writeOnly}); on an entity field it may not be used as a sort key;
 * {@link Models#toString(Record)} masks it; and a {@link PublicModel} that carries one
 * fails start-up.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JacksonAnnotationsInside
@JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
public @interface WriteOnly {

}
