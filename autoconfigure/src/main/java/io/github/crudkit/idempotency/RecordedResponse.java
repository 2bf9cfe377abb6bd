package io.github.crudkit.idempotency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a request with an {@code Idempotency-Key}, as it is recorded with the
 * write and replayed to a retry: the request's fingerprint, then the response's status,
 * {@code Content-Type}, recorded headers ({@code Location}, {@code ETag}) and body.
 *
 * @since 0.1.0
 */
public final class RecordedResponse {

	private final byte[] fingerprint;

	private final int status;

	private final @Nullable String contentType;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	/**
	 * Create a recorded response.
	 * @param fingerprint the fingerprint of the request
	 * ({@link IdempotencyKeys#fingerprint})
	 * @param status the response's status
	 * @param contentType the response's {@code Content-Type}, if any
	 * @param headers further response headers to replay, by name, in order
	 * @param body the response's body, empty without one
	 */
	public RecordedResponse(byte[] fingerprint, int status, @Nullable String contentType,
			Map<String, List<String>> headers, byte[] body) {
		this.fingerprint = fingerprint.clone();
		this.status = status;
		this.contentType = contentType;
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		this.headers = Collections.unmodifiableMap(copy);
		this.body = body.clone();
	}

	/**
	 * Return whether this is the answer to a request with the given fingerprint.
	 * @param fingerprint the fingerprint of a request
	 * @return whether the request is the one that was recorded
	 */
	public boolean answers(byte[] fingerprint) {
		return MessageDigest.isEqual(this.fingerprint, fingerprint);
	}

	/**
	 * Return the fingerprint of the request that was answered.
	 * @return a copy of the fingerprint
	 */
	public byte[] fingerprint() {
		return this.fingerprint.clone();
	}

	/**
	 * Return the response's status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the response's {@code Content-Type}.
	 * @return the content type, or {@code null} without a body
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Return the recorded response headers.
	 * @return the headers by name, in order
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the response's body.
	 * @return a copy of the body, empty without one
	 */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * Return the headers as stored: one {@code Name: value} line per value.
	 * @return the lines, joined by {@code \n}
	 */
	String headerLines() {
		List<String> lines = new ArrayList<>();
		this.headers.forEach((name, values) -> values.forEach((value) -> lines.add(name + ": " + value)));
		return String.join("\n", lines);
	}

	/**
	 * Read headers as {@link #headerLines()} wrote them.
	 * @param lines the stored lines
	 * @return the headers by name, in order
	 */
	static Map<String, List<String>> parseHeaderLines(String lines) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String line : lines.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				headers.computeIfAbsent(line.substring(0, colon), (name) -> new ArrayList<>())
					.add(line.substring(colon + 2));
			}
		}
		return headers;
	}

	@Override
	public String toString() {
		return "RecordedResponse[status=" + this.status + ", contentType=" + this.contentType + ", headers="
				+ this.headers.keySet() + ", body=" + this.body.length + " bytes]";
	}

}
