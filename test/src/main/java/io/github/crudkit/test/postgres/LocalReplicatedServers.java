package io.github.crudkit.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A primary and a replica started from the PostgreSQL server binaries of the machine, on
 * free ports of 127.0.0.1, with their data in a temporary directory. As root, the
 * binaries run as the {@code postgres} user (PostgreSQL refuses root), which then owns
 * the directory.
 */
final class LocalReplicatedServers implements ReplicatedServers {

	private static final String USER = "postgres";

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

	private final Path bin;

	private final Path directory;

	private final boolean asPostgresUser;

	private final int primaryPort;

	private final int replicaPort;

	private LocalReplicatedServers(Path bin, Path directory, boolean asPostgresUser, int primaryPort, int replicaPort) {
		this.bin = bin;
		this.directory = directory;
		this.asPostgresUser = asPostgresUser;
		this.primaryPort = primaryPort;
		this.replicaPort = replicaPort;
	}

	static LocalReplicatedServers start(Duration applyDelay) {
		Path bin = binaries();
		Path directory;
		try {
			directory = Files.createTempDirectory("crudkit-replicated-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a directory for PostgreSQL", ex);
		}
		LocalReplicatedServers servers = new LocalReplicatedServers(bin, directory, isRoot(), freePort(), freePort());
		try {
			servers.initialise(applyDelay);
		}
		catch (RuntimeException ex) {
			servers.close();
			throw ex;
		}
		return servers;
	}

	static boolean available() {
		try {
			binaries();
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private void initialise(Duration applyDelay) {
		if (this.asPostgresUser) {
			run(List.of("chown", USER + ":" + USER, this.directory.toString()), false);
		}
		run(List.of(tool("initdb"), "-D", primaryData().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
				"--no-sync", "--no-instructions"), true);
		startServer(primaryData(), this.primaryPort, "");
		run(List.of(tool("pg_basebackup"), "-h", "127.0.0.1", "-p", Integer.toString(this.primaryPort), "-U", USER,
				"-D", replicaData().toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync"), true);
		startReplica(applyDelay);
	}

	@Override
	public String primaryHost() {
		return "127.0.0.1";
	}

	@Override
	public int primaryPort() {
		return this.primaryPort;
	}

	@Override
	public String replicaHost() {
		return "127.0.0.1";
	}

	@Override
	public int replicaPort() {
		return this.replicaPort;
	}

	@Override
	public void stopReplica() {
		run(List.of(tool("pg_ctl"), "-D", replicaData().toString(), "-m", "fast", "-w", "stop"), true);
	}

	@Override
	public void startReplica(Duration applyDelay) {
		startServer(replicaData(), this.replicaPort,
				" -c hot_standby=on -c recovery_min_apply_delay=" + applyDelay.toMillis());
	}

	@Override
	public void close() {
		for (Path data : List.of(replicaData(), primaryData())) {
			if (Files.exists(data.resolve("postmaster.pid"))) {
				try {
					run(List.of(tool("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
				}
				catch (RuntimeException ex) {
					System.err.println("crudkit-test: could not stop PostgreSQL in " + data + ": " + ex.getMessage());
				}
			}
		}
		delete(this.directory);
	}

	private void startServer(Path data, int port, String settings) {
		String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + this.directory
				+ " " + SETTINGS + settings;
		run(List.of(tool("pg_ctl"), "-D", data.toString(), "-l",
				data.resolveSibling(data.getFileName() + ".log").toString(), "-o", options, "-w", "-t", "60", "start"),
				true);
	}

	private Path primaryData() {
		return this.directory.resolve("primary");
	}

	private Path replicaData() {
		return this.directory.resolve("replica");
	}

	private String tool(String name) {
		return this.bin.resolve(name).toString();
	}

	private void run(List<String> command, boolean asServerUser) {
		List<String> full = new ArrayList<>();
		if (asServerUser && this.asPostgresUser) {
			full.addAll(List.of("runuser", "-u", USER, "--"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", full));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", full)
						+ "\n" + new String(output, StandardCharsets.UTF_8) + logs());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + String.join(" ", full), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", full), ex);
		}
	}

	private String logs() {
		StringBuilder logs = new StringBuilder();
		for (String name : List.of("primary.log", "replica.log")) {
			Path log = this.directory.resolve(name);
			try {
				if (Files.exists(log)) {
					logs.append("\n--- ").append(name).append(" ---\n").append(Files.readString(log));
				}
			}
			catch (IOException ex) {
				// Nothing more to show.
			}
		}
		return logs.toString();
	}

	static Path binaries() {
		String configured = System.getProperty("crudkit.test.postgres.bin");
		if (configured == null) {
			configured = System.getenv(ReplicatedPostgres.BIN_VARIABLE);
		}
		if (configured != null && !configured.isBlank()) {
			return requireBinaries(Path.of(configured.strip()));
		}
		Path fromPgConfig = pgConfigBindir();
		if (fromPgConfig != null && hasBinaries(fromPgConfig)) {
			return fromPgConfig;
		}
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> each = Files.list(versions)) {
				Path newest = each.map((version) -> version.resolve("bin"))
					.filter(LocalReplicatedServers::hasBinaries)
					.max(Comparator.comparing((candidate) -> majorVersion(candidate.getParent())))
					.orElse(null);
				if (newest != null) {
					return newest;
				}
			}
			catch (IOException ex) {
				// Fall through to the failure.
			}
		}
		throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) found: install "
				+ "them (apt-get install postgresql-15) or name their directory with "
				+ ReplicatedPostgres.BIN_VARIABLE);
	}

	private static boolean hasBinaries(Path directory) {
		return Files.isExecutable(directory.resolve("initdb")) && Files.isExecutable(directory.resolve("pg_ctl"))
				&& Files.isExecutable(directory.resolve("pg_basebackup"));
	}

	private static int majorVersion(@Nullable Path directory) {
		try {
			return (directory != null) ? Integer.parseInt(String.valueOf(directory.getFileName())) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Path requireBinaries(Path directory) {
		if (!hasBinaries(directory)) {
			throw new IllegalStateException(
					ReplicatedPostgres.BIN_VARIABLE + "=" + directory + " holds no initdb, pg_ctl and pg_basebackup");
		}
		return directory;
	}

	private static @Nullable Path pgConfigBindir() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.waitFor() == 0 && !output.isEmpty()) ? Path.of(output) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static boolean isRoot() {
		try {
			Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 && output.equals("0");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	private static void delete(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// Left behind in the temporary directory.
				}
			});
		}
		catch (IOException ex) {
			// Left behind in the temporary directory.
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL binaries in " + this.bin;
	}

}
