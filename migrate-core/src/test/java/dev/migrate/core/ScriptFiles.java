package dev.migrate.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small migration scripts into a directory, for tests.
 */
final class ScriptFiles {

	private final Path directory;

	ScriptFiles(Path directory) {
		this.directory = directory;
	}

	String location() {
		return "filesystem:" + this.directory;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * A revision that creates table {@code t_<id>} and drops it on downgrade.
	 */
	Path table(String id, String revises, String labels, String dependsOn) {
		return write(id, revises, labels, dependsOn, null, "CREATE TABLE t_" + id + " (id INT);\n",
				"DROP TABLE t_" + id + ";\n");
	}

	Path write(String id, String revises, String labels, String dependsOn, String extraHeader, String upgrade,
			String downgrade) {
		StringBuilder text = new StringBuilder();
		text.append("-- create ").append(id).append("\n--\n");
		text.append("-- Revision ID: ").append(id).append('\n');
		text.append("-- Revises: ").append((revises != null) ? revises : "").append('\n');
		text.append("-- Create Date: 2026-11-24 10:00:00\n");
		if (labels != null) {
			text.append("-- Branch Labels: ").append(labels).append('\n');
		}
		if (dependsOn != null) {
			text.append("-- Depends On: ").append(dependsOn).append('\n');
		}
		if (extraHeader != null) {
			text.append(extraHeader).append('\n');
		}
		text.append("\n-- migrate:upgrade\n").append(upgrade);
		if (downgrade != null) {
			text.append("\n-- migrate:downgrade\n").append(downgrade);
		}
		Path file = this.directory.resolve(id + "_create_" + id + ".sql");
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * The branched and merged graph the integration tests use:
	 *
	 * <pre>
	 * a000 -> a001 -> a002 -+-> b010 (billing) -> b011 --+-> m030
	 *                       +-> c020 (catalog, depends on b010) -+
	 * </pre>
	 */
	ScriptFiles branchedAndMerged() {
		table("a000", null, null, null);
		table("a001", "a000", null, null);
		table("a002", "a001", null, null);
		table("b010", "a002", "billing", null);
		table("b011", "b010", null, null);
		table("c020", "a002", "catalog", "b010");
		table("m030", "b011, c020", null, null);
		return this;
	}

}
