package io.github.crudkit.statements.autoconfigure;

import java.io.IOException;

import io.github.crudkit.statements.StatementTracker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes each HTTP request one unit of work of the {@link StatementTracker}, and names its
 * route (the method and the URI template Spring MVC matched) for the metrics.
 */
final class StatementCountingFilter extends OncePerRequestFilter {

	/**
	 * The request attribute in which Spring MVC keeps the pattern that matched (named,
	 * not referenced: the filter also works without Spring MVC).
	 */
	static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

	private final StatementTracker tracker;

	/**
	 * Create the filter.
	 * @param tracker the tracker
	 */
	StatementCountingFilter(StatementTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		StatementTracker.Scope scope = this.tracker.begin(request.getMethod() + " " + request.getRequestURI());
		try {
			chain.doFilter(request, response);
		}
		finally {
			scope.route(request.getMethod() + " " + uriTemplate(request, response));
			scope.close();
		}
	}

	private static String uriTemplate(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(BEST_MATCHING_PATTERN) instanceof String pattern) {
			return pattern;
		}
		// As Boot's http.server.requests names requests without a template: never the raw
		// URI.
		return (response.getStatus() == 404) ? "NOT_FOUND" : "UNKNOWN";
	}

}
