package io.github.crudkit.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.crudkit.test.postgres.EmbeddedPostgresServer;
import io.github.crudkit.test.postgres.TestDatabase;

import org.springframework.boot.SpringApplication;

/**
 * Starts the sample for development
 * ({@code ./mvnw -pl sample-app -am spring-boot:test-run}): with
 * {@code SPRING_DATASOURCE_URL} set it uses that PostgreSQL; otherwise it starts an
 * embedded PostgreSQL whose data are kept in {@value #DEFAULT_DATA_DIRECTORY} (or
 * {@code CRUDKIT_DEV_DATA_DIR}), so a restart keeps them. It lives in the test sources so
 * that the embedded binaries never reach the production jar.
 */
public final class DevSampleApplication {

	static final String DEFAULT_DATA_DIRECTORY = ".data/postgres";

	/**
	 * A connection held longer than this (ms) is logged with the stack of the code that
	 * took it: in development a leak shows at once, long before a pool runs dry in
	 * production.
	 */
	static final String LEAK_DETECTION = "--spring.datasource.hikari.leak-detection-threshold=10000";

	private DevSampleApplication() {
	}

	public static void main(String[] args) {
		args = withLeakDetection(args);
		if (databaseConfigured(args)) {
			SpringApplication.run(SampleApplication.class, args);
			return;
		}
		String configured = System.getenv("CRUDKIT_DEV_DATA_DIR");
		Path dataDirectory = Path
			.of((configured != null && !configured.isBlank()) ? configured : DEFAULT_DATA_DIRECTORY)
			.toAbsolutePath()
			.normalize();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
		TestDatabase database = server.database("crudkit");
		System.out.println(
				"crudkit sample: embedded PostgreSQL at " + database.jdbcUrl() + ", data kept in " + dataDirectory);
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		arguments.add("--spring.datasource.url=" + database.jdbcUrl());
		arguments.add("--spring.datasource.username=" + database.username());
		arguments.add("--spring.datasource.password=" + database.password());
		SpringApplication.run(SampleApplication.class, arguments.toArray(String[]::new));
	}

	private static String[] withLeakDetection(String[] args) {
		if (Arrays.stream(args)
			.anyMatch((arg) -> arg.startsWith("--spring.datasource.hikari.leak-detection-threshold="))) {
			return args;
		}
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		arguments.add(LEAK_DETECTION);
		return arguments.toArray(String[]::new);
	}

	private static boolean databaseConfigured(String[] args) {
		String variable = System.getenv("SPRING_DATASOURCE_URL");
		return (variable != null && !variable.isBlank()) || System.getProperty("spring.datasource.url") != null
				|| Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--spring.datasource.url="));
	}

}
