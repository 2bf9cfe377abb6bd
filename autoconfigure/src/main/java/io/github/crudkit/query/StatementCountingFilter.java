package io.github.crudkit.query;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes each HTTP request one unit of work of the {@link StatementTracker}.
 *
 * @since 0.1.0
 */
public class StatementCountingFilter extends OncePerRequestFilter {

	private final StatementTracker tracker;

	/**
	 * Create the filter.
	 * @param tracker the tracker
	 */
	public StatementCountingFilter(StatementTracker tracker) {
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
