package io.github.crudkit.input.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.github.crudkit.error.ProblemTypes;
import io.github.crudkit.error.ProblemWriter;
import io.github.crudkit.input.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

class RequestBodyLimitFilterTests {

	private static final int LIMIT = 16;

	private final JsonMapper mapper = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT,
			new ProblemWriter(this.mapper, new ProblemTypes(null)));

	@Test
	void contentLengthAboveLimitIsRefusedWith413WithoutCallingTheChain() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (request, ignored) -> fail("The chain must not be called");
		this.filter.doFilter(post(new byte[LIMIT + 1]), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
		JsonNode problem = this.mapper.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 16 bytes.");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/things");
	}

	@Test
	void problemTypeComesFromProblemTypes() throws Exception {
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT,
				new ProblemWriter(this.mapper, new ProblemTypes("https://example.com/problems/")));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(post(new byte[LIMIT + 1]), response, new MockFilterChain());
		assertThat(this.mapper.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("type").asString())
			.isEqualTo("https://example.com/problems/payload-too-large");
	}

	@Test
	void contentLengthAtTheLimitPassesThroughIntact() throws Exception {
		byte[] body = "{\"name\":\"Tony\"}!".getBytes(StandardCharsets.UTF_8);
		assertThat(body).hasSize(LIMIT);
		AtomicReference<byte[]> read = new AtomicReference<>();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(post(body), response,
				(request, ignored) -> read.set(request.getInputStream().readAllBytes()));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(read.get()).isEqualTo(body);
	}

	@Test
	void smallBodyPassesThroughIntactByteByByte() throws Exception {
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		StringBuilder read = new StringBuilder();
		this.filter.doFilter(chunked(body), new MockHttpServletResponse(), (request, ignored) -> {
			InputStream in = request.getInputStream();
			for (int b = in.read(); b >= 0; b = in.read()) {
				read.append((char) b);
			}
		});
		assertThat(read).hasToString("{\"a\":1}");
	}

	@Test
	void chunkedBodyAtTheLimitPassesThroughIntact() throws Exception {
		byte[] body = new byte[LIMIT];
		AtomicReference<byte[]> read = new AtomicReference<>();
		this.filter.doFilter(chunked(body), new MockHttpServletResponse(),
				(request, ignored) -> read.set(request.getInputStream().readAllBytes()));
		assertThat(read.get()).hasSize(LIMIT);
	}

	@Test
	void chunkedBodyAboveTheLimitFailsWhileBeingRead() throws Exception {
		AtomicReference<IOException> failure = new AtomicReference<>();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(chunked(new byte[LIMIT * 4]), response, (request, ignored) -> {
			try {
				request.getInputStream().readAllBytes();
			}
			catch (IOException ex) {
				failure.set(ex);
			}
		});
		assertThat(failure.get()).isInstanceOf(PayloadTooLargeException.class)
			.hasMessage("The request body is larger than 16 bytes.");
		assertThat(((PayloadTooLargeException) failure.get()).getLimit()).isEqualTo(LIMIT);
	}

	@Test
	void chunkedBodyAboveTheLimitFailsWhenReadByteByByte() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT + 1]), new MockHttpServletResponse(), (request, ignored) -> {
			InputStream in = request.getInputStream();
			for (int i = 0; i < LIMIT; i++) {
				assertThat(in.read()).isZero();
			}
			assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(in::read);
		});
	}

	@Test
	void inputStreamIsWrappedOnceSoThatTheCountCoversAllReads() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT + 1]), new MockHttpServletResponse(), (request, ignored) -> {
			assertThat(request.getInputStream()).isSameAs(request.getInputStream());
			request.getInputStream().readNBytes(LIMIT);
			assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> request.getInputStream().read());
		});
	}

	@Test
	void chunkedBodyAboveTheLimitFailsWhenReadThroughTheReader() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT * 4]), new MockHttpServletResponse(), (request, ignored) -> {
			BufferedReader reader = request.getReader();
			assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> {
				while (reader.read() >= 0) {
					// read on
				}
			});
		});
	}

	private static MockHttpServletRequest post(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

	/**
	 * A request whose body length is unknown up front, as with
	 * {@code Transfer-Encoding: chunked}.
	 */
	private static HttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = post(body);
		request.addHeader("Transfer-Encoding", "chunked");
		return new HttpServletRequestWrapper(request) {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
	}

}
