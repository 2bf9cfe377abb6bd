package io.github.crudkit.input.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.error.ProblemWriter;
import io.github.crudkit.input.StrictJsonModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query parameters that PostgreSQL cannot compare as sent (a NUL character, an
 * unpaired surrogate) with a {@code 400} naming the parameter, before they reach a query;
 * a query string the container cannot decode with a {@code 400}; and a wildcard
 * {@code Content-Type} (such as {@code *}{@code /*}), which Spring MVC would fail on,
 * with a {@code 415}.
 */
final class RequestTextFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	/**
	 * Create the filter.
	 * @param problems writes the problem detail of a refused request
	 */
	RequestTextFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	private static boolean isWildcard(String contentType) {
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			return mediaType.isWildcardType() || mediaType.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			// Spring MVC answers an unreadable Content-Type with 415 itself.
			return false;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && isWildcard(contentType)) {
			// Spring MVC would fail on it with an IllegalArgumentException, a 500.
			this.problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must name a media type, not a wildcard."), "unsupported-media-type");
			return;
		}
		// Form bodies are left alone: reading their parameters here would consume the
		// body.
		if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				// The container could not decode the query string (bad percent-encoding,
				// say).
				this.problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"The request parameters cannot be decoded."), "validation");
				return;
			}
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				String problem = StrictJsonModule.problemOf(parameter.getKey());
				for (String value : parameter.getValue()) {
					if (problem == null && value != null) {
						problem = StrictJsonModule.problemOf(value);
					}
				}
				if (problem != null) {
					ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
							"The request is not valid.");
					detail.setProperty(ProblemException.ERRORS_PROPERTY,
							List.of(new FieldViolation(parameter.getKey(), problem)));
					this.problems.write(request, response, detail, "validation");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

}
