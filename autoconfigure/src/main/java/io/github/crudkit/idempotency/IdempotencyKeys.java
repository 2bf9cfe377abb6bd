package io.github.crudkit.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The {@code Idempotency-Key} request header (after the IETF HTTPAPI draft "The
 * Idempotency-Key HTTP Header Field") as crudkit reads it: which requests take one, what
 * a valid key is, the fingerprint of a request, and the problems a key can meet.
 * <ul>
 * <li>{@code POST} and {@code PATCH} take a key; {@code PUT} and {@code DELETE} are
 * idempotent by themselves and ignore one.</li>
 * <li>A key is 1 to {@value #MAX_LENGTH} printable ASCII characters (space to {@code ~}),
 * compared exactly; anything else, or the header sent twice, is a {@code 400} naming the
 * header.</li>
 * <li>The same key while its first request is still running is a {@code 409}
 * ({@link #inUse()}); with a request of another method, path, query or body, a
 * {@code 422} ({@link #reused()}).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class IdempotencyKeys {

	/**
	 * Name of the request header that carries the key.
	 */
	public static final String HEADER = "Idempotency-Key";

	/**
	 * Name of the response header, {@code true}, of an answer replayed from the record of
	 * an earlier request with the same key.
	 */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * The longest key, in characters.
	 */
	public static final int MAX_LENGTH = 255;

	private static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters";

	private IdempotencyKeys() {
	}

	/**
	 * Return whether requests of a method take a key.
	 * @param method the request's method
	 * @return {@code true} for {@code POST} and {@code PATCH}
	 */
	public static boolean appliesTo(String method) {
		return HttpMethod.POST.matches(method) || HttpMethod.PATCH.matches(method);
	}

	/**
	 * Return the key of a request that sent the header.
	 * @param values the values of every {@code Idempotency-Key} header of the request
	 * @return the key
	 * @throws ProblemException a {@code 400} naming the header when there is not exactly
	 * one value or the value is not a valid key
	 */
	public static String parse(List<String> values) {
		if (values.size() != 1) {
			throw malformed("The " + HEADER + " header must be sent once.", "must be sent once");
		}
		String key = values.get(0);
		if (!isValid(key)) {
			throw malformed("The " + HEADER + " header " + RULE + ".", RULE);
		}
		return key;
	}

	/**
	 * Return whether a value is a valid key: 1 to {@value #MAX_LENGTH} characters, each
	 * printable ASCII (space to {@code ~}).
	 * @param key the value
	 * @return whether it is a valid key
	 */
	public static boolean isValid(String key) {
		if (key.isEmpty() || key.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the fingerprint of a request: a SHA-256 digest of its method, its target
	 * (the path and the query, as sent) and the bytes of its body. Two requests that
	 * differ in any of them have different fingerprints; headers play no part.
	 * @param method the method
	 * @param target the path and, after {@code ?}, the query
	 * @param body the body's bytes, empty without a body
	 * @return the 32 bytes of the digest
	 */
	public static byte[] fingerprint(String method, String target, byte[] body) {
		MessageDigest digest = sha256();
		update(digest, method.getBytes(StandardCharsets.UTF_8));
		update(digest, target.getBytes(StandardCharsets.UTF_8));
		update(digest, body);
		return digest.digest();
	}

	/**
	 * Return the problem of a key whose first request is still running: a {@code 409}.
	 * @return the problem, to throw
	 */
	public static ProblemException inUse() {
		return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-use",
				"A request with this " + HEADER + " is still being processed. Retry once it has been answered.",
				List.of());
	}

	/**
	 * Return the problem of a key that was used for another request (another method,
	 * path, query or body): a {@code 422}.
	 * @return the problem, to throw
	 */
	public static ProblemException reused() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"This " + HEADER + " was used for a different request. Use a new key for a new request.", List.of());
	}

	private static ProblemException malformed(String detail, String message) {
		return ProblemException.badRequest(detail, new FieldViolation(HEADER, message));
	}

	// Each part prefixed by its length, so that no two different requests hash the same
	// bytes.
	private static void update(MessageDigest digest, byte[] part) {
		digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
		digest.update(part);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform has SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
