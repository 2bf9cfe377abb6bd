package io.github.crudkit.test.liquibase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.crudkit.test.postgres.PostgresServer;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Alembic's {@code revision --autogenerate} for Liquibase: builds a reference schema from
 * the application's entities (Hibernate, {@code ddl-auto=create}) in one scratch
 * database, migrates another scratch database with the application's changelog, and
 * writes the difference as a draft YAML changelog for the developer to review, rename
 * ({@code NNNN-verb-object.yaml}, one logical change per file), complete with rollbacks
 * and move into {@code db/changelog/changes/}. Nothing is ever applied. Both scratch
 * databases are made on the {@linkplain TestPostgres#server() test server} and dropped
 * afterwards.
 * <p>
 * The draft holds what the changelog lacks: tables, columns, unique constraints, indexes,
 * foreign keys and sequences the entities have and the schema does not, changed columns,
 * and tables and columns the entities no longer map. Indexes, constraints, sequences and
 * column defaults that only the migrations create are left alone: a trigram index, a
 * CHECK or a {@code DEFAULT now()} is deliberate, not drift.
 * <p>
 * Run against the sample: {@code ./mvnw -pl sample-app -am spring-boot:test-run
 * -Dcrudkit.dev.main-class=io.github.crudkit.test.liquibase.DraftChangelog
 * -Dspring-boot.run.arguments=io.github.crudkit.sample.SampleApplication}.
 *
 * @since 0.1.0
 */
public final class DraftChangelog {

	/**
	 * Where {@link #main(String[])} writes the draft unless told otherwise, relative to
	 * the working directory.
	 */
	public static final String DEFAULT_OUTPUT = "target/crudkit/draft-changelog.yaml";

	private static final Set<String> LIQUIBASE_TABLES = Set.of("databasechangelog", "databasechangeloglock");

	private DraftChangelog() {
	}

	/**
	 * Write a draft changelog.
	 * @param args the application's {@code @SpringBootApplication} class name, then
	 * optionally the output file (default {@value #DEFAULT_OUTPUT}), then any further
	 * {@code --name=value} properties for the application
	 * @throws Exception if the draft cannot be made
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("Usage: DraftChangelog <application class> [output file] [--property=value ...]");
			System.exit(2);
		}
		Class<?> application = Class.forName(args[0], false, Thread.currentThread().getContextClassLoader());
		Path output = Path.of(DEFAULT_OUTPUT);
		List<String> properties = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				properties.add(args[i]);
			}
			else {
				output = Path.of(args[i]);
			}
		}
		String draft = write(application, output, properties.toArray(String[]::new));
		System.out.println(draft.isEmpty() ? "crudkit: the changelog matches the entities; no draft needed."
				: "crudkit: draft changelog written to " + output.toAbsolutePath()
						+ " - review it, split it into NNNN-verb-object.yaml files with rollbacks, never apply it as is.");
		System.exit(0);
	}

	/**
	 * Generate a draft changelog and write it to a file (or delete the file if there is
	 * no difference).
	 * @param application the application's {@code @SpringBootApplication} class
	 * @param output the file to write
	 * @param properties further {@code --name=value} properties for the application
	 * @return the draft, empty if the changelog matches the entities
	 * @throws IOException if the file cannot be written
	 */
	public static String write(Class<?> application, Path output, String... properties) throws IOException {
		String draft = generate(application, properties);
		if (draft.isEmpty()) {
			Files.deleteIfExists(output);
		}
		else {
			Path parent = output.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(output, draft, StandardCharsets.UTF_8);
		}
		return draft;
	}

	/**
	 * Generate a draft changelog.
	 * @param application the application's {@code @SpringBootApplication} class
	 * @param properties further {@code --name=value} properties for the application
	 * @return the draft as YAML, empty if the changelog matches the entities
	 */
	public static String generate(Class<?> application, String... properties) {
		PostgresServer server = TestPostgres.server();
		TestDatabase fromEntities = server.createDatabase();
		TestDatabase fromChangelog = server.createDatabase();
		try {
			// The reference schema comes from the entities alone: no migrations, so no
			// check against them either.
			start(application, fromEntities, properties, "--spring.jpa.hibernate.ddl-auto=create",
					"--spring.liquibase.enabled=false", "--crudkit.migration.verify-on-startup=false");
			start(application, fromChangelog, properties, "--spring.jpa.hibernate.ddl-auto=none",
					"--spring.liquibase.enabled=true");
			return diff(fromEntities, fromChangelog);
		}
		finally {
			server.dropDatabase(fromEntities);
			server.dropDatabase(fromChangelog);
		}
	}

	private static void start(Class<?> application, TestDatabase database, String[] properties, String... settings) {
		List<String> args = new ArrayList<>(List.of(properties));
		args.addAll(List.of(settings));
		args.add("--spring.datasource.url=" + database.jdbcUrl());
		args.add("--spring.datasource.username=" + database.username());
		args.add("--spring.datasource.password=" + database.password());
		args.add("--crudkit.migration.schema-health.enabled=false");
		args.add("--spring.main.banner-mode=off");
		SpringApplication springApplication = new SpringApplication(application);
		springApplication.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = springApplication.run(args.toArray(String[]::new))) {
			context.getId();
		}
	}

	private static String diff(TestDatabase reference, TestDatabase target) {
		try (Connection referenceConnection = reference.connect(); Connection targetConnection = target.connect()) {
			Database referenceDatabase = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(referenceConnection));
			Database targetDatabase = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(targetConnection));
			DiffResult result = DiffGeneratorFactory.getInstance()
				.compare(referenceDatabase, targetDatabase, CompareControl.STANDARD);
			DiffOutputControl control = new DiffOutputControl(false, false, false, null);
			control.setObjectChangeFilter(new DraftFilter());
			DiffToChangeLog changeLog = new DiffToChangeLog(result, control);
			changeLog.setChangeSetAuthor("crudkit-draft");
			changeLog.setIdRoot("NNNN-verb-object");
			if (changeLog.generateChangeSets().isEmpty()) {
				return "";
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
				changeLog.print(out, new YamlChangeLogSerializer());
			}
			return bytes.toString(StandardCharsets.UTF_8);
		}
		catch (SQLException | LiquibaseException | IOException | javax.xml.parsers.ParserConfigurationException ex) {
			throw new IllegalStateException("Cannot make the draft changelog: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Keeps what the entities have and the changelog lacks, plus tables and columns the
	 * entities dropped; never touches Liquibase's or crudkit's tables or objects only the
	 * migrations create on purpose.
	 */
	private static final class DraftFilter implements ObjectChangeFilter {

		@Override
		public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
			return include(object);
		}

		@Override
		public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
			return (object instanceof Table || object instanceof Column) && include(object);
		}

		@Override
		public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database reference,
				Database comparison) {
			// A column's position is no migration, and a default that only the migrations
			// set (now(), 0) is
			// deliberate: entities rarely declare defaults.
			boolean relevant = differences.getDifferences()
				.stream()
				.anyMatch((difference) -> !"order".equals(difference.getField())
						&& !("defaultValue".equals(difference.getField()) && difference.getReferenceValue() == null));
			return relevant && include(object);
		}

		@Override
		public boolean include(DatabaseObject object) {
			String table = relationName(object);
			return table == null || (!LIQUIBASE_TABLES.contains(table.toLowerCase(Locale.ROOT))
					&& !PgCatalog.STARTER_TABLES.contains(table.toLowerCase(Locale.ROOT)));
		}

		private static @Nullable String relationName(DatabaseObject object) {
			if (object instanceof Relation relation) {
				return relation.getName();
			}
			if (object instanceof Column column && column.getRelation() != null) {
				return column.getRelation().getName();
			}
			return null;
		}

	}

}
