package io.github.crudkit.pagination;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.crudkit.model.WriteOnly;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;

/**
 * The sort rules of one list endpoint, built from its {@link SortableBy}: which
 * properties are allowed, the default order and the tie-breaker.
 *
 * @since 0.1.0
 */
public final class SortPolicy {

	private final Set<String> allowed;

	private final Sort defaultSort;

	private final String tieBreaker;

	private final Set<String> writeOnly;

	private final Set<String> ignoreCase;

	private SortPolicy(Set<String> allowed, Sort defaultSort, String tieBreaker, Set<String> writeOnly,
			Set<String> ignoreCase) {
		this.ignoreCase = ignoreCase;
		this.allowed = allowed;
		this.defaultSort = defaultSort;
		this.tieBreaker = tieBreaker;
		this.writeOnly = writeOnly;
	}

	/**
	 * Build the policy of an annotation, checking it against its entity when it names
	 * one.
	 * @param sortableBy the annotation
	 * @return the policy
	 * @throws IllegalStateException if the annotation names a property its entity lacks
	 * or a write-only one
	 */
	public static SortPolicy of(SortableBy sortableBy) {
		List<String> problems = problems(sortableBy);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(String.join("; ", problems));
		}
		return build(sortableBy.value(), sortableBy.defaultSort(), sortableBy.tieBreaker(), sortableBy.entity(),
				sortableBy.ignoreCase());
	}

	/**
	 * Build a policy, checking it against its entity when one is given; every property
	 * orders by its value as it is.
	 * @param properties the properties clients may sort by
	 * @param defaultOrder the order when the request gives none,
	 * {@code property[,asc|desc]} each
	 * @param tieBreaker the unique property appended to every order
	 * @param entity the entity whose properties these are, or {@code void.class} for no
	 * check
	 * @return the policy
	 * @throws IllegalStateException if a property is missing from the entity or
	 * write-only
	 */
	public static SortPolicy of(String[] properties, String[] defaultOrder, String tieBreaker, Class<?> entity) {
		return of(properties, defaultOrder, tieBreaker, entity, new String[0]);
	}

	/**
	 * Build a policy, checking it against its entity when one is given.
	 * @param properties the properties clients may sort by
	 * @param defaultOrder the order when the request gives none,
	 * {@code property[,asc|desc]} each
	 * @param tieBreaker the unique property appended to every order
	 * @param entity the entity whose properties these are, or {@code void.class} for no
	 * check
	 * @param ignoreCase the properties that order regardless of case
	 * @return the policy
	 * @throws IllegalStateException if a property is missing from the entity or
	 * write-only, or a case-insensitive property is not allowed
	 */
	public static SortPolicy of(String[] properties, String[] defaultOrder, String tieBreaker, Class<?> entity,
			String[] ignoreCase) {
		List<String> problems = problems(properties, defaultOrder, tieBreaker, entity, ignoreCase);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(String.join("; ", problems));
		}
		return build(properties, defaultOrder, tieBreaker, entity, ignoreCase);
	}

	private static SortPolicy build(String[] properties, String[] defaultOrder, String tieBreaker, Class<?> entity,
			String[] ignoreCase) {
		Set<String> allowed = new LinkedHashSet<>(Arrays.asList(properties));
		Set<String> caseInsensitive = Set.of(ignoreCase);
		Set<String> writeOnly = (entity != void.class) ? writeOnlyFields(entity) : Set.of();
		Set<String> allowedByDefault = new LinkedHashSet<>(allowed);
		allowedByDefault.add(tieBreaker);
		Sort defaultSort = new SortPolicy(allowedByDefault, Sort.unsorted(), tieBreaker, writeOnly, caseInsensitive)
			.parse(Arrays.asList(defaultOrder));
		return new SortPolicy(allowed, defaultSort, tieBreaker, writeOnly, caseInsensitive);
	}

	/**
	 * Return every problem of an annotation, checked against its entity when it names
	 * one.
	 * @param sortableBy the annotation
	 * @return one line per problem, empty when the annotation is sound
	 */
	public static List<String> problems(SortableBy sortableBy) {
		return problems(sortableBy.value(), sortableBy.defaultSort(), sortableBy.tieBreaker(), sortableBy.entity(),
				sortableBy.ignoreCase(), sortableBy.computed());
	}

	/**
	 * Return every problem of a whitelist: a property its entity lacks (a dotted path
	 * such as {@code author.name} is followed through the entity's to-one relations), a
	 * write-only one, a case-insensitive property outside the whitelist, a default order
	 * outside it.
	 * @param properties the properties clients may sort by
	 * @param defaultOrder the order when the request gives none
	 * @param tieBreaker the unique property appended to every order
	 * @param entity the entity whose properties these are, or {@code void.class} for no
	 * check
	 * @param ignoreCase the properties that order regardless of case
	 * @return one line per problem, empty when the whitelist is sound
	 */
	public static List<String> problems(String[] properties, String[] defaultOrder, String tieBreaker, Class<?> entity,
			String[] ignoreCase) {
		return problems(properties, defaultOrder, tieBreaker, entity, ignoreCase, new String[0]);
	}

	/**
	 * Return every problem of a whitelist with computed properties: as
	 * {@link #problems(String[], String[], String, Class, String[])}, the computed
	 * properties exempt from the entity check and required to be in the whitelist.
	 * @param properties the properties clients may sort by
	 * @param defaultOrder the order when the request gives none
	 * @param tieBreaker the unique property appended to every order
	 * @param entity the entity whose properties these are, or {@code void.class} for no
	 * check
	 * @param ignoreCase the properties that order regardless of case
	 * @param computed the properties the query orders by expressions of its own
	 * @return one line per problem, empty when the whitelist is sound
	 */
	public static List<String> problems(String[] properties, String[] defaultOrder, String tieBreaker, Class<?> entity,
			String[] ignoreCase, String[] computed) {
		List<String> problems = new ArrayList<>();
		Set<String> allowed = new LinkedHashSet<>(Arrays.asList(properties));
		Set<String> expressions = new LinkedHashSet<>(Arrays.asList(computed));
		for (String property : expressions) {
			if (!allowed.contains(property)) {
				problems.add("@SortableBy's computed names '" + property + "', which is not among " + allowed);
			}
		}
		if (entity != void.class) {
			for (String property : allowed) {
				if (expressions.contains(property)) {
					continue;
				}
				Field field = findPath(entity, property);
				if (field == null) {
					problems.add("@SortableBy names '" + property + "', which " + entity.getName() + " does not have");
				}
				else if (field.isAnnotationPresent(WriteOnly.class)) {
					problems.add("@SortableBy names '" + property + "' of " + entity.getName()
							+ ", which is write-only and may not be a sort key");
				}
			}
		}
		for (String property : ignoreCase) {
			if (!allowed.contains(property)) {
				problems.add("@SortableBy's ignoreCase names '" + property + "', which is not among " + allowed);
			}
		}
		Set<String> allowedByDefault = new LinkedHashSet<>(allowed);
		allowedByDefault.add(tieBreaker);
		try {
			new SortPolicy(allowedByDefault, Sort.unsorted(), tieBreaker, Set.of(), Set.of())
				.parse(Arrays.asList(defaultOrder));
		}
		catch (InvalidPageRequestException ex) {
			problems.add("@SortableBy's default sort " + Arrays.toString(defaultOrder) + " names a property outside "
					+ allowed);
		}
		return problems;
	}

	/**
	 * Return the allowed properties.
	 * @return the whitelist, in declaration order
	 */
	public Set<String> allowed() {
		return this.allowed;
	}

	/**
	 * Return the order requested by the {@code sort} parameters, or the default, always
	 * ending with the tie-breaker.
	 * @param sortParameters the values of the {@code sort} query parameter
	 * @return the order
	 * @throws InvalidPageRequestException if a property is not allowed or a direction is
	 * not {@code asc} or {@code desc}
	 */
	public Sort resolve(List<String> sortParameters) {
		Sort requested = parse(sortParameters);
		Sort sort = requested.isSorted() ? requested : this.defaultSort;
		if (sort.getOrderFor(this.tieBreaker) == null) {
			sort = sort.and(Sort.by(this.tieBreaker));
		}
		return sort;
	}

	private Sort parse(List<String> sortParameters) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String parameter : sortParameters) {
			if (parameter == null || parameter.isBlank()) {
				continue;
			}
			List<String> parts = new ArrayList<>(Arrays.asList(parameter.split(",", -1)));
			Sort.Direction direction = Sort.Direction.ASC;
			if (parts.size() > 1) {
				String last = parts.get(parts.size() - 1).strip().toLowerCase(Locale.ROOT);
				if (last.equals("asc") || last.equals("desc")) {
					direction = last.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
					parts.remove(parts.size() - 1);
				}
			}
			for (String part : parts) {
				String property = part.strip();
				if (!this.allowed.contains(property)) {
					throw new InvalidPageRequestException("sort", describe(property));
				}
				if (orders.stream().noneMatch((order) -> order.getProperty().equals(property))) {
					Sort.Order order = new Sort.Order(direction, property);
					orders.add(this.ignoreCase.contains(property) ? order.ignoreCase() : order);
				}
			}
		}
		return Sort.by(orders);
	}

	private String describe(String property) {
		if (property.isEmpty() || property.equalsIgnoreCase("asc") || property.equalsIgnoreCase("desc")) {
			return "Sort must be property[,asc|desc] with a property among: " + String.join(", ", this.allowed) + ".";
		}
		// The refused key is never echoed: it may name a write-only field (of this entity
		// or, in any spelling,
		// another one), and a response is no place for reflected input.
		return "Cannot sort by that property; allowed: " + String.join(", ", this.allowed) + ".";
	}

	private static Set<String> writeOnlyFields(Class<?> entity) {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> candidate = entity; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
			for (Field field : candidate.getDeclaredFields()) {
				if (field.isAnnotationPresent(WriteOnly.class)) {
					names.add(field.getName());
				}
			}
		}
		return Set.copyOf(names);
	}

	/**
	 * Follow a dotted path through the fields of an entity and the types of its to-one
	 * relations ({@code author.name}).
	 */
	private static @Nullable Field findPath(Class<?> entity, String path) {
		Class<?> type = entity;
		Field field = null;
		for (String name : path.split("\\.", -1)) {
			field = (type != null) ? findField(type, name) : null;
			if (field == null) {
				return null;
			}
			type = field.getType();
		}
		return field;
	}

	private static @Nullable Field findField(Class<?> type, String name) {
		for (Class<?> candidate = type; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
			try {
				return candidate.getDeclaredField(name);
			}
			catch (NoSuchFieldException ex) {
				// Look in the superclass.
			}
		}
		return null;
	}

}
