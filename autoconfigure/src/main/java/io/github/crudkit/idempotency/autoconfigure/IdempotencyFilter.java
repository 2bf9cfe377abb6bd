package io.github.crudkit.idempotency.autoconfigure;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.crudkit.error.ProblemException;
import io.github.crudkit.idempotency.IdempotencyKeys;
import io.github.crudkit.idempotency.IdempotencyStore;
import io.github.crudkit.idempotency.RecordedResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.util.StreamUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Answers every {@code POST} and {@code PATCH} that carries an {@code Idempotency-Key}
 * once. The request runs in a transaction of this filter, which the handler's own
 * {@code @Transactional} services join; the response is held back until the end. A
 * response below 400 is recorded with the key in that transaction and sent once it has
 * committed; a 4xx or 5xx rolls everything back and records nothing. Before running, the
 * key's advisory lock is taken (a {@code 409} when another request holds it) and its
 * record read: the recorded response is replayed, with {@code Idempotent-Replayed: true},
 * when the request has the same fingerprint, and a {@code 422} answers another request.
 * Failures of the filter's own work (a commit that fails, say) are answered by the
 * application's exception resolvers, so with the same problems as a handler's.
 * <p>
 * A request without the header costs nothing but the header's lookup. Forms and multipart
 * bodies, which the servlet container reads itself, are passed on as if they had no key.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(IdempotencyFilter.class);

	private static final TransactionDefinition TRANSACTION = definition();

	private final Supplier<IdempotencyStore> store;

	private final Supplier<PlatformTransactionManager> transactions;

	private final Supplier<HandlerExceptionResolver> resolver;

	private final List<String> recordedHeaders;

	/**
	 * Create the filter.
	 * @param store the records
	 * @param transactions the application's transaction manager, whose transactions the
	 * handlers' services join
	 * @param resolver the application's exception resolvers (Spring MVC's
	 * {@code handlerExceptionResolver})
	 * @param recordedHeaders the response headers recorded and replayed besides
	 * {@code Content-Type}
	 */
	IdempotencyFilter(Supplier<IdempotencyStore> store, Supplier<PlatformTransactionManager> transactions,
			Supplier<HandlerExceptionResolver> resolver, List<String> recordedHeaders) {
		this.store = store;
		this.transactions = transactions;
		this.resolver = resolver;
		this.recordedHeaders = List.copyOf(recordedHeaders);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		// An asynchronous handler writes its response in a later dispatch: its body is
		// passed on then.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAsyncDispatch(request)) {
			chain.doFilter(request, response);
			CapturedResponse captured = WebUtils.getNativeResponse(response, CapturedResponse.class);
			if (captured != null && !isAsyncStarted(request)) {
				captured.copyBodyToResponse();
			}
			return;
		}
		if (!IdempotencyKeys.appliesTo(request.getMethod()) || request.getHeader(IdempotencyKeys.HEADER) == null
				|| isForm(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		boolean available;
		try {
			available = this.store.get().isAvailable();
		}
		catch (DataAccessException ex) {
			answer(request, response, ex);
			return;
		}
		if (!available) {
			chain.doFilter(request, response);
			return;
		}
		String key;
		byte[] body;
		try {
			key = IdempotencyKeys.parse(Collections.list(request.getHeaders(IdempotencyKeys.HEADER)));
			body = StreamUtils.copyToByteArray(request.getInputStream());
		}
		catch (ProblemException ex) {
			answer(request, response, ex);
			return;
		}
		catch (IOException ex) {
			if (ex instanceof ErrorResponse) {
				// A body over crudkit's limit, say: a 413.
				answer(request, response, ex);
				return;
			}
			throw ex;
		}
		String principal = principal(request);
		byte[] fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), target(request), body);
		TransactionStatus transaction;
		try {
			transaction = this.transactions.get().getTransaction(TRANSACTION);
		}
		catch (TransactionException ex) {
			answer(request, response, ex);
			return;
		}
		try {
			if (!this.store.get().tryLock(principal, key)) {
				rollback(transaction);
				logger.debug("Idempotency-Key still in use: 409");
				answer(request, response, IdempotencyKeys.inUse());
				return;
			}
			RecordedResponse recorded = this.store.get().find(principal, key);
			if (recorded != null) {
				rollback(transaction);
				if (recorded.answers(fingerprint)) {
					logger.debug("Idempotency-Key seen before: replaying " + recorded);
					replay(response, recorded);
				}
				else {
					logger.debug("Idempotency-Key seen before with another request: 422");
					answer(request, response, IdempotencyKeys.reused());
				}
				return;
			}
		}
		catch (DataAccessException | TransactionException ex) {
			rollback(transaction);
			answer(request, response, ex);
			return;
		}
		Map<String, List<String>> outerHeaders = headers(response, response.getHeaderNames());
		CapturedResponse captured = new CapturedResponse(response);
		try {
			chain.doFilter(new BodyRequest(request, body), captured);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			// Nothing handled it: as without a key, the container answers it.
			rollback(transaction);
			throw ex;
		}
		try {
			if (isAsyncStarted(request)) {
				complete(transaction);
				return;
			}
			if (captured.getStatus() >= 400) {
				rollback(transaction);
			}
			else {
				record(transaction, principal, key, fingerprint, captured);
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// The record or the commit failed: nothing was written, and the response
			// held back is replaced by the failure's.
			rollback(transaction);
			captured.reset();
			outerHeaders.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			answer(request, response, (ex instanceof DuplicateKeyException) ? IdempotencyKeys.inUse() : ex);
			return;
		}
		captured.copyBodyToResponse();
	}

	private void record(TransactionStatus transaction, String principal, String key, byte[] fingerprint,
			CapturedResponse captured) {
		// A handler that caught the failure of a service's transaction leaves it
		// rollback-only: nothing to record, and the commit refuses it as Spring refuses
		// any outer transaction whose inner one failed.
		if (!transaction.isRollbackOnly()) {
			this.store.get()
				.save(principal, key, new RecordedResponse(fingerprint, captured.getStatus(), captured.getContentType(),
						headers(captured, this.recordedHeaders), captured.getContentAsByteArray()));
		}
		this.transactions.get().commit(transaction);
	}

	private void complete(TransactionStatus transaction) {
		logger.debug("Asynchronous handler: answered without a record");
		if (transaction.isRollbackOnly()) {
			rollback(transaction);
		}
		else {
			this.transactions.get().commit(transaction);
		}
	}

	private void rollback(TransactionStatus transaction) {
		if (transaction.isCompleted()) {
			return;
		}
		try {
			this.transactions.get().rollback(transaction);
		}
		catch (RuntimeException ex) {
			// A lost connection cannot roll back (a JpaSystemException from JPA's
			// transaction manager, a TransactionSystemException from JDBC's); the server
			// rolls back as the session ends.
			logger.debug("Rollback failed: " + ex.getMessage());
		}
	}

	/**
	 * Answer a failure as a handler's failure is answered: by the application's exception
	 * resolvers (crudkit's problem details); whatever none of them answers goes on to the
	 * container.
	 */
	private void answer(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws ServletException, IOException {
		request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
		ModelAndView answered = this.resolver.get().resolveException(request, response, null, ex);
		if (answered == null) {
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex instanceof IOException io) {
				throw io;
			}
			throw new ServletException(ex);
		}
	}

	private static void replay(HttpServletResponse response, RecordedResponse recorded) throws IOException {
		response.setStatus(recorded.status());
		if (recorded.contentType() != null) {
			response.setContentType(recorded.contentType());
		}
		recorded.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
		byte[] body = recorded.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Map<String, List<String>> headers(HttpServletResponse response, Collection<String> names) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : names) {
			Collection<String> values = response.getHeaders(name);
			if (values != null && !values.isEmpty()) {
				headers.put(name, new ArrayList<>(values));
			}
		}
		return headers;
	}

	private static String principal(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		return (principal != null && principal.getName() != null) ? principal.getName() : "";
	}

	private static String target(HttpServletRequest request) {
		String query = request.getQueryString();
		return (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
	}

	private static boolean isForm(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
	}

	private static TransactionDefinition definition() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setName("crudkit Idempotency-Key");
		return definition;
	}

	/**
	 * The response of a request with a key, held back until the transaction has
	 * committed.
	 */
	private static final class CapturedResponse extends ContentCachingResponseWrapper {

		CapturedResponse(HttpServletResponse response) {
			super(response);
		}

	}

	/**
	 * The request with its body read already (for the fingerprint), served again from
	 * memory.
	 */
	private static final class BodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private @Nullable ServletInputStream stream;

		private @Nullable BufferedReader reader;

		BodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ServletInputStream current = this.stream;
			if (current == null) {
				current = new BodyInputStream(this.body);
				this.stream = current;
			}
			return current;
		}

		@Override
		public BufferedReader getReader() {
			BufferedReader current = this.reader;
			if (current == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
				current = new BufferedReader(new InputStreamReader(getInputStream(), charset));
				this.reader = current;
			}
			return current;
		}

	}

	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BodyInputStream(byte[] body) {
			this.bytes = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			try {
				if (!isFinished()) {
					listener.onDataAvailable();
				}
				listener.onAllDataRead();
			}
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
