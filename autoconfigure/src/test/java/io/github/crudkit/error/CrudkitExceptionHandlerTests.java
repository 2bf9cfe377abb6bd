package io.github.crudkit.error;

import java.lang.reflect.Method;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.crudkit.concurrency.StaleVersionException;
import io.github.crudkit.input.JsonProblemResolver;
import io.github.crudkit.input.PayloadTooLargeException;
import io.github.crudkit.patch.InvalidPatchException;
import jakarta.persistence.EntityNotFoundException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.hibernate.ObjectNotFoundException;
import org.hibernate.TransientPropertyValueException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.validator.HibernateValidator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.MethodParameter;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.ObjectRetrievalFailureException;
import org.springframework.orm.jpa.JpaObjectRetrievalFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitExceptionHandlerTests {

	private final CrudkitExceptionHandler handler = new CrudkitExceptionHandler();

	private static final ValidatorFactory validatorFactory = Validation.byProvider(HibernateValidator.class)
		.configure()
		.defaultLocale(Locale.ENGLISH)
		.buildValidatorFactory();

	private static final JsonMapper PROBLEM_READER = JsonMapper.builder().build();

	private final WebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/x"));

	private final FailingController controller = new FailingController();

	private final MockMvcTester mvc = mvc(new CrudkitExceptionHandler(new ProblemTypes(null), Map.of(),
			Duration.ofSeconds(5), List.of(new JsonProblemResolver())));

	@AfterAll
	static void closeValidator() {
		validatorFactory.close();
	}

	@Test
	void mapsResourceNotFoundToNotFound() throws Exception {
		ResponseEntity<Object> response = this.handler.handleException(new ResourceNotFoundException("Hero", 42L),
				this.request);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ProblemDetail problem = problemOf(response);
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.NOT_FOUND.value());
		assertThat(problem.getTitle()).isEqualTo("Not Found");
		assertThat(problem.getDetail()).isEqualTo("Hero 42 not found.");
		assertThat(problem.getType()).isEqualTo(URI.create("about:blank"));
		assertThat(problem.getInstance()).isEqualTo(URI.create("/api/x"));
	}

	@Test
	void mapsLongTypeMismatchToBadRequestNamingParameterAndExpectingInteger() {
		ResponseEntity<Object> response = this.handler.handleTypeMismatch(typeMismatch("abc", Long.class, "heroId", 0),
				this.request);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ProblemDetail problem = problemOf(response);
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getTitle()).isEqualTo("Bad Request");
		assertThat(problem.getDetail()).isEqualTo("Parameter 'heroId' must be an integer.");
		assertThat(problem.getProperties()).containsEntry(CrudkitExceptionHandler.ERRORS_PROPERTY,
				List.of(new FieldViolation("heroId", "must be an integer")));
	}

	@Test
	void mapsPrimitiveIntTypeMismatchToIntegerExpectation() {
		ProblemDetail problem = problemOf(
				this.handler.handleTypeMismatch(typeMismatch("x", int.class, "page", 1), this.request));
		assertThat(problem.getDetail()).isEqualTo("Parameter 'page' must be an integer.");
	}

	@Test
	void mapsOtherTypeMismatchToValidValueExpectation() {
		ProblemDetail problem = problemOf(
				this.handler.handleTypeMismatch(typeMismatch("not-a-uuid", UUID.class, "teamId", 2), this.request));
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getDetail()).isEqualTo("Parameter 'teamId' must be a valid value.");
	}

	@Test
	void typeMismatchDetailDoesNotEchoRejectedValueOrConverterInternals() {
		ProblemDetail problem = problemOf(this.handler
			.handleTypeMismatch(typeMismatch("<script>1</script>", Long.class, "heroId", 0), this.request));
		assertThat(problem.getDetail()).doesNotContain("<script>")
			.doesNotContain("NumberFormatException")
			.doesNotContain("For input string")
			.doesNotContain("java.lang");
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("failures")
	void mapsEveryFailureToProblemJsonWithTypeTitleStatusDetailAndInstance(String name, Supplier<Exception> failure,
			HttpStatus status, String slug) throws Exception {
		this.controller.failWith(failure.get());
		JsonNode problem = problemOf(this.mvc.get().uri("/api/things/1").exchange(), status);
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/things/1");
	}

	@ParameterizedTest(name = "{0} -> {3}")
	@MethodSource("failures")
	void givesEveryKindOfFailureItsOwnTypeUnderTheBaseUri(String name, Supplier<Exception> failure, HttpStatus status,
			String slug) throws Exception {
		this.controller.failWith(failure.get());
		JsonNode problem = problemOf(mvc(new CrudkitExceptionHandler(new ProblemTypes("https://example.com/problems/"),
				Map.of(), Duration.ofSeconds(5)))
			.get()
			.uri("/api/things/1")
			.exchange(), status);
		assertThat(problem.get("type").asString()).isEqualTo("https://example.com/problems/" + slug);
	}

	static Stream<Arguments> failures() {
		return Stream.of(
				failure("ResourceNotFoundException", () -> new ResourceNotFoundException("Thing", 1),
						HttpStatus.NOT_FOUND, "not-found"),
				failure("ReferenceNotFoundException", () -> new ReferenceNotFoundException("teamId", "Team", 9),
						HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference"),
				failure("StaleVersionException", () -> new StaleVersionException("Thing", 1, 5),
						HttpStatus.PRECONDITION_FAILED, "stale-version"),
				failure("OptimisticLockingFailureException", () -> new OptimisticLockingFailureException("lost"),
						HttpStatus.CONFLICT, "concurrent-update"),
				failure("unique violation", () -> postgres("23505", "uk_thing_name", "thing", null),
						HttpStatus.CONFLICT, "duplicate"),
				failure("foreign key violation", () -> postgres("23503", "fk_thing_team_id", "thing", null),
						HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference"),
				failure("check violation", () -> postgres("23514", "ck_thing_age", "thing", null),
						HttpStatus.BAD_REQUEST, "validation"),
				failure("not-null violation", () -> postgres("23502", null, "thing", "name"), HttpStatus.BAD_REQUEST,
						"validation"),
				failure("other integrity violation", () -> new DataIntegrityViolationException("x"),
						HttpStatus.CONFLICT, "conflict"),
				failure("CannotCreateTransactionException",
						() -> new CannotCreateTransactionException("Connection refused"),
						HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable"),
				failure("DataAccessResourceFailureException", () -> new DataAccessResourceFailureException("down"),
						HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable"),
				failure("TransientDataAccessResourceException", () -> new TransientDataAccessResourceException("down"),
						HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable"),
				failure("QueryTimeoutException", () -> new QueryTimeoutException("slow"),
						HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable"),
				failure("CannotAcquireLockException", () -> new CannotAcquireLockException("locked"),
						HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable"),
				failure("InvalidPatchException", () -> new InvalidPatchException("age", "Unknown property 'age'."),
						HttpStatus.BAD_REQUEST, "validation"),
				failure("ConstraintViolationException",
						() -> new ConstraintViolationException(
								validatorFactory.getValidator().validate(new ThingCreate(" ", 1, List.of()))),
						HttpStatus.BAD_REQUEST, "validation"),
				failure("PayloadTooLargeException", () -> new PayloadTooLargeException(10),
						HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
				failure("IllegalStateException", () -> new IllegalStateException("boom"),
						HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
	}

	private static Arguments failure(String name, Supplier<Exception> failure, HttpStatus status, String slug) {
		return Arguments.of(name, failure, status, slug);
	}

	@Test
	void mapsUniqueViolationToConflictNamingTheField() throws Exception {
		this.controller.failWith(postgres("23505", "uk_thing_name", "thing", null));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString()).isEqualTo("The value of 'name' is already taken.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "name", "message", "is already taken"));
	}

	@Test
	void compositeUniqueViolationNamesEveryFieldItCovers() throws Exception {
		this.controller.failWith(ConstraintViolationInfoTests.postgres("23505", "uk_book_tag_book_id_tag_id",
				"book_tag", null, "Key (book_id, tag_id)=(1, 2) already exists."));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The combination of 'bookId' and 'tagId' is already taken.");
		assertThat(errors(problem)).containsExactly(
				Map.of("field", "bookId", "message", "is already taken in this combination"),
				Map.of("field", "tagId", "message", "is already taken in this combination"));
		assertThat(problem.toString()).doesNotContain("bookIdTagId");
	}

	@Test
	void uniqueViolationUsesConstraintFieldsBeforeTheNamingRule() throws Exception {
		this.controller.failWith(postgres("23505", "thing_label_key", "thing", null));
		JsonNode problem = problemOf(mvc(new CrudkitExceptionHandler(new ProblemTypes(null),
				Map.of("thing_label_key", "name"), Duration.ofSeconds(5)))
			.post()
			.uri("/api/things")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Widget\"}")
			.exchange(), HttpStatus.CONFLICT);
		assertThat(errors(problem)).containsExactly(Map.of("field", "name", "message", "is already taken"));
	}

	@Test
	void uniqueViolationWithoutKnownFieldHasNoErrors() throws Exception {
		this.controller.failWith(new DataIntegrityViolationException("x", new SQLException("x", "23505")));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString()).isEqualTo("A unique value is already taken.");
		assertThat(problem.has("errors")).isFalse();
	}

	@Test
	void mapsForeignKeyViolationOnDeleteToConflict() throws Exception {
		this.controller.failWith(postgres("23503", "fk_thing_team_id", "thing", null));
		JsonNode problem = problemOf(this.mvc.delete().uri("/api/things/1").exchange(), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The resource is still referenced by other resources and cannot be deleted.");
		assertThat(problem.has("errors")).isFalse();
	}

	@Test
	void mapsForeignKeyViolationOnPostToUnprocessableContentNamingTheField() throws Exception {
		this.controller.failWith(postgres("23503", "fk_thing_team_id", "thing", null));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem.get("detail").asString()).isEqualTo("'teamId' refers to a resource that does not exist.");
		assertThat(errors(problem))
			.containsExactly(Map.of("field", "teamId", "message", "refers to a resource that does not exist"));
	}

	@Test
	void deletingARowThatLoadedChildrenStillReferenceIsAConflict() throws Exception {
		// What Spring makes of Hibernate refusing a flush that would leave children
		// pointing to a deleted parent.
		this.controller
			.failWith(new InvalidDataAccessApiUsageException("flush failed",
					new IllegalStateException(new TransientPropertyValueException(
							"Persistent instance references an unsaved transient instance", "Parent", "Child",
							"parent"))));
		JsonNode problem = problemOf(this.mvc.delete().uri("/api/things/1").exchange(), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The resource is still referenced by other resources and cannot be deleted.");
		assertThat(problem.toString()).doesNotContain("transient").doesNotContain("Parent");
	}

	@Test
	void aWriteReferringToAnUnsavedRowIsUnprocessableNamingTheField() throws Exception {
		this.controller
			.failWith(new InvalidDataAccessApiUsageException("flush failed", new TransientPropertyValueException(
					"references an unsaved transient instance", "Team", "Thing", "team")));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(errors(problem))
			.containsExactly(Map.of("field", "teamId", "message", "refers to a resource that does not exist"));
	}

	@Test
	void aStaleLazyReferenceInAWriteIsUnprocessable() throws Exception {
		this.controller.failWith(new JpaObjectRetrievalFailureException(
				new EntityNotFoundException("Unable to find io.github.Team with id 5")));
		JsonNode problem = problemOf(this.mvc.patch().uri("/api/things/1").exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem.get("detail").asString()).isEqualTo("The request refers to a resource that does not exist.");
		assertThat(problem.toString()).doesNotContain("io.github");
	}

	@Test
	void aStaleReferenceHibernateFindsOnDeleteIsAConflict() throws Exception {
		this.controller.failWith(
				new ObjectRetrievalFailureException("Thing", 5, "no row", new ObjectNotFoundException("Thing", 5)));
		problemOf(this.mvc.delete().uri("/api/things/1").exchange(), HttpStatus.CONFLICT);
	}

	@Test
	void mapsCheckViolationToBadRequestNamingTheField() throws Exception {
		this.controller.failWith(postgres("23514", "ck_thing_age", "thing", null));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.BAD_REQUEST);
		assertThat(errors(problem)).containsExactly(Map.of("field", "age", "message", "is not allowed"));
	}

	@Test
	void mapsReferenceNotFoundToUnprocessableContentNamingTheField() throws Exception {
		this.controller.failWith(new ReferenceNotFoundException("teamId", "Team", 9));
		JsonNode problem = problemOf(post("{\"name\":\"Widget\"}"), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem.get("detail").asString()).isEqualTo("Team 9 does not exist.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "teamId", "message", "Team 9 does not exist."));
	}

	@Test
	void mapsLostOptimisticLockRaceWithIfMatchToPreconditionFailed() throws Exception {
		this.controller.failWith(new OptimisticLockingFailureException("Row was updated by another transaction"));
		JsonNode problem = problemOf(
				this.mvc.patch().uri("/api/things/1").header(HttpHeaders.IF_MATCH, "\"3\"").exchange(),
				HttpStatus.PRECONDITION_FAILED);
		assertThat(problem.get("detail").asString()).doesNotContain("another transaction");
	}

	@Test
	void mapsLostOptimisticLockRaceWithoutIfMatchToConflict() throws Exception {
		this.controller.failWith(new OptimisticLockingFailureException("Row was updated by another transaction"));
		JsonNode problem = problemOf(this.mvc.patch().uri("/api/things/1").exchange(), HttpStatus.CONFLICT);
		assertThat(problem.get("detail").asString()).contains("nothing was written").doesNotContain("transaction");
	}

	@Test
	void mapsStaleVersionToPreconditionFailedNamingTheCurrentVersion() throws Exception {
		this.controller.failWith(new StaleVersionException("Thing", 1, 5));
		JsonNode problem = problemOf(
				this.mvc.patch().uri("/api/things/1").header(HttpHeaders.IF_MATCH, "\"3\"").exchange(),
				HttpStatus.PRECONDITION_FAILED);
		assertThat(problem.get("detail").asString()).isEqualTo(
				"Thing 1 has changed since the version named in If-Match; it is now at version 5. Read it again and retry.");
	}

	@Test
	void mapsUnreachableDatabaseToServiceUnavailableWithRetryAfter() throws Exception {
		this.controller.failWith(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLException("Connection to 10.0.0.7:5432 refused")));
		MvcTestResult result = this.mvc.get().uri("/api/things/1").exchange();
		assertThat(result).headers().hasValue(HttpHeaders.RETRY_AFTER, "5");
		JsonNode problem = problemOf(result, HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The database is not available at the moment. Retry later.");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("10.0.0.7")
			.doesNotContain("EntityManager")
			.doesNotContain("refused");
	}

	@Test
	void retryAfterIsTheConfiguredDuration() {
		this.controller.failWith(new CannotCreateTransactionException("Connection refused"));
		MockMvcTester mvc = mvc(new CrudkitExceptionHandler(new ProblemTypes(null), Map.of(), Duration.ofSeconds(30)));
		assertThat(mvc.get().uri("/api/things/1").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.headers()
			.hasValue(HttpHeaders.RETRY_AFTER, "30");
	}

	@Test
	void retryAfterIsAtLeastOneSecond() {
		this.controller.failWith(new QueryTimeoutException("slow"));
		MockMvcTester mvc = mvc(new CrudkitExceptionHandler(new ProblemTypes(null), Map.of(), Duration.ofMillis(200)));
		assertThat(mvc.get().uri("/api/things/1").exchange()).headers().hasValue(HttpHeaders.RETRY_AFTER, "1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.crudkit.error.ConnectionFailureChains#connectionFailures")
	void mapsALostOrUnusableConnectionWhateverWrapsItToServiceUnavailableWithRetryAfter(String name,
			Supplier<Exception> failure) throws Exception {
		this.controller.failWith(failure.get());
		MvcTestResult result = this.mvc.post()
			.uri("/api/things")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Widget\"}")
			.exchange();
		assertThat(result).headers().hasValue(HttpHeaders.RETRY_AFTER, "5");
		JsonNode problem = problemOf(result, HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The database is not available at the moment. Retry later.");
		assertThat(result.getResponse().getContentAsString()).doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase("insert")
			.doesNotContain("JDBC")
			.doesNotContain("Exception")
			.doesNotContain("connection");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.crudkit.error.ConnectionFailureChains#otherFailures")
	void leavesFailuresThatAreNotAboutTheConnectionToTheirOwnMapping(String name, Supplier<Exception> failure) {
		this.controller.failWith(failure.get());
		assertThat(this.mvc.get().uri("/api/things/1").exchange().getResponse().getStatus())
			.isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsALostConnectionAsOneWarningWithoutSqlOrValues(CapturedOutput output) {
		this.controller.failWith(new JpaSystemException(new GenericJDBCException("could not execute batch",
				ConnectionFailureChains.batchFailure(), ConnectionFailureChains.INSERT)));
		assertThat(this.mvc.get().uri("/api/things/1").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(output.getAll().lines().filter((line) -> line.contains("CrudkitExceptionHandler"))).singleElement()
			.asString()
			.contains("WARN")
			.contains("GET /api/things/1")
			.contains("PSQLException (08006): An I/O error occurred while sending to the backend.; "
					+ "SocketException: Connection reset")
			.doesNotContainIgnoringCase("insert")
			.doesNotContain("faults-1");
		assertThat(output.getAll()).doesNotContain("at io.github.crudkit");
	}

	@Test
	void mapsAServerErrorThatCarriesItsOwnProblemButWasCausedByALostConnectionToServiceUnavailable() {
		this.controller.failWith(new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "Could not load",
				new SQLException("Connection is closed", "08003")));
		assertThat(this.mvc.get().uri("/api/things/1").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.headers()
			.hasValue(HttpHeaders.RETRY_AFTER, "5");
	}

	@Test
	void mapsASpringMvcServerErrorCausedByALostConnectionToServiceUnavailable() {
		this.controller.failWith(new HttpMessageNotWritableException("Could not write JSON",
				new JpaSystemException(new GenericJDBCException("could not initialize proxy",
						new SQLException("This connection has been closed.", "08003")))));
		assertThat(this.mvc.get().uri("/api/things/1").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.headers()
			.hasValue(HttpHeaders.RETRY_AFTER, "5");
	}

	@Test
	void keepsAClientErrorThatCarriesItsOwnProblemEvenWithAConnectionFailureBehindIt() {
		this.controller.failWith(new ResponseStatusException(HttpStatus.NOT_FOUND, "Gone",
				new SQLException("Connection is closed", "08003")));
		assertThat(this.mvc.get().uri("/api/things/1").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void unexpectedFailureIsInternalServerErrorThatRevealsNothing() throws Exception {
		this.controller.failWith(new IllegalStateException("secret SQL select * from x"));
		MvcTestResult result = this.mvc.get().uri("/api/things/1").exchange();
		JsonNode problem = problemOf(result, HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.get("detail").asString()).isEqualTo("The server failed to handle the request.");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("secret")
			.doesNotContain("select")
			.doesNotContain("IllegalStateException")
			.doesNotContain("Exception")
			.doesNotContain("java.")
			.doesNotContain("at ");
	}

	@Test
	void malformedJsonIsBadRequest() throws Exception {
		JsonNode problem = problemOf(post("{\"name\":"), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid JSON.");
		assertThat(problem.has("errors")).isFalse();
		assertThat(this.controller.calls).isZero();
	}

	@Test
	void missingBodyIsBadRequest() throws Exception {
		JsonNode problem = problemOf(
				this.mvc.post().uri("/api/things").contentType(MediaType.APPLICATION_JSON).exchange(),
				HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is missing or cannot be read.");
	}

	@Test
	void unknownPropertyIsBadRequestNamingIt() throws Exception {
		JsonNode problem = problemOf(post("{\"name\":\"Widget\",\"power\":\"flight\"}"), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request has a property that is not known.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "power", "message", "is not a known property"));
		assertThat(problem.toString()).doesNotContain("ThingCreate").doesNotContain("tools.jackson");
	}

	@Test
	void valueOfWrongTypeIsBadRequestNamingTheField() throws Exception {
		JsonNode problem = problemOf(post("{\"name\":\"Widget\",\"age\":\"old\"}"), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request is not valid.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "age", "message", "has a value of the wrong type"));
		assertThat(problem.toString()).doesNotContain("Integer").doesNotContain("old");
	}

	@Test
	void valueOfWrongTypeInsideListIsBadRequestNamingItsPath() throws Exception {
		JsonNode problem = problemOf(post("{\"name\":\"Widget\",\"parts\":[{\"count\":1},{\"count\":\"many\"}]}"),
				HttpStatus.BAD_REQUEST);
		assertThat(errors(problem))
			.containsExactly(Map.of("field", "parts[1].count", "message", "has a value of the wrong type"));
	}

	@Test
	void invalidRequestBodyIsBadRequestWithOneEntryPerField() throws Exception {
		JsonNode problem = problemOf(post("{\"name\":\" \",\"age\":200}"), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request is not valid.");
		assertThat(errors(problem)).containsExactly(
				Map.of("field", "age", "message", "must be less than or equal to 150"),
				Map.of("field", "name", "message", "must not be blank"));
	}

	@Test
	void constraintViolationOfPathVariableIsBadRequestNamingIt() throws Exception {
		JsonNode problem = problemOf(this.mvc.get().uri("/api/things/0").exchange(), HttpStatus.BAD_REQUEST);
		assertThat(errors(problem)).containsExactly(Map.of("field", "id", "message", "must be greater than 0"));
		assertThat(this.controller.calls).isZero();
	}

	@Test
	void nonNumericIdIsBadRequestNamingIt() throws Exception {
		JsonNode problem = problemOf(this.mvc.get().uri("/api/things/abc").exchange(), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'id' must be an integer.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "id", "message", "must be an integer"));
		assertThat(problem.get("detail").asString()).doesNotContain("abc");
		assertThat(problem.toString()).doesNotContain("NumberFormatException").doesNotContain("For input string");
	}

	@Test
	void constraintViolationsAreListedInFieldOrder() throws Exception {
		this.controller.failWith(new ConstraintViolationException(
				validatorFactory.getValidator().validate(new ThingCreate(null, 200, List.of()))));
		JsonNode problem = problemOf(this.mvc.patch().uri("/api/things/1").exchange(), HttpStatus.BAD_REQUEST);
		assertThat(errors(problem)).containsExactly(
				Map.of("field", "age", "message", "must be less than or equal to 150"),
				Map.of("field", "name", "message", "must not be blank"));
	}

	@Test
	void invalidPatchIsBadRequestNamingTheField() throws Exception {
		this.controller.failWith(new InvalidPatchException("power", "is not a known property"));
		JsonNode problem = problemOf(this.mvc.patch().uri("/api/things/1").exchange(), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).isEqualTo("The request is not valid.");
		assertThat(errors(problem)).containsExactly(Map.of("field", "power", "message", "is not a known property"));
	}

	@Test
	void problemsOfSpringMvcItselfAreProblemJsonToo() throws Exception {
		JsonNode problem = problemOf(this.mvc.put().uri("/api/things/1").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
	}

	@Test
	void problemsOfSpringMvcItselfGetTypeUnderTheBaseUri() throws Exception {
		JsonNode problem = problemOf(mvc(new CrudkitExceptionHandler(new ProblemTypes("https://example.com/problems/"),
				Map.of(), Duration.ofSeconds(5)))
			.put()
			.uri("/api/things/1")
			.exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(problem.get("type").asString()).isEqualTo("https://example.com/problems/method-not-allowed");
	}

	@Test
	void typesAreUnderTheBaseUri() throws Exception {
		MockMvcTester mvc = mvc(new CrudkitExceptionHandler(new ProblemTypes("https://example.com/problems/"), Map.of(),
				Duration.ofSeconds(5)));
		assertThat(
				problemOf(mvc.get().uri("/api/things/abc").exchange(), HttpStatus.BAD_REQUEST).get("type").asString())
			.isEqualTo("https://example.com/problems/validation");
		assertThat(
				problemOf(mvc.post().uri("/api/things").contentType(MediaType.APPLICATION_JSON).content("{").exchange(),
						HttpStatus.BAD_REQUEST)
					.get("type")
					.asString())
			.isEqualTo("https://example.com/problems/validation");
		this.controller.failWith(new ResourceNotFoundException("Thing", 1));
		assertThat(problemOf(mvc.get().uri("/api/things/1").exchange(), HttpStatus.NOT_FOUND).get("type").asString())
			.isEqualTo("https://example.com/problems/not-found");
	}

	private MvcTestResult post(String body) {
		return this.mvc.post().uri("/api/things").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MockMvcTester mvc(CrudkitExceptionHandler handler) {
		return MockMvcTester.create(MockMvcBuilders.standaloneSetup(this.controller)
			.setControllerAdvice(handler)
			.setMessageConverters(new JacksonJsonHttpMessageConverter(
					JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)))
			.build());
	}

	private static JsonNode problemOf(MvcTestResult result, HttpStatus status) throws Exception {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = PROBLEM_READER.readTree(result.getResponse().getContentAsString());
		assertThat(problem.get("type").isString()).isTrue();
		assertThat(problem.get("title").asString()).isEqualTo(status.getReasonPhrase());
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo(result.getRequest().getRequestURI());
		return problem;
	}

	private static List<Map<String, Object>> errors(JsonNode problem) {
		assertThat(problem.has("errors")).as("errors in %s", problem).isTrue();
		return PROBLEM_READER.convertValue(problem.get("errors"), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	static DataIntegrityViolationException postgres(String sqlState, @Nullable String constraint, String table,
			@Nullable String column) {
		return ConstraintViolationInfoTests.postgres(sqlState, constraint, table, column);
	}

	private static ProblemDetail problemOf(ResponseEntity<Object> response) {
		assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
		return (ProblemDetail) response.getBody();
	}

	private static MethodArgumentTypeMismatchException typeMismatch(String value, Class<?> requiredType, String name,
			int parameterIndex) {
		Method method = ReflectionUtils.findMethod(Endpoints.class, "find", Long.class, int.class, UUID.class);
		NumberFormatException cause = new NumberFormatException("For input string: \"" + value + "\"");
		return new MethodArgumentTypeMismatchException(value, requiredType, name,
				new MethodParameter(method, parameterIndex), cause);
	}

	static class Endpoints {

		void find(Long heroId, int page, UUID teamId) {
		}

	}

	record ThingCreate(@NotBlank String name, @Max(150) @Nullable Integer age, @Nullable List<Part> parts) {

	}

	record Part(int count) {

	}

	@RestController
	static class FailingController {

		private @Nullable Exception failure;

		private int calls;

		void failWith(Exception failure) {
			this.failure = failure;
		}

		@GetMapping("/api/things/{id}")
		ThingCreate find(@PathVariable @Positive long id) throws Exception {
			call();
			return new ThingCreate("Widget", 1, List.of());
		}

		@PostMapping("/api/things")
		ThingCreate create(@RequestBody @Valid ThingCreate thing) throws Exception {
			call();
			return thing;
		}

		@PatchMapping("/api/things/{id}")
		ThingCreate patch(@PathVariable long id) throws Exception {
			call();
			return new ThingCreate("Widget", 1, List.of());
		}

		@DeleteMapping("/api/things/{id}")
		void delete(@PathVariable long id) throws Exception {
			call();
		}

		private void call() throws Exception {
			this.calls++;
			if (this.failure != null) {
				throw this.failure;
			}
		}

	}

}
