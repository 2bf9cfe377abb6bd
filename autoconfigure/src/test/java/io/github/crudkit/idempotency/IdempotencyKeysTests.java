package io.github.crudkit.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotencyKeysTests {

	private static final byte[] BODY = "{\"name\":\"Tony\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void postAndPatchTakeAKeyOtherMethodsDoNot() {
		assertThat(IdempotencyKeys.appliesTo("POST")).isTrue();
		assertThat(IdempotencyKeys.appliesTo("PATCH")).isTrue();
		for (String method : List.of("GET", "PUT", "DELETE", "HEAD", "OPTIONS", "post")) {
			assertThat(IdempotencyKeys.appliesTo(method)).as(method).isFalse();
		}
	}

	@Test
	void aKeyIsOneTo255PrintableAsciiCharacters() {
		assertThat(IdempotencyKeys.parse(List.of("a"))).isEqualTo("a");
		assertThat(IdempotencyKeys.parse(List.of("x".repeat(255)))).hasSize(255);
		assertThat(IdempotencyKeys.parse(List.of(" !\"~ 8e03978e-40d5"))).isEqualTo(" !\"~ 8e03978e-40d5");
		for (String malformed : List.of("", "x".repeat(256), "tab\there", "new\nline", "caf\u00e9", "del\u007f",
				"\u0000")) {
			assertThatExceptionOfType(ProblemException.class).as("%s", malformed)
				.isThrownBy(() -> IdempotencyKeys.parse(List.of(malformed)))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(400);
					assertThat(ex.getSlug()).isEqualTo("validation");
					assertThat(ex.getBody().getDetail())
						.isEqualTo("The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
					assertThat(ex.getErrors()).extracting(FieldViolation::field).containsExactly("Idempotency-Key");
				});
		}
	}

	@Test
	void aKeySentTwiceIsABadRequest() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> IdempotencyKeys.parse(List.of("a", "a")))
			.satisfies((ex) -> assertThat(ex.getErrors()).extracting(FieldViolation::message)
				.containsExactly("must be sent once"));
	}

	@Test
	void theFingerprintTellsMethodTargetAndBodyApart() {
		byte[] fingerprint = IdempotencyKeys.fingerprint("POST", "/api/heroes", BODY);

		assertThat(fingerprint).hasSize(32).isEqualTo(IdempotencyKeys.fingerprint("POST", "/api/heroes", BODY.clone()));
		assertThat(IdempotencyKeys.fingerprint("PATCH", "/api/heroes", BODY)).isNotEqualTo(fingerprint);
		assertThat(IdempotencyKeys.fingerprint("POST", "/api/heroes?x=1", BODY)).isNotEqualTo(fingerprint);
		assertThat(IdempotencyKeys.fingerprint("POST", "/api/heroes", new byte[0])).isNotEqualTo(fingerprint);
		// Each part is framed by its length: moving bytes from one part to the next
		// changes the fingerprint.
		assertThat(IdempotencyKeys.fingerprint("POST", "/a", "b".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/", "ab".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aKeyInUseIsAConflictAndAKeyReusedIsUnprocessable() {
		ProblemException inUse = IdempotencyKeys.inUse();
		ProblemException reused = IdempotencyKeys.reused();

		assertThat(inUse.getStatusCode().value()).isEqualTo(409);
		assertThat(inUse.getSlug()).isEqualTo("idempotency-key-in-use");
		assertThat(inUse.getBody().getDetail()).contains("still being processed");
		assertThat(reused.getStatusCode().value()).isEqualTo(422);
		assertThat(reused.getSlug()).isEqualTo("idempotency-key-reused");
		assertThat(reused.getBody().getDetail()).contains("different request");
	}

}
