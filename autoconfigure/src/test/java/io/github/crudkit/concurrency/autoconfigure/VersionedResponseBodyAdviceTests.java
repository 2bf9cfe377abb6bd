package io.github.crudkit.concurrency.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedResponseBodyAdviceTests {

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new ThingController())
		.setControllerAdvice(new VersionedResponseBodyAdvice())
		.build());

	@Test
	void writesOnlyTheBodyOfVersionedResponse() {
		MvcTestResult result = this.mvc.get().uri("/things/1").accept(MediaType.APPLICATION_JSON).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"id\":1,\"name\":\"Widget\"}");
	}

	@Test
	void setsETagFromTheVersion() {
		assertThat(this.mvc.get().uri("/things/1").exchange()).hasStatusOk()
			.headers()
			.hasValue(HttpHeaders.ETAG, "\"4\"");
	}

	@Test
	void writesBodyAndETagOfVersionedResponseInsideResponseEntity() {
		MvcTestResult result = this.mvc.post().uri("/things").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).headers().hasValue(HttpHeaders.ETAG, "\"4\"");
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/things/2");
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"id\":2,\"name\":\"Gadget\"}");
	}

	@Test
	void writesVersionedListAsTheList() {
		MvcTestResult result = this.mvc.get().uri("/things").exchange();
		assertThat(result).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"9\"");
		assertThat(result).bodyJson().isStrictlyEqualTo("[{\"id\":1,\"name\":\"Widget\"}]");
	}

	@Test
	void leavesOtherResponsesAlone() {
		MvcTestResult result = this.mvc.get().uri("/plain").exchange();
		assertThat(result).hasStatusOk().headers().doesNotContainHeader(HttpHeaders.ETAG);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"id\":3,\"name\":\"Plain\"}");
	}

	@Test
	void withoutTheAdviceTheWrapperWouldBeWritten() {
		MockMvcTester bare = MockMvcTester.of(new ThingController());
		assertThat(bare.get().uri("/things/1").exchange()).bodyJson()
			.isStrictlyEqualTo("{\"body\":{\"id\":1,\"name\":\"Widget\"},\"version\":4}");
	}

	record Thing(long id, String name) {

	}

	@RestController
	static class ThingController {

		@GetMapping("/things/1")
		Versioned<Thing> find() {
			return new Versioned<>(new Thing(1, "Widget"), 4);
		}

		@GetMapping("/things")
		Versioned<List<Thing>> list() {
			return new Versioned<>(List.of(new Thing(1, "Widget")), 9);
		}

		@PostMapping("/things")
		ResponseEntity<Versioned<Thing>> create() {
			return ResponseEntity.created(URI.create("/things/2")).body(new Versioned<>(new Thing(2, "Gadget"), 4));
		}

		@GetMapping("/plain")
		Thing plain() {
			return new Thing(3, "Plain");
		}

	}

}
