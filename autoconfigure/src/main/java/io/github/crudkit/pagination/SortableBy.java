package io.github.crudkit.pagination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@code Pageable} parameter of a list endpoint, the properties clients
 * may sort by. Any other {@code sort} property (or a
 * {@link io.github.crudkit.model.WriteOnly write-only} one) is a {@code 400} naming it;
 * every order ends with {@link #tieBreaker()} so that pages are stable.
 * <pre class="code">
 * PagedModel&lt;HeroPublic&gt; list(&#064;SortableBy(value = { "name", "age", "createdAt", "id" }, ignoreCase = "name", entity = Hero.class) Pageable pageable)
 * </pre> A whitelist that several endpoints share is named once, as an annotation of its
 * own that carries {@code @SortableBy}: <pre class="code">
 * &#064;Target(ElementType.PARAMETER)
 * &#064;Retention(RetentionPolicy.RUNTIME)
 * &#064;SortableBy(value = { "name", "age", "createdAt", "id" }, ignoreCase = "name", entity = Hero.class)
 * &#064;interface HeroSort {
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.PARAMETER, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SortableBy {

	/**
	 * The properties clients may sort by, as the API names them.
	 * @return the whitelist
	 */
	String[] value();

	/**
	 * The properties of {@link #value()} that order regardless of case, such as names.
	 * @return the case-insensitive properties
	 */
	String[] ignoreCase() default {};

	/**
	 * The order when the request gives none: {@code property[,asc|desc]}, repeatable.
	 * @return the default order
	 */
	String[] defaultSort() default { "id" };

	/**
	 * The unique property appended to every order (unless already in it) so that equal
	 * values never reorder between pages.
	 * @return the tie-breaker
	 */
	String tieBreaker() default "id";

	/**
	 * The entity whose properties these are; when given, start-up fails if one of them
	 * does not exist on it or is write-only.
	 * @return the entity class, or {@code void.class} for no check
	 */
	Class<?> entity() default void.class;

	/**
	 * The properties of {@link #value()} that are no attribute of {@link #entity()}: the
	 * query orders them by an expression of its own (crudkit's {@code SortExpressions},
	 * the level at which a hero holds a power, say). They are exempt from the entity
	 * check.
	 * @return the computed properties
	 */
	String[] computed() default {};

}
