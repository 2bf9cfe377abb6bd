package io.github.crudkit.error.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.crudkit.error.CrudkitExceptionHandler;
import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemTypes;
import io.github.crudkit.error.ResourceNotFoundException;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitErrorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitErrorAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void registersExceptionHandlerInServletWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CrudkitExceptionHandler.class)
			.hasSingleBean(ResponseEntityExceptionHandler.class));
	}

	@Test
	void backsOffWhenUserDefinesResponseEntityExceptionHandler() {
		this.contextRunner.withUserConfiguration(UserHandlerConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(CrudkitExceptionHandler.class)
				.hasSingleBean(ResponseEntityExceptionHandler.class)
				.getBean(ResponseEntityExceptionHandler.class)
				.isInstanceOf(UserExceptionHandler.class));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ResponseEntityExceptionHandler.class)
				.doesNotHaveBean(ProblemTypes.class)
				.doesNotHaveBean(ProblemErrorController.class)
				.doesNotHaveBean(ErrorController.class));
	}

	@Test
	void isNotRegisteredOutsideServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CrudkitErrorAutoConfiguration.class, JacksonAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class)
				.doesNotHaveBean(ProblemTypes.class)
				.doesNotHaveBean(ProblemErrorController.class));
	}

	@Test
	void replacesBootProblemDetailsHandlerWhenBothAreEnabled() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
			.withPropertyValues("spring.mvc.problemdetails.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(WebMvcAutoConfiguration.class)
				.hasSingleBean(ResponseEntityExceptionHandler.class)
				.getBean(ResponseEntityExceptionHandler.class)
				.isExactlyInstanceOf(CrudkitExceptionHandler.class));
	}

	@Test
	void registersProblemTypesThatAreAboutBlankByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ProblemTypes.class);
			assertThat(context.getBean(ProblemTypes.class).typeOf("duplicate")).isEqualTo(ProblemTypes.BLANK);
		});
	}

	@Test
	void backsOffWhenUserDefinesProblemTypesAndUsesThemEverywhere() {
		this.contextRunner.withUserConfiguration(UserProblemTypesConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ProblemTypes.class)
				.getBean(ProblemTypes.class)
				.isSameAs(context.getBean("userProblemTypes"));
			assertThat(notFound(context).getType()).isEqualTo(URI.create("urn:user:not-found"));
			assertThat(errorPage(context, 404).getType()).isEqualTo(URI.create("urn:user:not-found"));
		});
	}

	@Test
	void registersProblemErrorController() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ErrorController.class)
			.getBean(ErrorController.class)
			.isExactlyInstanceOf(ProblemErrorController.class));
	}

	@Test
	void problemErrorControllerBacksOffWhenUserDefinesErrorController() {
		this.contextRunner.withUserConfiguration(UserErrorControllerConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemErrorController.class)
				.hasSingleBean(ErrorController.class)
				.getBean(ErrorController.class)
				.isSameAs(context.getBean("userErrorController")));
	}

	@Test
	void problemErrorControllerTakesThePlaceOfBootErrorController() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ErrorController.class)
				.getBean(ErrorController.class)
				.isExactlyInstanceOf(ProblemErrorController.class));
	}

	@Test
	void bindsTypeBaseUri() {
		this.contextRunner.withPropertyValues("crudkit.errors.type-base-uri=https://example.com/problems/")
			.run((context) -> {
				assertThat(context.getBean(ProblemTypes.class).typeOf("duplicate"))
					.isEqualTo(URI.create("https://example.com/problems/duplicate"));
				assertThat(notFound(context).getType()).isEqualTo(URI.create("https://example.com/problems/not-found"));
				assertThat(errorPage(context, 400).getType())
					.isEqualTo(URI.create("https://example.com/problems/bad-request"));
			});
	}

	@Test
	void bindsConstraintFields() {
		this.contextRunner.withPropertyValues("crudkit.errors.constraint-fields.thing_name_key=title")
			.run((context) -> {
				ResponseEntity<Object> response = context.getBean(CrudkitExceptionHandler.class)
					.handleDataIntegrityViolation(uniqueViolation("thing_name_key", "thing"), webRequest("POST"));
				assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry(
						CrudkitExceptionHandler.ERRORS_PROPERTY,
						List.of(new FieldViolation("title", "is already taken")));
			});
	}

	@Test
	void constraintsMissingFromConstraintFieldsFallBackToTheNamingRule() {
		this.contextRunner.withPropertyValues("crudkit.errors.constraint-fields.thing_name_key=title")
			.run((context) -> {
				ResponseEntity<Object> response = context.getBean(CrudkitExceptionHandler.class)
					.handleDataIntegrityViolation(uniqueViolation("uk_thing_code", "thing"), webRequest("POST"));
				assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry(
						CrudkitExceptionHandler.ERRORS_PROPERTY,
						List.of(new FieldViolation("code", "is already taken")));
			});
	}

	@Test
	void retryAfterIsFiveSecondsByDefault() {
		this.contextRunner
			.run((context) -> assertThat(databaseUnavailable(context).getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
				.isEqualTo("5"));
	}

	@Test
	void bindsRetryAfter() {
		this.contextRunner.withPropertyValues("crudkit.errors.retry-after=2m")
			.run((context) -> assertThat(databaseUnavailable(context).getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
				.isEqualTo("120"));
	}

	private static ProblemDetail notFound(AssertableWebApplicationContext context) throws Exception {
		return (ProblemDetail) context.getBean(CrudkitExceptionHandler.class)
			.handleException(new ResourceNotFoundException("Thing", 1), webRequest("GET"))
			.getBody();
	}

	private static ProblemDetail errorPage(AssertableWebApplicationContext context, int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/things");
		return context.getBean(ProblemErrorController.class).error(request).getBody();
	}

	private static ResponseEntity<Object> databaseUnavailable(AssertableWebApplicationContext context) {
		return context.getBean(CrudkitExceptionHandler.class)
			.handleDatabaseUnavailable(new CannotCreateTransactionException("Connection refused"), webRequest("GET"));
	}

	private static ServletWebRequest webRequest(String method) {
		return new ServletWebRequest(new MockHttpServletRequest(method, "/api/things"));
	}

	private static DataIntegrityViolationException uniqueViolation(String constraint, String table) {
		ServerErrorMessage message = new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique "
				+ "constraint \"" + constraint + "\"\0n" + constraint + "\0t" + table + "\0");
		return new DataIntegrityViolationException("could not execute statement", new PSQLException(message));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlerConfiguration {

		@Bean
		UserExceptionHandler userExceptionHandler() {
			return new UserExceptionHandler();
		}

	}

	static class UserExceptionHandler extends ResponseEntityExceptionHandler {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProblemTypesConfiguration {

		@Bean
		ProblemTypes userProblemTypes() {
			return new ProblemTypes("urn:user:");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserErrorControllerConfiguration {

		@Bean
		ErrorController userErrorController() {
			return new UserErrorController();
		}

	}

	static class UserErrorController implements ErrorController {

	}

}
