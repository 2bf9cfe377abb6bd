package io.github.crudkit.sample.power;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A tag of a power: lower-case letters, digits and dashes, 1 to 30 characters, starting
 * with a letter or digit. One constraint shared by the Create and Update records; on a
 * list element it names the element ({@code tags[3]}).
 */
@Documented
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@NotNull
@Pattern(regexp = Tags.PATTERN)
public @interface PowerTag {

	/**
	 * The message.
	 * @return the message
	 */
	String message() default "must match " + Tags.PATTERN;

	/**
	 * The groups.
	 * @return the groups
	 */
	Class<?>[] groups() default {};

	/**
	 * The payload.
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

}
