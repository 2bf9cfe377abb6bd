package io.github.crudkit.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedResponseTests {

	private static final byte[] FINGERPRINT = IdempotencyKeys.fingerprint("POST", "/api/teams", new byte[0]);

	@Test
	void headersAreStoredAsLinesAndReadBackInOrder() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Location", List.of("/api/teams/1"));
		headers.put("ETag", List.of("\"0\""));
		headers.put("Link", List.of("</a>; rel=\"a\"", "</b>; rel=\"b\""));
		RecordedResponse response = new RecordedResponse(FINGERPRINT, 201, "application/json", headers,
				"{}".getBytes(StandardCharsets.UTF_8));

		String lines = response.headerLines();

		assertThat(lines)
			.isEqualTo("Location: /api/teams/1\nETag: \"0\"\nLink: </a>; rel=\"a\"\nLink: </b>; rel=\"b\"");
		assertThat(RecordedResponse.parseHeaderLines(lines)).containsExactlyEntriesOf(headers);
		assertThat(RecordedResponse.parseHeaderLines("")).isEmpty();
	}

	@Test
	void answersTheRequestItWasRecordedForOnly() {
		RecordedResponse response = new RecordedResponse(FINGERPRINT, 201, null, Map.of(), new byte[0]);

		assertThat(response.answers(IdempotencyKeys.fingerprint("POST", "/api/teams", new byte[0]))).isTrue();
		assertThat(response.answers(IdempotencyKeys.fingerprint("POST", "/api/teams", new byte[] { 1 }))).isFalse();
	}

	@Test
	void keepsCopiesOfWhatItIsGiven() {
		byte[] body = { 1, 2, 3 };
		RecordedResponse response = new RecordedResponse(FINGERPRINT, 200, null, Map.of(), body);
		body[0] = 9;
		response.body()[1] = 9;

		assertThat(response.body()).containsExactly(1, 2, 3);
	}

}
