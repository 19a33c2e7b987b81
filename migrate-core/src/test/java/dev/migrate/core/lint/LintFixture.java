package dev.migrate.core.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlSyntax;

/**
 * Writes a chain of revisions r1 &lt;- r2 &lt;- ... into a directory and lints them. A body that starts with
 * {@code !} belongs to a revision with {@code Transactional: false}; a body holding {@code -- migrate:} lines is
 * written as it is, else it becomes the upgrade section.
 */
final class LintFixture {

	private LintFixture() {
	}

	static LintReport lint(Path dir, SqlSyntax engine, LintOptions options, String... bodies) {
		write(dir, bodies);
		ScriptDirectory directory = ScriptDirectory.load(List.of("filesystem:" + dir), LintFixture.class.getClassLoader(),
				List.of(), true);
		RevisionGraph graph = RevisionGraph.of(directory.revisions());
		return Linter.lint(directory, graph, graph.history(null).stream().map(Revision::id).toList(), engine, options);
	}

	static void write(Path dir, String... bodies) {
		try {
			try (var files = Files.list(dir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			for (int i = 0; i < bodies.length; i++) {
				String body = bodies[i];
				boolean transactional = !body.startsWith("!");
				body = transactional ? body : body.substring(1);
				String header = "-- revision " + (i + 1) + "\n-- Revision ID: r" + (i + 1) + "\n"
						+ ((i > 0) ? "-- Revises: r" + i + "\n" : "")
						+ (transactional ? "" : "-- Transactional: false\n");
				String sections = body.contains("-- migrate:") && body.contains("-- migrate:upgrade") ? body
						: "-- migrate:upgrade\n" + body + "\n";
				Files.writeString(dir.resolve("r" + (i + 1) + ".sql"), header + "\n" + sections);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
