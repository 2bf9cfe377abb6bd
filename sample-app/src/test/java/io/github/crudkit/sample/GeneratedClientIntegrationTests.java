package io.github.crudkit.sample;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is good enough to build a client on: a Java client generated from
 * the live {@code /v3/api-docs} (openapi-generator, library {@code native}:
 * {@code java.net.http} and Jackson 2, both on the test class path) compiles, and the
 * scenario below, compiled against it, creates, reads, changes and deletes teams and
 * heroes through it, with {@code ETag}, {@code If-Match} and an {@code Idempotency-Key}
 * (a retried create answered once), and reads a 404, a 409, a 412 and a 422 as problems.
 * A wrong status, media type, header, operation id, required or nullable property in the
 * document breaks the generation, the compilation or the scenario.
 */
@SampleIntegrationTest
class GeneratedClientIntegrationTests {

	private static final Path ROOT = Path.of("target", "generated-client");

	private static final String PACKAGE = "io.github.crudkit.sample.client";

	/**
	 * What a client of the sample writes, typed against the generated API: if the
	 * document names an operation, a parameter or a property differently, this does not
	 * compile.
	 */
	private static final String SCENARIO = """
			package io.github.crudkit.sample.client;

			import java.util.function.Consumer;

			import io.github.crudkit.sample.client.api.HeroesApi;
			import io.github.crudkit.sample.client.api.TeamsApi;
			import io.github.crudkit.sample.client.model.FieldViolation;
			import io.github.crudkit.sample.client.model.HeroCreate;
			import io.github.crudkit.sample.client.model.HeroPublic;
			import io.github.crudkit.sample.client.model.HeroSummary;
			import io.github.crudkit.sample.client.model.HeroUpdate;
			import io.github.crudkit.sample.client.model.KeysetPageTeamPublic;
			import io.github.crudkit.sample.client.model.Problem;
			import io.github.crudkit.sample.client.model.TeamCreate;
			import io.github.crudkit.sample.client.model.TeamPublic;
			import io.github.crudkit.sample.client.model.TeamPublicWithHeroes;
			import io.github.crudkit.sample.client.model.TeamUpdate;

			import static org.assertj.core.api.Assertions.assertThat;

			public class ClientScenario implements Consumer<String> {

				private final ApiClient client = new ApiClient();

				@Override
				public void accept(String baseUri) {
					this.client.updateBaseUri(baseUri);
					try {
						run(new TeamsApi(this.client), new HeroesApi(this.client));
					}
					catch (ApiException ex) {
						throw new AssertionError("unexpected " + ex.getCode() + ": " + ex.getResponseBody(), ex);
					}
				}

				private void run(TeamsApi teams, HeroesApi heroes) throws ApiException {
					String name = "Generated " + System.nanoTime();

					String key = "generated-" + System.nanoTime();
					ApiResponse<TeamPublic> created = teams
						.teamCreateWithHttpInfo(new TeamCreate().name(name).headquarters("New York"), key);
					assertThat(created.getStatusCode()).isEqualTo(201);
					TeamPublic team = created.getData();
					assertThat(team.getName()).isEqualTo(name);
					assertThat(team.getHeadquarters()).isEqualTo("New York");
					assertThat(team.getHeroCount()).isZero();
					assertThat(header(created, "Location")).isEqualTo("/api/teams/" + team.getId());
					assertThat(header(created, "ETag")).isEqualTo("\\"0\\"");
					// Sent again with its key, as after a lost answer: the same team, not a second one.
					ApiResponse<TeamPublic> retried = teams
						.teamCreateWithHttpInfo(new TeamCreate().name(name).headquarters("New York"), key);
					assertThat(retried.getStatusCode()).isEqualTo(201);
					assertThat(retried.getData().getId()).isEqualTo(team.getId());
					assertThat(header(retried, "Idempotent-Replayed")).isEqualTo("true");
					Problem reused = problem(422, () -> teams.teamCreate(new TeamCreate().name(name + " other"), key));
					assertThat(reused.getDetail()).contains("Idempotency-Key");

					Problem duplicate = problem(409,
							() -> teams.teamCreate(new TeamCreate().name(name.toUpperCase()), null));
					assertThat(duplicate.getErrors()).extracting(FieldViolation::getField).containsExactly("name");

					ApiResponse<HeroPublic> hired = heroes.heroCreateWithHttpInfo(
							new HeroCreate().name("Tony").secretName("Iron Man").age(48).teamId(team.getId()), null);
					assertThat(hired.getStatusCode()).isEqualTo(201);
					HeroPublic hero = hired.getData();
					assertThat(hero.getName()).isEqualTo("Tony");
					assertThat(hero.getAge()).isEqualTo(48);
					assertThat(hero.getTeam().getId()).isEqualTo(team.getId());
					assertThat(header(hired, "Location")).isEqualTo("/api/heroes/" + hero.getId());

					ApiResponse<TeamPublicWithHeroes> read = teams.teamGetWithHttpInfo(team.getId());
					assertThat(read.getData().getHeroCount()).isEqualTo(1);
					assertThat(read.getData().getHeroes()).extracting(HeroSummary::getName).containsExactly("Tony");
					assertThat(header(read, "ETag")).isEqualTo("\\"0\\"");
					// The list answers a page or, with after, a keyset page (anyOf). The generated client reads
					// anyOf by trying the alternatives in name order without validating them, so any page reads
					// as a keyset page: ask for one.
					KeysetPageTeamPublic page = (KeysetPageTeamPublic) teams.teamList(name, 0L, null, null, null)
						.getActualInstance();
					assertThat(page.getContent()).extracting(TeamPublic::getId).containsExactly(team.getId());
					assertThat(page.getPage().getAfter()).isZero();
					assertThat(page.getPage().getNext()).isNull();

					Problem stillReferenced = problem(409, () -> teams.teamDelete(team.getId(), null));
					assertThat(stillReferenced.getDetail()).isNotBlank();

					String version = header(heroes.heroGetWithHttpInfo(hero.getId()), "ETag");
					ApiResponse<HeroPublic> aged = heroes.heroPatchWithHttpInfo(hero.getId(), new HeroUpdate().age(49),
							version, null);
					assertThat(aged.getData().getAge()).isEqualTo(49);
					assertThat(aged.getData().getName()).isEqualTo("Tony");
					assertThat(header(aged, "ETag")).isEqualTo("\\"1\\"");
					Problem stale = problem(412,
							() -> heroes.heroPatch(hero.getId(), new HeroUpdate().age(50), version, null));
					assertThat(stale.getDetail()).contains("version 1");

					TeamPublic renamed = teams.teamPatch(team.getId(), new TeamUpdate().name(name + " renamed"), null,
							null);
					assertThat(renamed.getName()).isEqualTo(name + " renamed");
					assertThat(renamed.getHeadquarters()).isEqualTo("New York");

					heroes.heroDelete(hero.getId(), header(aged, "ETag"));
					Problem gone = problem(404, () -> heroes.heroGet(hero.getId()));
					assertThat(gone.getDetail()).isEqualTo("Hero " + hero.getId() + " not found.");
					assertThat(gone.getInstance()).isEqualTo("/api/heroes/" + hero.getId());
					assertThat(gone.getErrors()).isNullOrEmpty();

					teams.teamDelete(team.getId(), null);
					problem(404, () -> teams.teamGet(team.getId()));
				}

				private Problem problem(int status, Call call) {
					try {
						call.run();
					}
					catch (ApiException ex) {
						assertThat(ex.getCode()).as(ex.getResponseBody()).isEqualTo(status);
						assertThat(ex.getResponseHeaders().firstValue("Content-Type"))
							.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
						Problem problem = read(ex.getResponseBody());
						assertThat(problem.getStatus()).isEqualTo(status);
						assertThat(problem.getTitle()).isNotBlank();
						assertThat(problem.getType()).isEqualTo("about:blank");
						return problem;
					}
					throw new AssertionError("expected a " + status + " problem");
				}

				private Problem read(String body) {
					try {
						return this.client.getObjectMapper().readValue(body, Problem.class);
					}
					catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
						throw new AssertionError("not a problem: " + body, ex);
					}
				}

				private static String header(ApiResponse<?> response, String name) {
					return response.getHeaders()
						.entrySet()
						.stream()
						.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
						.flatMap((entry) -> entry.getValue().stream())
						.findFirst()
						.orElseThrow(() -> new AssertionError("no " + name + " header"));
				}

				interface Call {

					void run() throws ApiException;

				}

			}
			""";

	@Autowired
	Api api;

	@Autowired
	Environment environment;

	@Test
	void aClientGeneratedFromTheDocumentDrivesTeamsAndHeroes() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Path document = ROOT.resolve("openapi.json");
		Files.createDirectories(ROOT);
		Files.writeString(document, this.api.get("/v3/api-docs").body());

		generate(document, ROOT.resolve("client"));
		Path scenario = ROOT.resolve("client/src/main/java/" + PACKAGE.replace('.', '/') + "/ClientScenario.java");
		Files.writeString(scenario, SCENARIO);
		Path classes = compile(ROOT.resolve("client/src/main/java"), ROOT.resolve("classes"));

		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			@SuppressWarnings("unchecked")
			Consumer<String> run = (Consumer<String>) loader.loadClass(PACKAGE + ".ClientScenario")
				.getDeclaredConstructor()
				.newInstance();
			run.accept("http://localhost:" + this.environment.getRequiredProperty("local.server.port"));
		}
	}

	private static void generate(Path document, Path output) {
		CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("java")
			.setLibrary("native")
			.setInputSpec(document.toString())
			.setOutputDir(output.toString())
			.setInvokerPackage(PACKAGE)
			.setApiPackage(PACKAGE + ".api")
			.setModelPackage(PACKAGE + ".model")
			// JsonNullable would need a library the sample does not have.
			.addAdditionalProperty("openApiNullable", false)
			.addAdditionalProperty("useJakartaEe", true)
			.addAdditionalProperty("hideGenerationTimestamp", true)
			.addGlobalProperty("apiTests", "false")
			.addGlobalProperty("modelTests", "false")
			.addGlobalProperty("apiDocs", "false")
			.addGlobalProperty("modelDocs", "false");
		List<File> files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
		assertThat(files).extracting(File::getName).contains("TeamsApi.java", "HeroesApi.java", "Problem.java");
	}

	private static Path compile(Path sources, Path classes) throws IOException {
		Files.createDirectories(classes);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((path) -> path.toString().endsWith(".java")).toList();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
					"-classpath", classPath(), "-d", classes.toString());
			boolean compiled = compiler
				.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
			assertThat(compiled)
				.as("the generated client compiles: %s",
						diagnostics.getDiagnostics()
							.stream()
							.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
							.map(Object::toString)
							.collect(Collectors.joining("\n")))
				.isTrue();
		}
		return classes;
	}

	/**
	 * The test class path, including what Failsafe's manifest-only jar lists.
	 */
	private static String classPath() throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(entry);
			Path path = Path.of(entry);
			if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
				continue;
			}
			try (JarFile jar = new JarFile(path.toFile())) {
				Manifest manifest = jar.getManifest();
				String listed = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
						: null;
				if (listed == null) {
					continue;
				}
				for (String url : listed.trim().split("\\s+")) {
					Path listedPath = Path.of(path.toAbsolutePath().getParent().toUri().resolve(url));
					if (Files.exists(listedPath)) {
						entries.add(listedPath.toString());
					}
				}
			}
		}
		return String.join(File.pathSeparator, entries);
	}

}
