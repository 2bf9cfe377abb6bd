package io.github.crudkit.error;

import java.lang.reflect.Method;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitExceptionHandlerTests {

	private final CrudkitExceptionHandler handler = new CrudkitExceptionHandler();

	@Test
	void mapsResourceNotFoundToNotFound() {
		ProblemDetail problem = body(this.handler.handleResourceNotFound(new ResourceNotFoundException("Hero", 42L), request()));
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.NOT_FOUND.value());
		assertThat(problem.getTitle()).isEqualTo("Not Found");
		assertThat(problem.getDetail()).isEqualTo("Hero 42 not found.");
	}

	@Test
	void mapsLongTypeMismatchToBadRequestNamingParameterAndExpectingInteger() {
		ProblemDetail problem = (ProblemDetail) this.handler.handleTypeMismatch(typeMismatch("abc", Long.class, "heroId", 0), request()).getBody();
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getTitle()).isEqualTo("Bad Request");
		assertThat(problem.getDetail()).isEqualTo("Parameter 'heroId' must be an integer.");
	}

	@Test
	void mapsPrimitiveIntTypeMismatchToIntegerExpectation() {
		ProblemDetail problem = (ProblemDetail) this.handler.handleTypeMismatch(typeMismatch("x", int.class, "page", 1), request()).getBody();
		assertThat(problem.getDetail()).isEqualTo("Parameter 'page' must be an integer.");
	}

	@Test
	void mapsOtherTypeMismatchToValidValueExpectation() {
		ProblemDetail problem = (ProblemDetail) this.handler.handleTypeMismatch(typeMismatch("not-a-uuid", UUID.class, "teamId", 2), request()).getBody();
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getDetail()).isEqualTo("Parameter 'teamId' must be a valid value.");
	}

	@Test
	void typeMismatchDetailDoesNotEchoRejectedValueOrConverterInternals() {
		ProblemDetail problem = (ProblemDetail) this.handler
			.handleTypeMismatch(typeMismatch("<script>1</script>", Long.class, "heroId", 0), request()).getBody();
		assertThat(problem.getDetail()).doesNotContain("<script>")
			.doesNotContain("NumberFormatException")
			.doesNotContain("For input string")
			.doesNotContain("java.lang");
	}

	private static ServletWebRequest request() {
		return new ServletWebRequest(new MockHttpServletRequest("GET", "/api/heroes/abc"));
	}

	private static ProblemDetail body(ResponseEntity<Object> response) {
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

}
