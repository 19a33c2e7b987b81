package dev.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code target/migrate.jar} as a process, as users do, in a given directory and environment.
 */
final class JarRunner {

	private static final Path JAR = Path.of(System.getProperty("migrate.jar", "target/migrate.jar"));

	private final Path workingDirectory;

	private final Map<String, String> variables = new HashMap<>();

	private String input = "";

	private boolean isolated;

	JarRunner(Path workingDirectory) {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the package phase first");
		}
		this.workingDirectory = workingDirectory;
	}

	JarRunner env(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	JarRunner input(String input) {
		this.input = input;
		return this;
	}

	/**
	 * Runs the jar in a network namespace of its own ({@code unshare -rn}): nothing it does can reach the
	 * network, not even a DNS lookup, and 127.0.0.1 refuses every connection.
	 * @return this runner
	 */
	JarRunner withoutNetwork() {
		this.isolated = true;
		return this;
	}

	/**
	 * @return whether {@link #withoutNetwork()} works on this machine
	 */
	static boolean canIsolateNetwork() {
		try {
			Process process = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Starts the jar and returns at once, its output discarded: for a test that kills the process.
	 */
	Process start(String... args) {
		try {
			return processBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ProcessBuilder processBuilder(String... args) {
		List<String> command = new ArrayList<>(this.isolated ? List.of("unshare", "-rn") : List.of());
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATE_"));
		builder.environment().putAll(this.variables);
		return builder;
	}

	Result run(String... args) {
		ProcessBuilder builder = processBuilder(args);
		try {
			Process process = builder.start();
			CompletableFuture<String> out = read(process.getInputStream());
			CompletableFuture<String> err = read(process.getErrorStream());
			process.getOutputStream().write(this.input.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("migrate " + String.join(" ", args) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), out.join(), err.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<String> read(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * What a run printed and returned.
	 *
	 * @param exitCode the exit code
	 * @param out standard output
	 * @param err standard error
	 */
	record Result(int exitCode, String out, String err) {

		List<String> outLines() {
			return this.out.lines().toList();
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
