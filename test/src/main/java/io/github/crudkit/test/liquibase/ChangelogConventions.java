package io.github.crudkit.test.liquibase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.github.crudkit.test.liquibase.ChangelogViolation.Rule;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Checks a Liquibase changelog against crudkit's conventions, with Liquibase's own
 * parser:
 * <ul>
 * <li>the master file ({@value #DEFAULT_MASTER}) holds includes only;</li>
 * <li>change sets live in {@value #DEFAULT_CHANGES_DIRECTORY}, in files named
 * {@code NNNN-verb-object.yaml} with unique numbers, every one of them part of the
 * changelog; a changelog that a library ships (crudkit's, under
 * {@value #CRUDKIT_LIBRARY_DIRECTORY}) keeps its own place, file name and ids, and is
 * held to the rules below;</li>
 * <li>a change set's id is its file's base name (or, for several change sets in one file,
 * starts with it), and its author is set;</li>
 * <li>every change set can be rolled back: it has an explicit {@code rollback}, or
 * Liquibase can roll back each of its changes by itself ({@code sql} and {@code sqlFile}
 * changes always need an explicit one);</li>
 * <li>constraints and indexes declared in change types are named {@code pk_
 *
<table>
 * }, {@code fk_
 *
<table>
 * _<column>}, {@code uk_
 *
<table>
 * _<column>} and {@code ix_
 *
<table>
 * _<column>} (or start with that), so that errors can name the field; raw SQL is not
 * inspected;</li>
 * <li>the application's own configuration ({@code application*.properties}/{@code .yml}
 * on the classpath, test resources excepted) sets {@code spring.jpa.hibernate.ddl-auto}
 * only to {@code validate} or {@code none}.</li>
 * </ul>
 * <pre class="code">
 * List&lt;ChangelogViolation&gt; violations = ChangelogConventions.onClasspath().check();
 * </pre>
 *
 * @since 0.1.0
 */
public final class ChangelogConventions {

	/**
	 * Classpath location of the master changelog.
	 */
	public static final String DEFAULT_MASTER = "db/changelog/db.changelog-master.yaml";

	/**
	 * Classpath directory of the change files.
	 */
	public static final String DEFAULT_CHANGES_DIRECTORY = "db/changelog/changes/";

	/**
	 * Classpath directory of the changelogs that crudkit's starter ships, such as
	 * {@code db/changelog/crudkit/idempotency.yaml}.
	 */
	public static final String CRUDKIT_LIBRARY_DIRECTORY = "db/changelog/crudkit/";

	private static final Pattern FILE_NAME = Pattern.compile("^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*\\.ya?ml$");

	private static final Set<String> ALLOWED_DDL_AUTO = Set.of("validate", "none");

	private static final List<ConfigurationPropertyName> DDL_AUTO_PROPERTIES = List.of(
			ConfigurationPropertyName.of("spring.jpa.hibernate.ddl-auto"),
			ConfigurationPropertyName.of("spring.jpa.properties.hibernate.hbm2ddl.auto"));

	private static final List<String> TEST_OUTPUT_DIRECTORIES = List.of("/test-classes/", "/resources/test/",
			"/src/test/resources/");

	private final ClassLoader classLoader;

	private final String master;

	private final String changesDirectory;

	private final List<String> libraryDirectories;

	private ChangelogConventions(ClassLoader classLoader, String master, String changesDirectory,
			List<String> libraryDirectories) {
		this.classLoader = classLoader;
		this.master = normalize(master);
		this.changesDirectory = directory(changesDirectory);
		this.libraryDirectories = libraryDirectories.stream().map(ChangelogConventions::directory).toList();
	}

	/**
	 * Check the changelog and configuration on the current thread's classpath.
	 * @return the conventions check
	 */
	public static ChangelogConventions onClasspath() {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		return of((classLoader != null) ? classLoader : ChangelogConventions.class.getClassLoader());
	}

	/**
	 * Check the changelog and configuration that the given class loader sees.
	 * @param classLoader the class loader whose resources are checked
	 * @return the conventions check
	 */
	public static ChangelogConventions of(ClassLoader classLoader) {
		return new ChangelogConventions(classLoader, DEFAULT_MASTER, DEFAULT_CHANGES_DIRECTORY,
				List.of(CRUDKIT_LIBRARY_DIRECTORY));
	}

	/**
	 * Return a check of another master changelog.
	 * @param master classpath location of the master changelog
	 * @return a new check
	 */
	public ChangelogConventions withMaster(String master) {
		return new ChangelogConventions(this.classLoader, master, this.changesDirectory, this.libraryDirectories);
	}

	/**
	 * Return a check with another changes directory.
	 * @param changesDirectory classpath directory of the change files
	 * @return a new check
	 */
	public ChangelogConventions withChangesDirectory(String changesDirectory) {
		return new ChangelogConventions(this.classLoader, this.master, changesDirectory, this.libraryDirectories);
	}

	/**
	 * Return a check that also takes the changelogs under a directory for a library's:
	 * they keep their own file names and change set ids, and are held to the other rules.
	 * @param libraryDirectory classpath directory of a library's changelogs
	 * @return a new check
	 */
	public ChangelogConventions withLibraryDirectory(String libraryDirectory) {
		List<String> directories = new ArrayList<>(this.libraryDirectories);
		directories.add(libraryDirectory);
		return new ChangelogConventions(this.classLoader, this.master, this.changesDirectory, directories);
	}

	/**
	 * Check every convention.
	 * @return the violations, in changelog order; empty if there are none
	 */
	public List<ChangelogViolation> check() {
		List<ChangelogViolation> violations = new ArrayList<>();
		// Not try-with-resources: the accessor's close() is declared to throw Exception
		// (-Xlint:try).
		ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(this.classLoader);
		try {
			DatabaseChangeLog changeLog = parse(accessor, violations);
			if (changeLog != null) {
				checkChangeLog(changeLog, accessor, violations);
			}
		}
		catch (Exception ex) {
			violations.add(new ChangelogViolation(this.master, null, Rule.PARSE, Liquibases.rootMessage(ex)));
		}
		finally {
			Liquibases.close(accessor);
		}
		checkDdlAuto(violations);
		return violations;
	}

	private @Nullable DatabaseChangeLog parse(ClassLoaderResourceAccessor accessor, List<ChangelogViolation> violations)
			throws Exception {
		if (accessor.getAll(this.master) == null) {
			violations.add(new ChangelogViolation(this.master, null, Rule.PARSE, "master changelog not found"));
			return null;
		}
		return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
				() -> ChangeLogParserFactory.getInstance()
					.getParser(this.master, accessor)
					.parse(this.master, new ChangeLogParameters(), accessor));
	}

	private void checkChangeLog(DatabaseChangeLog changeLog, ClassLoaderResourceAccessor accessor,
			List<ChangelogViolation> violations) throws IOException {
		Map<String, List<ChangeSet>> byFile = new LinkedHashMap<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			byFile.computeIfAbsent(normalize(changeSet.getFilePath()), (file) -> new ArrayList<>()).add(changeSet);
		}
		Set<String> files = new LinkedHashSet<>(byFile.keySet());
		files.remove(this.master);
		checkFiles(files, accessor, violations);
		Database database = new PostgresDatabase();
		for (Map.Entry<String, List<ChangeSet>> entry : byFile.entrySet()) {
			String file = entry.getKey();
			List<ChangeSet> changeSets = entry.getValue();
			for (ChangeSet changeSet : changeSets) {
				if (file.equals(this.master)) {
					violations.add(violation(file, changeSet, Rule.MASTER_INCLUDES_ONLY,
							"the master changelog holds includes only; move this change set to " + this.changesDirectory
									+ "NNNN-verb-object.yaml"));
				}
				else if (!isLibrary(file)) {
					checkId(file, changeSet, changeSets.size(), violations);
				}
				if (changeSet.getAuthor() == null || changeSet.getAuthor().isBlank()) {
					violations.add(violation(file, changeSet, Rule.AUTHOR, "the change set has no author"));
				}
				checkRollback(file, changeSet, database, violations);
				for (Change change : changeSet.getChanges()) {
					checkNames(file, changeSet, change, violations);
				}
			}
		}
	}

	private void checkFiles(Set<String> included, ClassLoaderResourceAccessor accessor,
			List<ChangelogViolation> violations) throws IOException {
		Set<String> files = new LinkedHashSet<>(included);
		for (Resource resource : accessor.search(this.changesDirectory, false)) {
			String file = normalize(resource.getPath());
			if (!included.contains(file)) {
				violations.add(new ChangelogViolation(file, null, Rule.INCLUDED,
						"the file adds no change set to the changelog: include it from " + this.master
								+ " (or remove it)"));
			}
			files.add(file);
		}
		Map<String, String> firstByNumber = new TreeMap<>();
		for (String file : files) {
			if (isLibrary(file)) {
				continue;
			}
			String name = fileName(file);
			if (!file.startsWith(this.changesDirectory)) {
				violations.add(new ChangelogViolation(file, null, Rule.FILE_LOCATION,
						"change sets live in " + this.changesDirectory + ", one logical change per file"));
			}
			if (!FILE_NAME.matcher(name).matches()) {
				violations.add(new ChangelogViolation(file, null, Rule.FILE_NAME, "'" + name
						+ "' does not match NNNN-verb-object.yaml (four digits, then lower-case words joined by '-', e.g. 0005-add-hero-status.yaml)"));
			}
			else {
				String number = name.substring(0, 4);
				String first = firstByNumber.putIfAbsent(number, file);
				if (first != null) {
					violations.add(new ChangelogViolation(file, null, Rule.UNIQUE_NUMBER,
							"number " + number + " is already used by " + first));
				}
			}
		}
	}

	private void checkId(String file, ChangeSet changeSet, int changeSetsInFile, List<ChangelogViolation> violations) {
		String baseName = baseName(fileName(file));
		String id = changeSet.getId();
		if (changeSetsInFile == 1 && !baseName.equals(id)) {
			violations.add(violation(file, changeSet, Rule.CHANGESET_ID,
					"the id must be the file's base name '" + baseName + "'"));
		}
		else if (changeSetsInFile > 1 && (id == null || !id.startsWith(baseName))) {
			violations.add(violation(file, changeSet, Rule.CHANGESET_ID,
					"the id must start with the file's base name '" + baseName + "'"));
		}
	}

	private void checkRollback(String file, ChangeSet changeSet, Database database,
			List<ChangelogViolation> violations) {
		if (!changeSet.getRollback().getChanges().isEmpty()) {
			return;
		}
		List<String> irreversible = new ArrayList<>();
		for (Change change : changeSet.getChanges()) {
			if (change instanceof AbstractSQLChange || !change.supportsRollback(database)) {
				irreversible.add(change.getSerializedObjectName());
			}
		}
		if (!irreversible.isEmpty()) {
			violations.add(violation(file, changeSet, Rule.ROLLBACK, "no rollback, and Liquibase cannot roll back "
					+ String.join(", ", irreversible) + " by itself: add a rollback block"));
		}
	}

	private void checkNames(String file, ChangeSet changeSet, Change change, List<ChangelogViolation> violations) {
		List<String> problems = new ArrayList<>();
		if (change instanceof CreateTableChange createTable) {
			for (ColumnConfig column : createTable.getColumns()) {
				checkColumnConstraints(createTable.getTableName(), column, problems);
			}
		}
		else if (change instanceof AddColumnChange addColumn) {
			for (AddColumnConfig column : addColumn.getColumns()) {
				checkColumnConstraints(addColumn.getTableName(), column, problems);
			}
		}
		else if (change instanceof AddPrimaryKeyChange primaryKey) {
			checkName("primary key", primaryKey.getConstraintName(), "pk_" + primaryKey.getTableName(),
					primaryKey.getTableName(), primaryKey.getColumnNames(), problems);
		}
		else if (change instanceof AddForeignKeyConstraintChange foreignKey) {
			checkName("foreign key", foreignKey.getConstraintName(),
					"fk_" + foreignKey.getBaseTableName() + "_" + first(foreignKey.getBaseColumnNames()),
					foreignKey.getBaseTableName(), foreignKey.getBaseColumnNames(), problems);
		}
		else if (change instanceof AddUniqueConstraintChange unique) {
			checkName("unique constraint", unique.getConstraintName(),
					"uk_" + unique.getTableName() + "_" + first(unique.getColumnNames()), unique.getTableName(),
					unique.getColumnNames(), problems);
		}
		else if (change instanceof CreateIndexChange index) {
			boolean unique = Boolean.TRUE.equals(index.isUnique());
			List<String> columns = index.getColumns().stream().map(ColumnConfig::getName).toList();
			boolean computed = index.getColumns().isEmpty()
					|| Boolean.TRUE.equals(index.getColumns().get(0).getComputed());
			String expected = (unique ? "uk_" : "ix_") + index.getTableName() + "_" + (computed ? "" : columns.get(0));
			checkName(unique ? "unique index" : "index", index.getIndexName(), expected, index.getTableName(),
					String.join(", ", columns), problems);
		}
		for (String problem : problems) {
			violations.add(violation(file, changeSet, Rule.CONSTRAINT_NAME, problem));
		}
	}

	private void checkColumnConstraints(String table, ColumnConfig column, List<String> problems) {
		ConstraintsConfig constraints = column.getConstraints();
		if (constraints == null) {
			return;
		}
		String name = column.getName();
		if (Boolean.TRUE.equals(constraints.isPrimaryKey())) {
			checkName("primary key", constraints.getPrimaryKeyName(), "pk_" + table, table, name, problems);
		}
		if (constraints.getForeignKeyName() != null || constraints.getReferences() != null
				|| constraints.getReferencedTableName() != null) {
			checkName("foreign key", constraints.getForeignKeyName(), "fk_" + table + "_" + name, table, name,
					problems);
		}
		if (Boolean.TRUE.equals(constraints.isUnique())) {
			checkName("unique constraint", constraints.getUniqueConstraintName(), "uk_" + table + "_" + name, table,
					name, problems);
		}
	}

	private static void checkName(String kind, @Nullable String name, String expected, String table,
			@Nullable String columns, List<String> problems) {
		String on = table + "(" + ((columns != null) ? columns.replace(" ", "") : "") + ")";
		if (name == null || name.isBlank()) {
			problems.add(kind + " on " + on + " has no name: name it " + expected);
		}
		else if (!name.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT))) {
			problems.add(kind + " " + name + " on " + on + " must be named " + expected + " (or start with it)");
		}
	}

	private void checkDdlAuto(List<ChangelogViolation> violations) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		List<PropertySourceLoader> loaders = List.of(new PropertiesPropertySourceLoader(),
				new YamlPropertySourceLoader());
		for (String directory : List.of("", "config/")) {
			for (PropertySourceLoader loader : loaders) {
				for (String extension : loader.getFileExtensions()) {
					String pattern = directory + "application*." + extension;
					try {
						org.springframework.core.io.Resource[] resources = resolver
							.getResources("classpath*:" + pattern);
						java.util.Arrays.sort(resources, Comparator.comparing(Object::toString));
						for (org.springframework.core.io.Resource resource : resources) {
							checkDdlAuto(directory, loader, resource, violations);
						}
					}
					catch (IOException ex) {
						violations.add(new ChangelogViolation(pattern, null, Rule.DDL_AUTO,
								"cannot read the configuration: " + Liquibases.rootMessage(ex)));
					}
				}
			}
		}
	}

	private void checkDdlAuto(String directory, PropertySourceLoader loader,
			org.springframework.core.io.Resource resource, List<ChangelogViolation> violations) throws IOException {
		String file = directory + resource.getFilename();
		String url = resource.getURL().toString();
		String root = url.substring(0, url.length() - file.length());
		if (TEST_OUTPUT_DIRECTORIES.stream().anyMatch(root::endsWith)) {
			return;
		}
		for (PropertySource<?> source : loader.load(file, resource)) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					ConfigurationPropertyName property = ConfigurationPropertyName.adapt(name, '.');
					Object value = enumerable.getProperty(name);
					if (DDL_AUTO_PROPERTIES.contains(property) && value != null
							&& !ALLOWED_DDL_AUTO.contains(value.toString().strip().toLowerCase(Locale.ROOT))) {
						violations.add(new ChangelogViolation(file, null, Rule.DDL_AUTO, name + " is '" + value
								+ "': Liquibase owns the schema, so only validate or none are allowed"));
					}
				}
			}
		}
	}

	private static ChangelogViolation violation(String file, ChangeSet changeSet, Rule rule, String message) {
		return new ChangelogViolation(file, changeSet.getId(), rule, message);
	}

	private static String first(@Nullable String columnNames) {
		return (columnNames != null) ? columnNames.split(",")[0].strip() : "";
	}

	private static String normalize(String path) {
		String normalized = path.replace('\\', '/');
		if (normalized.startsWith("classpath:")) {
			normalized = normalized.substring("classpath:".length());
		}
		while (normalized.startsWith("/")) {
			normalized = normalized.substring(1);
		}
		return normalized;
	}

	private boolean isLibrary(String file) {
		return this.libraryDirectories.stream().anyMatch(file::startsWith);
	}

	private static String directory(String path) {
		String directory = normalize(path);
		return directory.endsWith("/") ? directory : directory + "/";
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String baseName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot > 0) ? fileName.substring(0, dot) : fileName;
	}

}
