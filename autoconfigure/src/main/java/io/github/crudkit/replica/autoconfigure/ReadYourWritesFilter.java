package io.github.crudkit.replica.autoconfigure;

import java.io.IOException;

import io.github.crudkit.replica.ReadRouting;
import io.github.crudkit.replica.WalPosition;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens a {@linkplain ReadRouting#session read-your-writes session} for each request: the
 * position the request's header carries bounds where its reads may go, and the response
 * carries the position again, or, after a write, the primary's position once the write
 * has committed (set before the handler writes the body, as services commit before they
 * return). A header that is not a position is ignored.
 */
final class ReadYourWritesFilter extends OncePerRequestFilter {

	private final String header;

	ReadYourWritesFilter(String header) {
		this.header = header;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		WalPosition after = WalPosition.tryParse(request.getHeader(this.header));
		if (after != null) {
			response.setHeader(this.header, after.toString());
		}
		ReadRouting.Scope session = ReadRouting.session(after, (written) -> {
			if (!response.isCommitted()) {
				response.setHeader(this.header, written.toString());
			}
		});
		try {
			chain.doFilter(request, response);
		}
		finally {
			session.close();
		}
	}

}
