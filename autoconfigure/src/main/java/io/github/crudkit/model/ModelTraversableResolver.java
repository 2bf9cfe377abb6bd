package io.github.crudkit.model;

import java.lang.annotation.ElementType;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.Configuration;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.jspecify.annotations.Nullable;

/**
 * A Bean Validation {@link TraversableResolver} that asks JPA whether a property is
 * loaded only when the object holding it is a JPA type ({@code @Entity},
 * {@code @Embeddable}, {@code @MappedSuperclass}, or a subclass such as a Hibernate
 * proxy), and answers "traversable" at once for everything else.
 * <p>
 * With JPA on the class path, Hibernate Validator's default resolver calls
 * {@code Persistence.getPersistenceUtil().isLoaded(...)} for every property of every
 * object it validates, which asks each persistence provider in turn. For a Create or
 * Update record (never a JPA type) the answer is always "loaded", so the call is pure
 * cost: it was 10 % of the CPU of a 1,000-hero bulk create in crudkit's benchmark. The
 * answers are the same as the default resolver's; only the work to reach them differs.
 *
 * @since 0.1.0
 */
public final class ModelTraversableResolver implements TraversableResolver {

	private static final ClassValue<Boolean> JPA_TYPES = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			for (Class<?> candidate = type; candidate != null
					&& candidate != Object.class; candidate = candidate.getSuperclass()) {
				if (candidate.isAnnotationPresent(Entity.class) || candidate.isAnnotationPresent(Embeddable.class)
						|| candidate.isAnnotationPresent(MappedSuperclass.class)) {
					return true;
				}
			}
			return false;
		}

	};

	/**
	 * Hibernate Validator's switch for its per-validation cache of traversable-resolver
	 * answers.
	 */
	static final String RESULT_CACHE_PROPERTY = "hibernate.validator.enable_traversable_resolver_result_cache";

	private final TraversableResolver jpaTypes;

	/**
	 * Create a resolver.
	 * @param jpaTypes the resolver that answers for JPA types, normally the provider's
	 * default ({@code Configuration.getDefaultTraversableResolver()})
	 */
	public ModelTraversableResolver(TraversableResolver jpaTypes) {
		this.jpaTypes = jpaTypes;
	}

	/**
	 * Make a Bean Validation configuration use this resolver in front of the provider's
	 * default, and switch off Hibernate Validator's per-validation cache of resolver
	 * answers (a hash map entry per property of every validated object): answering from a
	 * {@link ClassValue} costs less than the cache. Providers other than Hibernate
	 * Validator ignore that property.
	 * @param configuration the configuration, before its factory is built
	 */
	public static void applyTo(Configuration<?> configuration) {
		configuration.traversableResolver(new ModelTraversableResolver(configuration.getDefaultTraversableResolver()));
		configuration.addProperty(RESULT_CACHE_PROPERTY, "false");
	}

	/**
	 * Return whether the class is a JPA type or a subclass of one.
	 * @param type the class
	 * @return whether JPA's view of it is needed
	 */
	public static boolean isJpaType(Class<?> type) {
		return JPA_TYPES.get(type);
	}

	@Override
	public boolean isReachable(@Nullable Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
			Path pathToTraversableObject, ElementType elementType) {
		return traversableObject == null || !isJpaType(traversableObject.getClass()) || this.jpaTypes
			.isReachable(traversableObject, traversableProperty, rootBeanType, pathToTraversableObject, elementType);
	}

	@Override
	public boolean isCascadable(@Nullable Object traversableObject, Path.Node traversableProperty,
			Class<?> rootBeanType, Path pathToTraversableObject, ElementType elementType) {
		return traversableObject == null || !isJpaType(traversableObject.getClass()) || this.jpaTypes
			.isCascadable(traversableObject, traversableProperty, rootBeanType, pathToTraversableObject, elementType);
	}

}
