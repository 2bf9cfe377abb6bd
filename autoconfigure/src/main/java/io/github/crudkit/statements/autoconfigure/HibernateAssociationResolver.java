package io.github.crudkit.statements.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.crudkit.statements.AssociationResolver;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a Hibernate-generated single-row statement
 * ({@code select … from team t1_0 where t1_0.id=?}) to the entity it loads and the
 * associations that load it lazily, from Hibernate's mapping model: a lookup by the id of
 * a table is a to-one association to its entity ({@code Hero.team}); a lookup by another
 * column is a collection keyed by that column ({@code Team.heroes}).
 */
final class HibernateAssociationResolver implements AssociationResolver {

	private static final Pattern SINGLE_TABLE_LOOKUP = Pattern
		.compile("(?is)\\bfrom\\s+([\\w.\"]+)\\s+(\\w+)\\s+where\\s+\\2\\.(\\w+)\\s*=\\s*\\?");

	private final Supplier<EntityManagerFactory> entityManagerFactory;

	private volatile @Nullable Model model;

	private final Map<String, @Nullable Target> cache = new ConcurrentHashMap<>();

	/**
	 * Create the resolver.
	 * @param entityManagerFactory supplies, on first use, the Hibernate entity manager
	 * factory whose mappings are consulted
	 */
	HibernateAssociationResolver(Supplier<EntityManagerFactory> entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public @Nullable Target resolve(String sql) {
		if (this.cache.containsKey(sql)) {
			return this.cache.get(sql);
		}
		Target target = compute(sql);
		if (this.cache.size() < 10_000) {
			this.cache.put(sql, target);
		}
		return target;
	}

	private @Nullable Target compute(String sql) {
		Matcher matcher = SINGLE_TABLE_LOOKUP.matcher(sql);
		if (!matcher.find()) {
			return null;
		}
		String table = unquote(matcher.group(1));
		String column = unquote(matcher.group(3));
		Model model = model();
		Model.Entity entity = model.entitiesByTable.get(table);
		if (entity != null && entity.idColumns.contains(column)) {
			return new Target(entity.name, model.toOnesByTarget.getOrDefault(entity.name, List.of()));
		}
		List<String> collections = model.collectionsByTableAndKey.get(table + "." + column);
		if (collections != null) {
			String element = (entity != null) ? entity.name : table;
			return new Target(element, collections, true);
		}
		return (entity != null) ? new Target(entity.name, List.of()) : null;
	}

	private Model model() {
		Model current = this.model;
		if (current == null) {
			current = new Model(this.entityManagerFactory.get().unwrap(SessionFactoryImplementor.class));
			this.model = current;
		}
		return current;
	}

	private static String unquote(String name) {
		String simple = name.substring(name.lastIndexOf('.') + 1);
		return simple.replace("\"", "").toLowerCase(Locale.ROOT);
	}

	private static final class Model {

		final Map<String, Entity> entitiesByTable = new HashMap<>();

		final Map<String, List<String>> toOnesByTarget = new HashMap<>();

		final Map<String, List<String>> collectionsByTableAndKey = new HashMap<>();

		Model(SessionFactoryImplementor sessionFactory) {
			sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
				String owner = simpleName(persister.getEntityName());
				if (persister instanceof AbstractEntityPersister entityPersister) {
					String table = unquote(persister.getMappedTableDetails().getTableName());
					List<String> ids = new ArrayList<>();
					for (String id : entityPersister.getIdentifierColumnNames()) {
						ids.add(unquote(id));
					}
					this.entitiesByTable.put(table, new Entity(owner, ids));
				}
				persister.forEachAttributeMapping((attribute) -> {
					String path = owner + "." + attribute.getAttributeName();
					if (attribute instanceof ToOneAttributeMapping toOne) {
						EntityMappingType target = toOne.getAssociatedEntityMappingType();
						this.toOnesByTarget
							.computeIfAbsent(simpleName(target.getEntityName()), (k) -> new ArrayList<>())
							.add(path);
					}
					else if (attribute instanceof PluralAttributeMapping plural
							&& plural.getCollectionDescriptor() instanceof AbstractCollectionPersister collection) {
						String[] keys = collection.getKeyColumnNames();
						if (keys.length == 1) {
							String key = unquote(collection.getTableName()) + "." + unquote(keys[0]);
							this.collectionsByTableAndKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(path);
						}
					}
				});
			});
		}

		private static String simpleName(String entityName) {
			// A nested entity class is named Outer$Inner: its simple name is Inner.
			return entityName.substring(Math.max(entityName.lastIndexOf('.'), entityName.lastIndexOf('$')) + 1);
		}

		record Entity(String name, List<String> idColumns) {

		}

	}

}
