package io.github.crudkit.error;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.crudkit.model.StrictJsonModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query parameters that PostgreSQL cannot compare as sent (a NUL character, an unpaired surrogate) with a
 * {@code 400} naming the parameter, before they reach a query.
 *
 * @since 0.1.0
 */
public class RequestTextFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	/**
	 * Create the filter.
	 * @param problems writes the problem detail of a refused request
	 */
	public RequestTextFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		// Form bodies are left alone: reading their parameters here would consume the body.
		if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				String problem = StrictJsonModule.problemOf(parameter.getKey());
				for (String value : parameter.getValue()) {
					if (problem == null && value != null) {
						problem = StrictJsonModule.problemOf(value);
					}
				}
				if (problem != null) {
					ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
							"The request is not valid.");
					detail.setProperty(CrudkitExceptionHandler.ERRORS_PROPERTY,
							List.of(new FieldViolation(parameter.getKey(), problem)));
					this.problems.write(request, response, detail, "validation");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

}
