package io.github.crudkit.advisor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Silences findings of the {@link MappingAdvisor} by code: on an entity (or a Spring Data
 * repository), every finding of those codes about it; on a field or getter, the findings
 * about that attribute. <pre class="code">
 * &#64;SuppressAdvice(value = "CK-M005", reason = "rows are written once, by one importer")
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SuppressAdvice {

	/**
	 * Return the codes to silence, for example {@code CK-M003}.
	 * @return the codes
	 */
	String[] value();

	/**
	 * Return why the advice does not apply here, for the next reader.
	 * @return the reason
	 */
	String reason() default "";

}
