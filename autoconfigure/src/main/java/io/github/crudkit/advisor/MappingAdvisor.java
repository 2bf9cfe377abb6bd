package io.github.crudkit.advisor;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.metamodel.CollectionClassification;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.CompositeIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SoftDeleteMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Reads Hibernate's mapping model (and, given a data source, PostgreSQL's catalogue) and
 * reports the mapping choices that make a JPA service slow or wrong, each an
 * {@link Advice} with its {@link AdviceCode code}, why it matters and the fix. A finding
 * is silenced by {@link SuppressAdvice} on the entity, attribute or repository, or by
 * {@link #suppressing(Collection) name}: {@code CK-M005} (everywhere),
 * {@code CK-M005:Entity} or {@code CK-M001:Entity.attribute}. <pre class="code">
 * List&lt;Advice&gt; findings = MappingAdvisor.of(applicationContext).advise();
 * </pre>
 *
 * @since 0.1.0
 */
public final class MappingAdvisor {

	/**
	 * The property that lists suppressed findings, which {@link #of(ApplicationContext)}
	 * reads.
	 */
	public static final String SUPPRESS_PROPERTY = "crudkit.advisor.suppress";

	private static final Pattern JOIN_FETCH = Pattern.compile("(?i)\\bjoin\\s+fetch\\s+\\w+\\.(\\w+)");

	private static final Pattern QUERY_NAME = Pattern.compile("^(find|read|get|query|search|stream|list).*");

	private static final Pattern BOUNDED_NAME = Pattern
		.compile("^(find|read|get|query|search|stream)(First|Top)\\d*.*");

	private static final Set<String> SOFT_DELETE_COLUMNS = Set.of("deleted", "is_deleted", "deleted_at", "deleted_on");

	private static final Set<String> CREATION_TIMESTAMPS = Set.of("org.hibernate.annotations.CreationTimestamp",
			"org.springframework.data.annotation.CreatedDate");

	private static final Set<String> UPDATE_TIMESTAMPS = Set.of("org.hibernate.annotations.UpdateTimestamp",
			"org.springframework.data.annotation.LastModifiedDate");

	private final EntityManagerFactory entityManagerFactory;

	private final @Nullable DataSource dataSource;

	private final Map<Class<?>, Class<?>> repositories;

	private final Set<String> suppressions;

	private MappingAdvisor(EntityManagerFactory entityManagerFactory, @Nullable DataSource dataSource,
			Map<Class<?>, Class<?>> repositories, Set<String> suppressions) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.repositories = repositories;
		this.suppressions = suppressions;
	}

	/**
	 * Advise on the mappings of an entity manager factory (Hibernate), without a
	 * database: the rules that read the catalogue ({@link AdviceCode#SEQUENCE_INCREMENT},
	 * {@link AdviceCode#SOFT_DELETE_PLAIN_UNIQUE}) need {@link #withDataSource}.
	 * @param entityManagerFactory the entity manager factory
	 * @return the advisor
	 */
	public static MappingAdvisor of(EntityManagerFactory entityManagerFactory) {
		return new MappingAdvisor(entityManagerFactory, null, Map.of(), Set.of());
	}

	/**
	 * Advise on an application as crudkit's start-up check does: its entity manager
	 * factory and data source, its Spring Data repositories, and the suppressions of
	 * {@value #SUPPRESS_PROPERTY}.
	 * @param context the application context
	 * @return the advisor
	 */
	public static MappingAdvisor of(ApplicationContext context) {
		EntityManagerFactory entityManagerFactory = context.getBean(EntityManagerFactory.class);
		MappingAdvisor advisor = of(entityManagerFactory);
		DataSource dataSource = context.getBeanProvider(DataSource.class).getIfUnique();
		if (dataSource != null) {
			advisor = advisor.withDataSource(dataSource);
		}
		if (ClassUtils.isPresent("org.springframework.data.repository.support.Repositories",
				MappingAdvisor.class.getClassLoader())) {
			advisor = advisor.withRepositories(SpringDataRepositories.of(context));
		}
		List<String> suppressed = Binder.get(context.getEnvironment())
			.bind(SUPPRESS_PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of());
		return advisor.suppressing(suppressed);
	}

	/**
	 * Return an advisor that also reads the database: the increments of sequences and the
	 * unique indexes of soft-deleted entities (PostgreSQL; other databases are not read).
	 * @param dataSource the data source of the migrated database
	 * @return a new advisor
	 */
	public MappingAdvisor withDataSource(DataSource dataSource) {
		return new MappingAdvisor(this.entityManagerFactory, dataSource, this.repositories, this.suppressions);
	}

	/**
	 * Return an advisor that also judges repositories ({@link AdviceCode#UNBOUNDED_LIST}
	 * and the fetch plans of {@link AdviceCode#BAGS_FETCHED_TOGETHER}).
	 * @param repositories each repository interface with its entity type
	 * @return a new advisor
	 */
	public MappingAdvisor withRepositories(Map<Class<?>, Class<?>> repositories) {
		return new MappingAdvisor(this.entityManagerFactory, this.dataSource, Map.copyOf(repositories),
				this.suppressions);
	}

	/**
	 * Return an advisor that silences more findings.
	 * @param suppressions codes ({@code CK-M005}), codes for an entity
	 * ({@code CK-M005:Hero}) or for an attribute ({@code CK-M001:Hero.team})
	 * @return a new advisor
	 */
	public MappingAdvisor suppressing(Collection<String> suppressions) {
		Set<String> all = new LinkedHashSet<>(this.suppressions);
		suppressions.stream().map(String::strip).filter((name) -> !name.isEmpty()).forEach(all::add);
		return new MappingAdvisor(this.entityManagerFactory, this.dataSource, this.repositories, Set.copyOf(all));
	}

	/**
	 * Read the mappings once and return every finding that is not suppressed.
	 * @return the findings, by entity and code; empty when there are none
	 */
	public List<Advice> advise() {
		SessionFactoryImplementor sessionFactory = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		List<EntityPersister> entities = new ArrayList<>();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor(entities::add);
		entities.sort(Comparator.comparing(EntityPersister::getEntityName));
		Pass pass = new Pass(entities);
		for (EntityPersister entity : entities) {
			pass.entity(entity);
		}
		if (this.dataSource != null) {
			pass.catalogue(this.dataSource);
		}
		for (Map.Entry<Class<?>, Class<?>> repository : this.repositories.entrySet()) {
			pass.repository(repository.getKey(), repository.getValue());
		}
		pass.pagedRepositories();
		return pass.findings.stream()
			.filter((advice) -> !isSuppressed(advice, pass))
			.sorted(Comparator.comparing(Advice::entity)
				.thenComparing(Advice::code)
				.thenComparing((advice) -> String.valueOf(advice.attribute())))
			.toList();
	}

	private boolean isSuppressed(Advice advice, Pass pass) {
		String code = advice.code().code();
		if (this.suppressions.contains(code) || this.suppressions.contains(code + ":" + advice.entity())
				|| this.suppressions.contains(code + ":" + advice.location())) {
			return true;
		}
		for (AnnotatedElement element : pass.elements(advice)) {
			SuppressAdvice suppress = element.getAnnotation(SuppressAdvice.class);
			if (suppress != null && Arrays.asList(suppress.value()).contains(code)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One reading of the mappings.
	 */
	private static final class Pass {

		private final List<EntityPersister> entities;

		private final List<Advice> findings = new ArrayList<>();

		private final Map<String, Class<?>> classes = new LinkedHashMap<>();

		private final Map<Advice, List<AnnotatedElement>> elements = new LinkedHashMap<>();

		private final Map<Class<?>, List<String>> pagedBy = new LinkedHashMap<>();

		private final Map<Class<?>, Map<Class<?>, List<String>>> unbounded = new LinkedHashMap<>();

		private final boolean timestampsInUse;

		Pass(List<EntityPersister> entities) {
			this.entities = entities;
			entities.forEach((entity) -> this.classes.put(name(entity), entity.getMappedClass()));
			this.timestampsInUse = entities.stream().anyMatch((entity) -> hasTimestamps(entity.getMappedClass()));
		}

		List<AnnotatedElement> elements(Advice advice) {
			return this.elements.getOrDefault(advice, List.of());
		}

		private void add(AdviceCode code, EntityPersister entity, @Nullable String attribute, String problem,
				AnnotatedElement... where) {
			Advice advice = new Advice(code, name(entity), attribute, problem);
			this.findings.add(advice);
			List<AnnotatedElement> annotated = new ArrayList<>(List.of(where));
			annotated.add(entity.getMappedClass());
			if (attribute != null) {
				Field field = field(entity.getMappedClass(), attribute);
				if (field != null) {
					annotated.add(field);
				}
				Method getter = getter(entity.getMappedClass(), attribute);
				if (getter != null) {
					annotated.add(getter);
				}
			}
			this.elements.put(advice, annotated);
		}

		void entity(EntityPersister entity) {
			for (AttributeMapping attribute : attributes(entity)) {
				if (attribute.getDeclaringType() != entity) {
					continue;
				}
				// Hibernate requires a to-one whose target is soft-deleted to be EAGER
				// (it
				// must see whether the target is deleted): nothing to advise there.
				if (attribute instanceof ToOneAttributeMapping toOne
						&& toOne.getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE
						&& toOne.getAssociatedEntityMappingType().getSoftDeleteMapping() == null) {
					add(AdviceCode.EAGER_TO_ONE, entity, attribute.getAttributeName(),
							"the association to " + name(toOne.getAssociatedEntityMappingType()) + " is EAGER");
				}
				if (attribute instanceof PluralAttributeMapping plural) {
					collection(entity, plural);
				}
			}
			if (entity.getRootEntityDescriptor() == entity) {
				root(entity);
			}
			bags(entity);
		}

		private void collection(EntityPersister entity, PluralAttributeMapping plural) {
			String name = plural.getAttributeName();
			if (plural.getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE) {
				add(AdviceCode.EAGER_COLLECTION, entity, name, "the collection is EAGER");
			}
			EntityMappingType element = elementEntity(plural);
			if (element == null || plural.getCollectionDescriptor().isInverse()) {
				return;
			}
			Field field = field(entity.getMappedClass(), name);
			boolean manyToMany = (field != null) ? field.isAnnotationPresent(ManyToMany.class)
					: plural.getCollectionDescriptor().isManyToMany();
			if (manyToMany) {
				CascadeStyle cascade = plural.getAttributeMetadata().getCascadeStyle();
				if (cascade != null && cascade.doCascade(CascadingActions.REMOVE)) {
					add(AdviceCode.CASCADE_REMOVE_MANY_TO_MANY, entity, name,
							"the @ManyToMany to " + name(element) + " cascades REMOVE");
				}
				for (AttributeMapping other : attributes(element)) {
					if (other != plural && other instanceof PluralAttributeMapping back && isManyToMany(element, back)
							&& !back.getCollectionDescriptor().isInverse()
							&& isSameHierarchy(elementEntity(back), entity) && (name(entity) + "." + name)
								.compareTo(name(element) + "." + back.getAttributeName()) <= 0) {
						add(AdviceCode.BIDIRECTIONAL_WITHOUT_MAPPED_BY, entity, name,
								"both " + name(entity) + "." + name + " and " + name(element) + "."
										+ back.getAttributeName() + " own the @ManyToMany (neither has mappedBy)");
					}
				}
			}
			else {
				for (AttributeMapping other : attributes(element)) {
					if (other instanceof ToOneAttributeMapping back
							&& isSameHierarchy(back.getAssociatedEntityMappingType(), entity) && back
								.getSideNature() == org.hibernate.metamodel.mapping.ForeignKeyDescriptor.Nature.KEY) {
						add(AdviceCode.BIDIRECTIONAL_WITHOUT_MAPPED_BY, entity, name,
								"the @OneToMany has no mappedBy, and " + name(element) + "." + back.getAttributeName()
										+ " maps the same relationship from the other side");
						break;
					}
				}
			}
		}

		private void root(EntityPersister entity) {
			Generator generator = entity.getGenerator();
			String id = entity.getIdentifierMapping().getAttributeName();
			if (generator != null && generator.getClass().getSimpleName().equals("IdentityGenerator")) {
				add(AdviceCode.IDENTITY_ID, entity, id, "the id is generated by an IDENTITY column");
			}
			if (!entity.isMutable()) {
				return;
			}
			List<EntityMappingType> owners = linkedEntities(entity);
			if (!entity.isVersioned()
					&& owners.stream().noneMatch((owner) -> owner.getEntityPersister().isVersioned())) {
				add(AdviceCode.NO_VERSION, entity, null, "the entity has no @Version attribute");
			}
			if (this.timestampsInUse && !hasTimestamps(entity.getMappedClass()) && owners.stream()
				.noneMatch((owner) -> hasTimestamps(owner.getMappedJavaType().getJavaTypeClass()))) {
				add(AdviceCode.NO_TIMESTAMPS, entity, null,
						"the entity has no creation and update timestamps, which other entities have");
			}
		}

		/**
		 * Return the entities that an association entity links, when the entity is one:
		 * its id is composite and made of the foreign keys of its to-one associations.
		 */
		private static List<EntityMappingType> linkedEntities(EntityPersister entity) {
			if (!(entity.getIdentifierMapping() instanceof CompositeIdentifierMapping composite)) {
				return List.of();
			}
			Set<String> idColumns = new HashSet<>();
			composite.forEachSelectable((index, selectable) -> idColumns.add(selectable.getSelectionExpression()));
			List<ToOneAttributeMapping> toOnes = new ArrayList<>();
			Stream.concat(attributes(entity).stream(), attributes(composite.getPartMappingType()).stream())
				.filter(ToOneAttributeMapping.class::isInstance)
				.map(ToOneAttributeMapping.class::cast)
				.forEach(toOnes::add);
			Set<String> keyColumns = new HashSet<>();
			for (ToOneAttributeMapping toOne : toOnes) {
				toOne.getForeignKeyDescriptor()
					.getKeyPart()
					.forEachSelectable((index, selectable) -> keyColumns.add(selectable.getSelectionExpression()));
			}
			if (idColumns.size() < 2 || !keyColumns.containsAll(idColumns)) {
				return List.of();
			}
			return toOnes.stream().map(ToOneAttributeMapping::getAssociatedEntityMappingType).toList();
		}

		private void bags(EntityPersister entity) {
			List<String> bags = new ArrayList<>();
			List<String> eager = new ArrayList<>();
			for (AttributeMapping attribute : attributes(entity)) {
				if (attribute instanceof PluralAttributeMapping plural && plural.getCollectionDescriptor()
					.getCollectionSemantics()
					.getCollectionClassification() == CollectionClassification.BAG) {
					bags.add(plural.getAttributeName());
					if (plural.getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE) {
						eager.add(plural.getAttributeName());
					}
				}
			}
			if (bags.size() < 2) {
				return;
			}
			if (eager.size() >= 2) {
				add(AdviceCode.BAGS_FETCHED_TOGETHER, entity, String.join(", ", eager),
						"the bags " + String.join(" and ", eager) + " are both EAGER");
				return;
			}
			for (NamedEntityGraph graph : entity.getMappedClass().getAnnotationsByType(NamedEntityGraph.class)) {
				List<String> together = Arrays.stream(graph.attributeNodes())
					.map(NamedAttributeNode::value)
					.filter(bags::contains)
					.toList();
				if (together.size() >= 2) {
					add(AdviceCode.BAGS_FETCHED_TOGETHER, entity, String.join(", ", together),
							"the bags " + String.join(" and ", together) + " are fetched together by the entity graph "
									+ graph.name());
					return;
				}
			}
		}

		void repository(Class<?> repository, Class<?> domain) {
			EntityPersister entity = entity(domain);
			if (entity == null) {
				return;
			}
			List<String> bags = new ArrayList<>();
			for (AttributeMapping attribute : attributes(entity)) {
				if (attribute instanceof PluralAttributeMapping plural && plural.getCollectionDescriptor()
					.getCollectionSemantics()
					.getCollectionClassification() == CollectionClassification.BAG) {
					bags.add(plural.getAttributeName());
				}
			}
			Method[] methods = repository.getMethods();
			Arrays.sort(methods, Comparator.comparing(MappingAdvisor::signature));
			for (Method method : methods) {
				if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.isBridge()) {
					continue;
				}
				boolean declared = !method.getDeclaringClass().getName().startsWith("org.springframework.data.");
				if (declared && bags.size() >= 2) {
					fetchPlan(entity, repository, method, bags);
				}
				if (declared && isPaged(method)) {
					this.pagedBy.computeIfAbsent(domain, (key) -> new ArrayList<>())
						.add(repository.getSimpleName() + "." + signature(method));
				}
				if (isUnbounded(method, repository, domain)) {
					this.unbounded.computeIfAbsent(domain, (key) -> new LinkedHashMap<>())
						.computeIfAbsent(repository, (key) -> new ArrayList<>())
						.add(signature(method));
				}
			}
		}

		private void fetchPlan(EntityPersister entity, Class<?> repository, Method method, List<String> bags) {
			Set<String> together = new LinkedHashSet<>();
			for (Annotation annotation : method.getAnnotations()) {
				String type = annotation.annotationType().getName();
				if (type.equals("org.springframework.data.jpa.repository.Query")) {
					Matcher matcher = JOIN_FETCH.matcher(String.valueOf(attribute(annotation, "value")));
					while (matcher.find()) {
						if (bags.contains(matcher.group(1))) {
							together.add(matcher.group(1));
						}
					}
				}
				if (type.equals("org.springframework.data.jpa.repository.EntityGraph")
						&& attribute(annotation, "attributePaths") instanceof String[] paths) {
					Arrays.stream(paths).filter(bags::contains).forEach(together::add);
				}
			}
			if (together.size() >= 2) {
				add(AdviceCode.BAGS_FETCHED_TOGETHER, entity, String.join(", ", together),
						"the bags " + String.join(" and ", together) + " are fetched together by "
								+ repository.getSimpleName() + "." + signature(method),
						repository, method);
			}
		}

		void pagedRepositories() {
			this.unbounded.forEach((domain, byRepository) -> {
				List<String> paged = this.pagedBy.get(domain);
				EntityPersister entity = entity(domain);
				if (paged == null || entity == null) {
					return;
				}
				byRepository.forEach((repository, methods) -> add(AdviceCode.UNBOUNDED_LIST, entity,
						repository.getSimpleName(), String.join(", ", methods) + " return every " + name(entity)
								+ " row, and " + name(entity) + " is read in pages (" + String.join(", ", paged) + ")",
						repository));
			});
		}

		void catalogue(DataSource dataSource) {
			try (Connection connection = dataSource.getConnection()) {
				if (!AdvisorCatalog.isPostgres(connection)) {
					return;
				}
				Map<String, Long> increments = AdvisorCatalog.sequenceIncrements(connection);
				for (EntityPersister entity : this.entities) {
					if (entity.getRootEntityDescriptor() == entity) {
						sequence(entity, increments);
					}
					softDelete(entity, connection);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The mapping advisor cannot read the database: " + ex.getMessage(), ex);
			}
		}

		private void sequence(EntityPersister entity, Map<String, Long> increments) {
			if (!(entity.getGenerator() instanceof SequenceStyleGenerator generator)
					|| !generator.getDatabaseStructure().isPhysicalSequence()) {
				return;
			}
			var name = generator.getDatabaseStructure().getPhysicalName();
			String sequence = name.getObjectName().getText().toLowerCase(Locale.ROOT);
			String key = (name.getSchemaName() != null)
					? name.getSchemaName().getText().toLowerCase(Locale.ROOT) + "." + sequence : sequence;
			Long increment = increments.get(key);
			int allocation = generator.getDatabaseStructure().getIncrementSize();
			if (increment != null && increment != allocation) {
				add(AdviceCode.SEQUENCE_INCREMENT, entity, entity.getIdentifierMapping().getAttributeName(),
						"the allocation size is " + allocation + " but the sequence " + key + " increments by "
								+ increment);
			}
		}

		private void softDelete(EntityPersister entity, Connection connection) throws SQLException {
			String table = entity.getIdentifierTableDetails().getTableName();
			String column = null;
			SoftDeleteMapping softDelete = entity.getSoftDeleteMapping();
			if (softDelete != null && entity.getRootEntityDescriptor() == entity) {
				column = softDelete.getColumnName();
			}
			else if (entity.getRootEntityDescriptor() == entity) {
				for (AttributeMapping attribute : attributes(entity)) {
					if (attribute.getJdbcTypeCount() == 1 && !(attribute instanceof PluralAttributeMapping)
							&& !(attribute instanceof EntityValuedModelPart)) {
						String candidate = attribute.getSelectable(0).getSelectionExpression().toLowerCase(Locale.ROOT);
						if (SOFT_DELETE_COLUMNS.contains(candidate)) {
							column = candidate;
						}
					}
				}
			}
			if (column == null) {
				return;
			}
			String schema = table.contains(".") ? unquote(table.substring(0, table.lastIndexOf('.'))) : null;
			String bare = unquote(table.substring(table.lastIndexOf('.') + 1));
			for (AdvisorCatalog.UniqueIndex index : AdvisorCatalog.uniqueIndexes(connection, schema, bare)) {
				String predicate = index.predicate();
				if (predicate == null
						|| !predicate.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT))) {
					add(AdviceCode.SOFT_DELETE_PLAIN_UNIQUE, entity, null,
							"the unique index " + index.name() + " on " + bare + " is not partial on " + column
									+ ((predicate != null) ? " (WHERE " + predicate + ")" : ""));
				}
			}
		}

		private @Nullable EntityPersister entity(Class<?> type) {
			for (EntityPersister entity : this.entities) {
				if (entity.getMappedClass() == type) {
					return entity;
				}
			}
			return null;
		}

		private static boolean isPaged(Method method) {
			String returned = method.getReturnType().getName();
			return returned.equals("org.springframework.data.domain.Page")
					|| returned.equals("org.springframework.data.domain.Slice")
					|| returned.equals("org.springframework.data.domain.Window")
					|| Arrays.stream(method.getParameterTypes())
						.anyMatch((type) -> type.getName().equals("org.springframework.data.domain.Pageable"));
		}

		private static boolean isUnbounded(Method method, Class<?> repository, Class<?> domain) {
			Class<?> returned = method.getReturnType();
			if (!Iterable.class.isAssignableFrom(returned) && !Stream.class.isAssignableFrom(returned)
					|| isPaged(method) || !QUERY_NAME.matcher(method.getName()).matches()
					|| BOUNDED_NAME.matcher(method.getName()).matches() || method.getName().equals("findAllById")) {
				return false;
			}
			if (Arrays.stream(method.getParameterTypes())
				.anyMatch((type) -> type.getName().equals("org.springframework.data.domain.Limit")
						|| type.getName().equals("org.springframework.data.domain.ScrollPosition"))) {
				return false;
			}
			Class<?> element = ResolvableType.forMethodReturnType(method, repository).getGeneric(0).resolve();
			return element != null && element.isAssignableFrom(domain);
		}

		private static @Nullable Object attribute(Annotation annotation, String name) {
			try {
				return annotation.annotationType().getMethod(name).invoke(annotation);
			}
			catch (ReflectiveOperationException ex) {
				return null;
			}
		}

	}

	private static boolean isManyToMany(EntityMappingType owner, PluralAttributeMapping plural) {
		Field field = field(owner.getMappedJavaType().getJavaTypeClass(), plural.getAttributeName());
		return (field != null) ? field.isAnnotationPresent(ManyToMany.class)
				: plural.getCollectionDescriptor().isManyToMany();
	}

	private static String unquote(String name) {
		return name.startsWith("\"") ? name.replace("\"", "") : name.toLowerCase(Locale.ROOT);
	}

	private static List<AttributeMapping> attributes(ManagedMappingType type) {
		List<AttributeMapping> attributes = new ArrayList<>();
		for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
			attributes.add(type.getAttributeMapping(i));
		}
		return attributes;
	}

	private static boolean isSameHierarchy(@Nullable EntityMappingType type, EntityPersister entity) {
		return type != null && type.getRootEntityDescriptor() == entity.getRootEntityDescriptor();
	}

	private static @Nullable EntityMappingType elementEntity(PluralAttributeMapping plural) {
		return (plural.getElementDescriptor() instanceof EntityValuedModelPart element) ? element.getEntityMappingType()
				: null;
	}

	private static String name(EntityMappingType entity) {
		return entity.getMappedJavaType().getJavaTypeClass().getSimpleName();
	}

	static boolean hasTimestamps(Class<?> type) {
		boolean created = false;
		boolean updated = false;
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				created |= annotated(field, CREATION_TIMESTAMPS);
				updated |= annotated(field, UPDATE_TIMESTAMPS);
			}
			for (Method method : current.getDeclaredMethods()) {
				created |= annotated(method, CREATION_TIMESTAMPS);
				updated |= annotated(method, UPDATE_TIMESTAMPS);
			}
		}
		return created && updated;
	}

	private static boolean annotated(AnnotatedElement element, Set<String> names) {
		return Arrays.stream(element.getAnnotations())
			.anyMatch((annotation) -> names.contains(annotation.annotationType().getName()));
	}

	private static @Nullable Field field(Class<?> type, String name) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					return field;
				}
			}
		}
		return null;
	}

	private static @Nullable Method getter(Class<?> type, String name) {
		String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() == 0
					&& (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))) {
				return method;
			}
		}
		return null;
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * The Spring Data repositories of an application, where Spring Data is on the class
	 * path.
	 */
	private static final class SpringDataRepositories {

		static Map<Class<?>, Class<?>> of(ApplicationContext context) {
			Map<Class<?>, Class<?>> repositories = new LinkedHashMap<>();
			org.springframework.data.repository.support.Repositories found = new org.springframework.data.repository.support.Repositories(
					context);
			for (Class<?> domain : found) {
				found.getRepositoryInformationFor(domain)
					.ifPresent((information) -> repositories.put(information.getRepositoryInterface(), domain));
			}
			return repositories;
		}

	}

}
