package com.example.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This application is the one crudkit's README describes: its {@code pom.xml} and its
 * {@code BookApiIntegrationTests} are in the README word for word, so what the README
 * shows is what CI builds and runs.
 */
class ReadmeTests {

	private static final Path README = Path.of("..", "README.md");

	@Test
	void readmeShowsThisPom() throws IOException {
		assertThat(readme()).contains(codeBlock("xml", Path.of("pom.xml")));
	}

	@Test
	void readmeShowsThisTest() throws IOException {
		assertThat(readme())
			.contains(codeBlock("java", Path.of("src/test/java/com/example/library/BookApiIntegrationTests.java")));
	}

	private static String readme() throws IOException {
		return Files.readString(README);
	}

	private static String codeBlock(String language, Path file) throws IOException {
		return "```" + language + "\n" + Files.readString(file) + "```\n";
	}

}
