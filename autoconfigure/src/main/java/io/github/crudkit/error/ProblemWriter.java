package io.github.crudkit.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem detail straight to the servlet response, for failures met before
 * Spring MVC (in a filter) or after it (the container's error page).
 *
 * @since 0.1.0
 */
public final class ProblemWriter {

	private final JsonMapper mapper;

	private final ProblemTypes types;

	/**
	 * Create the writer.
	 * @param mapper the mapper that writes the JSON
	 * @param types chooses the {@code type} of each problem
	 */
	public ProblemWriter(JsonMapper mapper, ProblemTypes types) {
		this.mapper = mapper;
		this.types = types;
	}

	/**
	 * Complete a problem detail (type, title, instance) and write it.
	 * @param request the request
	 * @param response the response
	 * @param problem the problem, with status and detail
	 * @param slug the kind of problem
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, String slug)
			throws IOException {
		this.types.complete(problem, slug, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
