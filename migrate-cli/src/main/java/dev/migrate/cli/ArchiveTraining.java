package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import picocli.CommandLine;

/**
 * The run {@code bin/migrate} makes once, with the JVM listing the classes it loads, to write its class-data-sharing
 * archive from that list: the everyday commands on a small graph with a merge, in a scratch directory and SQLite
 * database, so that the archive holds what each of them loads whichever command a user runs first. Given a
 * directory, it also writes the SQLite driver's native library there ({@link SqliteLibraryExport}). Prints nothing;
 * exits non-zero if a command failed (the archive is then still good, only smaller).
 */
final class ArchiveTraining {

	// A base, two branches and their merge: history then walks a branch point and a merge point.
	private static final List<String[]> SCRIPTS = List.<String[]>of(new String[] { "a1", "" },
			new String[] { "b2", "a1" }, new String[] { "c3", "a1" }, new String[] { "d4", "b2, c3" });

	private ArchiveTraining() {
	}

	/**
	 * Runs the commands in a scratch directory, deleted after.
	 * @param args optionally, the directory for the SQLite driver's native library
	 * @throws IOException if the scratch directory or the library cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length > 0) {
			SqliteLibraryExport.export(Path.of(args[0]));
		}
		Path directory = Files.createTempDirectory("migrate-archive-training");
		int failed;
		try {
			failed = train(directory);
		}
		finally {
			delete(directory);
		}
		System.exit((failed == 0) ? ExitCodes.OK : ExitCodes.FAILED);
	}

	/**
	 * @param directory an empty directory to work in
	 * @return how many of the commands failed
	 * @throws IOException if the directory cannot be written
	 */
	static int train(Path directory) throws IOException {
		String url = "jdbc:sqlite:" + directory.resolve("training.db");
		int failed = run(directory, "init", "--url", url);
		for (String[] script : SCRIPTS) {
			Files.writeString(directory.resolve("migrations").resolve(script[0] + "_t.sql"), "-- create t_" + script[0]
					+ "\n--\n-- Revision ID: " + script[0] + "\n-- Revises: " + script[1] + "\n\n-- migrate:upgrade\n"
					+ "CREATE TABLE t_" + script[0] + " (id BIGINT PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE t_"
					+ script[0] + ";\n");
		}
		for (String[] command : List.of(new String[] { "history" }, new String[] { "heads" },
				new String[] { "current" }, new String[] { "upgrade", "heads" }, new String[] { "history", "-i" },
				new String[] { "check" }, new String[] { "show", "d4" }, new String[] { "downgrade", "base" },
				new String[] { "upgrade", "--sql", "base:heads" }, new String[] { "revision", "-m", "next" },
				new String[] { "--help" })) {
			failed += run(directory, command);
		}
		return failed;
	}

	// 1 if the command failed, else 0; what it prints goes nowhere.
	private static int run(Path directory, String... args) {
		CommandLine commandLine = MigrateCommand.commandLine(new CliEnvironment(Map.of(), directory, (prompt) -> null),
				args);
		commandLine.setOut(new PrintWriter(Writer.nullWriter()));
		commandLine.setErr(new PrintWriter(Writer.nullWriter()));
		return (commandLine.execute(args) == ExitCodes.OK) ? 0 : 1;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
