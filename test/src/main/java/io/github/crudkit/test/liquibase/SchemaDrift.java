package io.github.crudkit.test.liquibase;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.SoftDeleteMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Finds what Alembic's autogenerate would find: differences between the JPA mappings
 * (Hibernate's mapping model) and the migrated PostgreSQL schema, in both directions.
 * <ul>
 * <li>a mapped table or column that the schema lacks;</li>
 * <li>a column of a mapped table, or a table, that no mapping knows;</li>
 * <li>a unique constraint ({@code @Table(uniqueConstraints)},
 * {@code @Column(unique = true)}) with no unique constraint or unique index on the same
 * columns in the schema;</li>
 * <li>an index ({@code @Table(indexes)}) with no index on the same columns, in the same
 * order, in the schema.</li>
 * </ul>
 * Indexes and unique constraints that only the schema has are not differences: migrations
 * add indexes that mappings never declare (a trigram index, a unique index on
 * {@code lower(name)}). Liquibase's tables and crudkit's (its {@code Idempotency-Key}
 * records) are ignored. <pre class="code">
 * List&lt;String&gt; differences = SchemaDrift.of(entityManagerFactory, dataSource).differences();
 * </pre>
 *
 * @since 0.1.0
 */
public final class SchemaDrift {

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final List<Pattern> ignored;

	private SchemaDrift(EntityManagerFactory entityManagerFactory, DataSource dataSource, List<Pattern> ignored) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.ignored = ignored;
	}

	/**
	 * Compare the mappings of an entity manager factory with the schema behind a data
	 * source.
	 * @param entityManagerFactory the entity manager factory (Hibernate)
	 * @param dataSource the data source of the migrated database
	 * @return the comparison
	 */
	public static SchemaDrift of(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
		return new SchemaDrift(entityManagerFactory, dataSource, List.of());
	}

	/**
	 * Return a comparison that ignores some tables or columns, for example while an
	 * expand/contract migration is half-way: {@code "hero.status"}, {@code "audit_*"};
	 * {@code *} matches any characters.
	 * @param names table names or {@code table.column} names, with {@code *} as a
	 * wildcard
	 * @return a new comparison
	 */
	public SchemaDrift ignoring(String... names) {
		List<Pattern> patterns = new ArrayList<>(this.ignored);
		for (String name : names) {
			String regex = Arrays.stream(name.toLowerCase(Locale.ROOT).split("\\*", -1))
				.map(Pattern::quote)
				.reduce((left, right) -> left + ".*" + right)
				.orElse("");
			patterns.add(Pattern.compile(regex));
		}
		return new SchemaDrift(this.entityManagerFactory, this.dataSource, List.copyOf(patterns));
	}

	/**
	 * Compare.
	 * @return one readable line per difference, for example
	 * {@code column hero.status is in the schema but not mapped by Hero}; empty if
	 * mappings and schema agree
	 */
	public List<String> differences() {
		Mappings mappings = Mappings.of(this.entityManagerFactory.unwrap(SessionFactoryImplementor.class));
		Schema schema = readSchema();
		List<String> differences = new ArrayList<>();
		for (Map.Entry<String, MappedTable> entry : mappings.tables.entrySet()) {
			String table = entry.getKey();
			MappedTable mapped = entry.getValue();
			Set<String> columns = schema.columns.get(table);
			if (columns == null) {
				add(differences, table,
						"table " + table + " is mapped by " + mapped.owners() + " but missing from the schema");
				continue;
			}
			for (Map.Entry<String, String> column : mapped.columns.entrySet()) {
				if (!columns.contains(column.getKey())) {
					add(differences, table + "." + column.getKey(), "column " + table + "." + column.getKey()
							+ " is mapped by " + column.getValue() + " but missing from the schema");
				}
			}
			for (String column : columns) {
				if (!mapped.columns.containsKey(column)) {
					add(differences, table + "." + column, "column " + table + "." + column
							+ " is in the schema but not mapped by " + mapped.owners());
				}
			}
			for (Constraint unique : mapped.uniques) {
				Set<String> wanted = new TreeSet<>(unique.columns);
				boolean present = schema.uniques.getOrDefault(table, List.of())
					.stream()
					.anyMatch((candidate) -> new TreeSet<>(candidate).equals(wanted));
				if (!present) {
					add(differences, table, unique.describe("unique constraint", table)
							+ " but the schema has no unique constraint or unique index on these columns");
				}
			}
			for (Constraint index : mapped.indexes) {
				boolean present = schema.indexes.getOrDefault(table, List.of())
					.stream()
					.anyMatch((candidate) -> candidate.equals(index.columns));
				if (!present) {
					add(differences, table,
							index.describe("index", table) + " but the schema has no index on these columns");
				}
			}
		}
		for (String table : schema.columns.keySet()) {
			if (!mappings.tables.containsKey(table) && !PgCatalog.LIQUIBASE_TABLES.contains(table)
					&& !PgCatalog.STARTER_TABLES.contains(table)) {
				add(differences, table, "table " + table + " is in the schema but not mapped by any entity");
			}
		}
		return differences;
	}

	private void add(List<String> differences, String object, String difference) {
		String name = object.toLowerCase(Locale.ROOT);
		if (this.ignored.stream().noneMatch((pattern) -> pattern.matcher(name).matches())) {
			differences.add(difference);
		}
	}

	private Schema readSchema() {
		List<PgCatalog.Relation> relations;
		try (Connection connection = this.dataSource.getConnection()) {
			relations = PgCatalog.relations(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the schema: " + ex.getMessage(), ex);
		}
		Schema schema = new Schema();
		for (PgCatalog.Relation relation : relations) {
			if (!relation.isTable()) {
				continue;
			}
			// Named as mappings spell it: bare in the current schema, qualified
			// elsewhere.
			String table = relation.inCurrentSchema() ? relation.name() : relation.schema() + "." + relation.name();
			Set<String> columns = schema.columns.computeIfAbsent(table, (name) -> new LinkedHashSet<>());
			relation.columns().forEach((column) -> columns.add(column.name()));
			// Indexes on plain columns only; unique constraints are backed by one.
			for (PgCatalog.Index index : relation.indexes()) {
				List<String> indexed = index.columns();
				if (indexed != null) {
					schema.indexes.computeIfAbsent(table, (name) -> new ArrayList<>()).add(indexed);
					if (index.unique()) {
						schema.uniques.computeIfAbsent(table, (name) -> new ArrayList<>()).add(indexed);
					}
				}
			}
		}
		return schema;
	}

	private static String normalizeTable(String table) {
		String name = table.replace("\"", "");
		return name.startsWith("public.") ? name.substring("public.".length()) : name;
	}

	private static final class Schema {

		private final Map<String, Set<String>> columns = new TreeMap<>();

		private final Map<String, List<List<String>>> uniques = new TreeMap<>();

		private final Map<String, List<List<String>>> indexes = new TreeMap<>();

	}

	private record Constraint(@Nullable String name, List<String> columns, String owner) {

		String describe(String kind, String table) {
			return kind + ((this.name != null && !this.name.isBlank()) ? " " + this.name : "") + " on " + table + "("
					+ String.join(", ", this.columns) + ") is declared on " + this.owner;
		}

	}

	private static final class MappedTable {

		private final Set<String> entities = new LinkedHashSet<>();

		private final Map<String, String> columns = new LinkedHashMap<>();

		private final Set<Constraint> uniques = new LinkedHashSet<>();

		private final Set<Constraint> indexes = new LinkedHashSet<>();

		String owners() {
			return String.join(", ", this.entities);
		}

	}

	private static final class Mappings {

		private final Map<String, MappedTable> tables = new TreeMap<>();

		static Mappings of(SessionFactoryImplementor sessionFactory) {
			Mappings mappings = new Mappings();
			sessionFactory.getMappingMetamodel().forEachEntityDescriptor(mappings::addEntity);
			sessionFactory.getMappingMetamodel().forEachCollectionDescriptor(mappings::addCollection);
			return mappings;
		}

		private MappedTable table(String name) {
			return this.tables.computeIfAbsent(normalizeTable(name), (key) -> new MappedTable());
		}

		private void addEntity(EntityPersister persister) {
			String owner = persister.getMappedClass().getSimpleName();
			persister.forEachTableDetails((details) -> {
				MappedTable table = table(details.getTableName());
				table.entities.add(owner);
				details.getKeyDetails()
					.forEachKeyColumn((position, column) -> table.columns.putIfAbsent(column.getColumnName(), owner));
			});
			addSelectables(persister.getIdentifierMapping(), owner);
			if (persister.getDiscriminatorMapping() != null
					&& persister.getDiscriminatorMapping().hasPhysicalColumn()) {
				addSelectables(persister.getDiscriminatorMapping(), owner);
			}
			persister.forEachAttributeMapping((attribute) -> {
				if (!(attribute instanceof PluralAttributeMapping)) {
					addSelectables(attribute, owner);
				}
			});
			SoftDeleteMapping softDelete = persister.getSoftDeleteMapping();
			if (softDelete != null) {
				// Hibernate's @SoftDelete column is no attribute and yields no
				// selectable.
				table(softDelete.getTableName()).columns.putIfAbsent(softDelete.getColumnName().replace("\"", ""),
						owner);
			}
			String primaryTable = normalizeTable(persister.getIdentifierTableDetails().getTableName());
			for (Class<?> type = persister.getMappedClass(); type != null
					&& type != Object.class; type = type.getSuperclass()) {
				addDeclaredConstraints(persister, type, primaryTable, owner);
			}
		}

		private void addDeclaredConstraints(EntityPersister persister, Class<?> type, String primaryTable,
				String owner) {
			Table annotation = type.getDeclaredAnnotation(Table.class);
			MappedTable table = table(primaryTable);
			if (annotation != null) {
				for (UniqueConstraint unique : annotation.uniqueConstraints()) {
					table.uniques.add(new Constraint(unique.name(), physical(table, unique.columnNames()), owner));
				}
				for (Index index : annotation.indexes()) {
					table.indexes
						.add(new Constraint(index.name(), physical(table, index.columnList().split(",")), owner));
				}
			}
			for (Field field : type.getDeclaredFields()) {
				Column column = field.getDeclaredAnnotation(Column.class);
				AttributeMapping attribute = persister.findAttributeMapping(field.getName());
				if (column != null && column.unique() && attribute != null) {
					List<String> columns = new ArrayList<>();
					attribute
						.forEachSelectable((index, selectable) -> columns.add(selectable.getSelectionExpression()));
					table.uniques.add(new Constraint(null, columns, owner + "." + field.getName()));
				}
			}
		}

		private void addCollection(CollectionPersister persister) {
			PluralAttributeMapping attribute = persister.getAttributeMapping();
			String owner = persister.getOwnerEntityPersister().getMappedClass().getSimpleName() + "."
					+ attribute.getAttributeName();
			if (attribute.getSeparateCollectionTable() != null) {
				table(attribute.getSeparateCollectionTable()).entities.add(owner);
			}
			addSelectables(attribute.getKeyDescriptor().getKeyPart(), owner);
			if (attribute.getSeparateCollectionTable() != null) {
				addSelectables(attribute.getElementDescriptor(), owner);
				if (attribute.getIndexDescriptor() != null) {
					addSelectables(attribute.getIndexDescriptor(), owner);
				}
				if (attribute.getIdentifierDescriptor() != null) {
					addSelectables(attribute.getIdentifierDescriptor(), owner);
				}
			}
		}

		private void addSelectables(ModelPart part, String owner) {
			part.forEachSelectable((index, selectable) -> addColumn(selectable, owner));
		}

		private void addColumn(SelectableMapping selectable, String owner) {
			if (!selectable.isFormula()) {
				table(selectable.getContainingTableExpression()).columns
					.putIfAbsent(selectable.getSelectionExpression().replace("\"", ""), owner);
			}
		}

		/**
		 * Map column names as written in annotations (logical names) to the table's
		 * physical column names.
		 */
		private static List<String> physical(MappedTable table, String[] names) {
			List<String> columns = new ArrayList<>();
			for (String raw : names) {
				String name = raw.strip().split("\\s+")[0].replace("\"", "");
				String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
				if (table.columns.containsKey(name)) {
					columns.add(name);
				}
				else if (table.columns.containsKey(name.toLowerCase(Locale.ROOT))) {
					columns.add(name.toLowerCase(Locale.ROOT));
				}
				else {
					columns.add(snake);
				}
			}
			return columns;
		}

	}

}
