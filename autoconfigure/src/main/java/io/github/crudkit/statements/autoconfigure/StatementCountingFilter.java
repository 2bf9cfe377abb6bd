package io.github.crudkit.statements.autoconfigure;

import java.io.IOException;

import io.github.crudkit.statements.StatementTracker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes each HTTP request one unit of work of the {@link StatementTracker}.
 */
final class StatementCountingFilter extends OncePerRequestFilter {

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
			scope.close();
		}
	}

}
