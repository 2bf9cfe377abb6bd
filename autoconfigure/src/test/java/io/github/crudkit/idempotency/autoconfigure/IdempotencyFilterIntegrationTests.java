package io.github.crudkit.idempotency.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.github.crudkit.idempotency.IdempotencyStore;
import io.github.crudkit.startup.StartupCheckException;
import io.github.crudkit.support.TestDatabase;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The filter in an application as a user's would be, against PostgreSQL: every
 * auto-configuration on the class path, Liquibase migrating the starter's changelog, JDBC
 * only (Spring's {@code DataSourceTransactionManager}; the sample covers JPA), and
 * handlers whose {@code @Transactional} services write with {@link JdbcClient}.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdempotencyFilterIntegrationTests {

	private static final String KEY = "Idempotency-Key";

	private static final String REPLAYED = "Idempotent-Replayed";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestDatabase.Database database;

	private static ConfigurableApplicationContext context;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		database = TestDatabase.createDatabase();
		context = run(database, "fixtures/idempotency");
		jdbc = JdbcClient.create(database.dataSource());
	}

	@AfterAll
	static void stop() {
		context.close();
		database.close();
	}

	@Test
	void aRetryIsAnsweredFromTheRecordWithTheJdbcTransactionManager() throws Exception {
		String key = key();
		String name = "replayed " + key;

		HttpResponse<String> first = post(context, "/things", json(name), Map.of(KEY, key));
		HttpResponse<String> retry = post(context, "/things", json(name), Map.of(KEY, key));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
			.isPresent();
		assertThat(retry.headers().firstValue("ETag")).hasValue("\"0\"");
		assertThat(thingsNamed(name)).isOne();
	}

	@Test
	void aCommitThatFailsIsAnsweredAsWithoutAKeyAndRecordsNothing() throws Exception {
		String key = key();
		String name = "orphan " + key;

		HttpResponse<String> withKey = post(context, "/things/orphans", json(name), Map.of(KEY, key));
		HttpResponse<String> withoutKey = post(context, "/things/orphans", json(name), Map.of());
		HttpResponse<String> retry = post(context, "/things/orphans", json(name), Map.of(KEY, key));

		// The deferred foreign key refuses the row at COMMIT, after the handler answered
		// 200: the answer held back is replaced by the failure's, as the service's own
		// commit would have failed without a key.
		assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(422);
		assertThat(withKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(withKey.body()).isEqualTo(withoutKey.body()).contains("\"field\":\"parentId\"");
		assertThat(withoutKey.statusCode()).isEqualTo(422);
		assertThat(retry.statusCode()).isEqualTo(422);
		assertThat(retry.headers().firstValue(REPLAYED)).isEmpty();
		assertThat(thingsNamed(name)).isZero();
		assertThat(recordsOf(key)).isZero();
	}

	@Test
	void keysOfDifferentPrincipalsAreKeptApart() throws Exception {
		String key = key();
		String name = "shared key " + key;

		HttpResponse<String> alice = post(context, "/things", json(name), Map.of(KEY, key, "X-User", "alice"));
		HttpResponse<String> bob = post(context, "/things", json(name), Map.of(KEY, key, "X-User", "bob"));
		HttpResponse<String> aliceAgain = post(context, "/things", json(name), Map.of(KEY, key, "X-User", "alice"));
		HttpResponse<String> anonymous = post(context, "/things", json(name), Map.of(KEY, key));

		assertThat(List.of(alice, bob, anonymous)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.headers().firstValue(REPLAYED)).isEmpty();
		});
		assertThat(bob.body()).isNotEqualTo(alice.body());
		assertThat(aliceAgain.headers().firstValue(REPLAYED)).hasValue("true");
		assertThat(aliceAgain.body()).isEqualTo(alice.body());
		assertThat(thingsNamed(name)).isEqualTo(3);
		assertThat(jdbc.sql("select principal from crudkit_idempotency_key where idempotency_key = ? order by 1")
			.param(key)
			.query(String.class)
			.list()).containsExactly("", "alice", "bob");
	}

	@Test
	void anAsynchronousHandlerAnswersWithoutARecord() throws Exception {
		String key = key();
		String name = "later " + key;

		HttpResponse<String> first = post(context, "/things/later", json(name), Map.of(KEY, key));
		HttpResponse<String> second = post(context, "/things/later", json(name), Map.of(KEY, key));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).startsWith("{\"id\":");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).startsWith("{\"id\":").isNotEqualTo(first.body());
		assertThat(thingsNamed(name)).isEqualTo(2);
		assertThat(recordsOf(key)).isZero();
	}

	@Test
	void aFormIsPassedOnAsIfItHadNoKey() throws Exception {
		String key = key();
		String name = "form " + key.substring(0, 8);
		String form = "name=" + name.replace(' ', '+');

		HttpResponse<String> first = send(context, "POST", "/things/form", form,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE, Map.of(KEY, key));
		HttpResponse<String> second = send(context, "POST", "/things/form", form,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE, Map.of(KEY, key));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue(REPLAYED)).isEmpty();
		assertThat(thingsNamed(name)).isEqualTo(2);
	}

	@Test
	void recordsOlderThanTheRetentionAreDeletedInBatches() {
		String prefix = "expiry-" + key();
		for (int i = 0; i < 3; i++) {
			insertRecord(prefix + "-old-" + i, "25 hours");
		}
		insertRecord(prefix + "-fresh", "23 hours");
		IdempotencyStore store = context.getBean(IdempotencyStore.class);

		int firstBatch = store.deleteExpired(Duration.ofHours(24), 2);
		int rest = context.getBean(IdempotencyCleanup.class).run();

		assertThat(firstBatch).isEqualTo(2);
		assertThat(rest).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select idempotency_key from crudkit_idempotency_key where idempotency_key like ?")
			.param(prefix + "%")
			.query(String.class)
			.list()).containsExactly(prefix + "-fresh");
	}

	@Test
	void theCleanupRunsOnItsOwnEveryInterval() throws Exception {
		try (TestDatabase.Database own = TestDatabase.createDatabase();
				ConfigurableApplicationContext application = run(own, "fixtures/idempotency",
						"--crudkit.idempotency.cleanup-interval=200ms", "--crudkit.idempotency.retention=1h")) {
			JdbcClient client = JdbcClient.create(own.dataSource());
			client
				.sql("insert into crudkit_idempotency_key (idempotency_key, fingerprint, status, headers, body,"
						+ " created_at) values ('old', '\\x00', 201, '', '\\x00', now() - interval '2 hours'),"
						+ " ('new', '\\x00', 201, '', '\\x00', now())")
				.update();

			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			List<String> left = List.of();
			while (System.nanoTime() < deadline) {
				left = client.sql("select idempotency_key from crudkit_idempotency_key").query(String.class).list();
				if (left.size() == 1) {
					break;
				}
				Thread.sleep(50);
			}

			assertThat(left).containsExactly("new");
		}
	}

	@Test
	void withoutTheTableKeysAreIgnoredAndTheLogSaysHowToTurnThemOn(CapturedOutput output) throws Exception {
		try (TestDatabase.Database own = TestDatabase.createDatabase();
				ConfigurableApplicationContext application = run(own, "fixtures/idempotency-without-table")) {
			String key = key();

			HttpResponse<String> first = post(application, "/things", json("unrecorded"), Map.of(KEY, key));
			HttpResponse<String> second = post(application, "/things", json("unrecorded"), Map.of(KEY, key));
			HttpResponse<String> malformed = post(application, "/things", json("unrecorded"), Map.of(KEY, ""));

			assertThat(List.of(first, second, malformed)).allSatisfy((response) -> {
				assertThat(response.statusCode()).isEqualTo(201);
				assertThat(response.headers().firstValue(REPLAYED)).isEmpty();
			});
			assertThat(JdbcClient.create(own.dataSource())
				.sql("select count(*) from thing where name = 'unrecorded'")
				.query(Long.class)
				.single()).isEqualTo(3);
			assertThat(output).contains("Idempotency-Key support is off: the table crudkit_idempotency_key does not "
					+ "exist. To turn it on, include db/changelog/crudkit/idempotency.yaml");
		}
	}

	@Test
	void requiredWithoutTheTableStartUpFailsNamingTheChangelog() {
		try (TestDatabase.Database own = TestDatabase.createDatabase()) {
			assertThatExceptionOfType(StartupCheckException.class).isThrownBy(
					() -> run(own, "fixtures/idempotency-without-table", "--crudkit.idempotency.enabled=true").close())
				.withMessageContaining("crudkit.idempotency.enabled is true but the table crudkit_idempotency_key "
						+ "does not exist: include db/changelog/crudkit/idempotency.yaml");
		}
	}

	private static void insertRecord(String key, String age) {
		jdbc.sql("insert into crudkit_idempotency_key (idempotency_key, fingerprint, status, headers, body, created_at)"
				+ " values (?, '\\x00', 201, '', '\\x00', now() - ?::interval)")
			.param(key)
			.param(age)
			.update();
	}

	private static long thingsNamed(String name) {
		return jdbc.sql("select count(*) from thing where name = ?").param(name).query(Long.class).single();
	}

	private static long recordsOf(String key) {
		return jdbc.sql("select count(*) from crudkit_idempotency_key where idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private static String json(String name) {
		return "{\"name\":\"" + name + "\"}";
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext application, String path, String body,
			Map<String, String> headers) throws IOException, InterruptedException {
		return send(application, "POST", path, body, MediaType.APPLICATION_JSON_VALUE, headers);
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext application, String method, String path,
			String body, String contentType, Map<String, String> headers) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext run(TestDatabase.Database database, String changelog,
			String... extra) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + TestDatabase.USERNAME,
				"--spring.datasource.password=" + TestDatabase.PASSWORD,
				"--spring.liquibase.change-log=classpath:" + changelog + "/db.changelog-master.yaml",
				"--spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"--crudkit.migration.schema-health.enabled=false"));
		arguments.addAll(List.of(extra));
		return new SpringApplication(ThingApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * An application as a user's would be: every auto-configuration on the class path, a
	 * controller, a transactional service, and a filter that authenticates whoever the
	 * {@code X-User} header names.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ ThingController.class, ThingService.class })
	static class ThingApplication {

		@Bean
		FilterRegistrationBean<Filter> principalFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				String user = ((HttpServletRequest) request).getHeader("X-User");
				chain.doFilter((user != null) ? new Authenticated((HttpServletRequest) request, user) : request,
						response);
			});
			registration.setOrder(0);
			return registration;
		}

	}

	@RestController
	static class ThingController {

		private final ThingService things;

		ThingController(ThingService things) {
			this.things = things;
		}

		@PostMapping("/things")
		ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, String> body) {
			long id = this.things.create(body.get("name"), null);
			return ResponseEntity.created(URI.create("/things/" + id))
				.eTag("\"0\"")
				.body(Map.of("id", id, "name", body.get("name")));
		}

		@PostMapping("/things/orphans")
		Map<String, Object> orphan(@RequestBody Map<String, String> body) {
			return Map.of("id", this.things.create(body.get("name"), 999_999_999L));
		}

		@PostMapping("/things/later")
		Callable<Map<String, Object>> later(@RequestBody Map<String, String> body) {
			return () -> Map.of("id", this.things.create(body.get("name"), null));
		}

		@PostMapping(path = "/things/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
		Map<String, Object> form(@RequestParam String name) {
			return Map.of("id", this.things.create(name, null));
		}

	}

	static class ThingService {

		private final JdbcClient jdbc;

		ThingService(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Transactional
		public long create(String name, @Nullable Long parent) {
			return this.jdbc.sql("insert into thing (name, parent_id) values (?, ?) returning id")
				.param(1, name)
				.param(2, parent, Types.BIGINT)
				.query(Long.class)
				.single();
		}

	}

	private static final class Authenticated extends HttpServletRequestWrapper {

		private final String user;

		Authenticated(HttpServletRequest request, String user) {
			super(request);
			this.user = user;
		}

		@Override
		public Principal getUserPrincipal() {
			return () -> this.user;
		}

	}

}
