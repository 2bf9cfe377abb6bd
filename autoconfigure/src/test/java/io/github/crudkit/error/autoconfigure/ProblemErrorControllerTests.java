package io.github.crudkit.error.autoconfigure;

import java.net.URI;

import io.github.crudkit.error.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTests {

	private final ProblemErrorController controller = new ProblemErrorController(new ProblemTypes(null));

	@ParameterizedTest
	@CsvSource({ "400, Bad Request, The request cannot be handled: Bad Request.",
			"404, Not Found, The request cannot be handled: Not Found.",
			"405, Method Not Allowed, The request cannot be handled: Method Not Allowed.",
			"500, Internal Server Error, The server failed to handle the request.",
			"503, Service Unavailable, The server failed to handle the request." })
	void answersWithProblemOfTheForwardedStatus(int status, String title, String detail) {
		ResponseEntity<ProblemDetail> response = this.controller.error(forwarded(status, "/api/heroes/1"));
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = response.getBody();
		assertThat(problem).isNotNull();
		assertThat(problem.getStatus()).isEqualTo(status);
		assertThat(problem.getTitle()).isEqualTo(title);
		assertThat(problem.getDetail()).isEqualTo(detail);
		assertThat(problem.getType()).isEqualTo(ProblemTypes.BLANK);
		assertThat(problem.getInstance()).isEqualTo(URI.create("/api/heroes/1"));
	}

	@Test
	void neverShowsTheExceptionOrItsMessage() {
		MockHttpServletRequest request = forwarded(500, "/api/heroes");
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
				new IllegalStateException("secret SQL select * from hero"));
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, IllegalStateException.class);
		request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "secret SQL select * from hero");
		ProblemDetail problem = this.controller.error(request).getBody();
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.toString()).doesNotContain("secret")
			.doesNotContain("select")
			.doesNotContain("IllegalStateException");
		assertThat(problem.getProperties()).isNullOrEmpty();
	}

	@Test
	void neverShowsTheMessageOfClientError() {
		MockHttpServletRequest request = forwarded(400, "/api/heroes");
		request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "Invalid character found in the request target");
		ProblemDetail problem = this.controller.error(request).getBody();
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.toString()).doesNotContain("Invalid character");
	}

	@Test
	void missingStatusIsInternalServerError() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		ResponseEntity<ProblemDetail> response = this.controller.error(request);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody().getInstance()).isNull();
	}

	@Test
	void statusThatIsNoErrorIsInternalServerError() {
		assertThat(this.controller.error(forwarded(200, "/api/heroes")).getStatusCode())
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void unknownStatusIsInternalServerError() {
		assertThat(this.controller.error(forwarded(499, "/api/heroes")).getStatusCode())
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void requestUriThatIsNoValidUriIsLeftOut() {
		ProblemDetail problem = this.controller.error(forwarded(400, "/api/heroes/{bad}")).getBody();
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getInstance()).isNull();
	}

	@Test
	void typeComesFromProblemTypes() {
		ProblemErrorController controller = new ProblemErrorController(
				new ProblemTypes("https://example.com/problems/"));
		assertThat(controller.error(forwarded(404, "/x")).getBody().getType())
			.isEqualTo(URI.create("https://example.com/problems/not-found"));
		assertThat(controller.error(forwarded(500, "/x")).getBody().getType())
			.isEqualTo(URI.create("https://example.com/problems/internal-error"));
	}

	@Test
	void writesProblemJsonOverHttp() {
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(this.controller).build());
		MvcTestResult result = mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/heroes/42")
			.requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isStrictlyEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
					+ "\"detail\":\"The request cannot be handled: Not Found.\",\"instance\":\"/api/heroes/42\"}");
	}

	private static MockHttpServletRequest forwarded(int status, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
		return request;
	}

}
