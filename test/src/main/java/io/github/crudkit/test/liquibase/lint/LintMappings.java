package io.github.crudkit.test.liquibase.lint;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * What the entities map, as the lint asks it: which tables and columns, each column's
 * length and whether it holds text, and which primary keys are generated.
 */
final class LintMappings {

	static final LintMappings NONE = new LintMappings();

	private final Map<String, Map<String, MappedColumn>> tables = new HashMap<>();

	private LintMappings() {
	}

	static LintMappings of(EntityManagerFactory entityManagerFactory) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		LintMappings mappings = new LintMappings();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor(mappings::addEntity);
		sessionFactory.getMappingMetamodel().forEachCollectionDescriptor(mappings::addCollection);
		return mappings;
	}

	private void addEntity(EntityPersister persister) {
		String owner = persister.getMappedClass().getSimpleName();
		Generator generator = persister.getGenerator();
		boolean generated = generator != null && !generator.getClass().getSimpleName().equals("Assigned");
		add(persister.getIdentifierMapping(), owner, generated);
		persister.forEachAttributeMapping((attribute) -> {
			if (!(attribute instanceof PluralAttributeMapping)) {
				add(attribute, owner + "." + attribute.getAttributeName(), false);
			}
		});
		if (persister.getVersionMapping() != null) {
			add((ModelPart) persister.getVersionMapping().getVersionAttribute(), owner, false);
		}
		if (persister.getSoftDeleteMapping() != null) {
			addSelectable(persister.getSoftDeleteMapping(), owner + " (soft delete)", false);
		}
	}

	private void addCollection(CollectionPersister persister) {
		PluralAttributeMapping attribute = persister.getAttributeMapping();
		String owner = persister.getOwnerEntityPersister().getMappedClass().getSimpleName() + "."
				+ attribute.getAttributeName();
		add(attribute.getKeyDescriptor().getKeyPart(), owner, false);
		if (attribute.getSeparateCollectionTable() != null) {
			add(attribute.getElementDescriptor(), owner, false);
			if (attribute.getIndexDescriptor() != null) {
				add(attribute.getIndexDescriptor(), owner, false);
			}
		}
	}

	private void add(ModelPart part, String owner, boolean generatedKey) {
		part.forEachSelectable((index, selectable) -> addSelectable(selectable, owner, generatedKey));
	}

	private void addSelectable(SelectableMapping selectable, String owner, boolean generatedKey) {
		if (selectable.isFormula()) {
			return;
		}
		String table = MigrationLint.bareName(selectable.getContainingTableExpression());
		String column = selectable.getSelectionExpression().replace("\"", "").toLowerCase(Locale.ROOT);
		boolean text = SqlTypes.isCharacterType(selectable.getJdbcMapping().getJdbcType().getDdlTypeCode());
		this.tables.computeIfAbsent(table, (key) -> new HashMap<>())
			.putIfAbsent(column, new MappedColumn(owner, text, selectable.getLength(), selectable.getColumnDefinition(),
					generatedKey));
	}

	boolean isEmpty() {
		return this.tables.isEmpty();
	}

	boolean mapsTable(String table) {
		return this.tables.containsKey(table);
	}

	@Nullable MappedColumn column(String table, String column) {
		Map<String, MappedColumn> columns = this.tables.get(table);
		return (columns != null) ? columns.get(column) : null;
	}

	@Nullable String tableOwner(String table) {
		Map<String, MappedColumn> columns = this.tables.get(table);
		return (columns != null) ? columns.values().iterator().next().owner().split("\\.")[0] : null;
	}

	/**
	 * A mapped column.
	 *
	 * @param owner the entity and attribute that map it
	 * @param text whether it holds text (a character type)
	 * @param length its length, where the mapping gives one
	 * @param definition its {@code columnDefinition}, where the mapping gives one
	 * @param generatedKey whether it is an id that Hibernate generates
	 */
	record MappedColumn(String owner, boolean text, @Nullable Long length, @Nullable String definition,
			boolean generatedKey) {

	}

}
