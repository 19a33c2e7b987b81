package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same N single-statement migrations written in each tool's format: migrate SQL revisions, Flyway
 * versioned scripts, one Liquibase formatted-SQL changelog, and a plain statement list for raw JDBC. Each
 * migration creates a table ({@code t_i}); with {@code rows}, the first creates {@code t_0} and each other one
 * inserts a row into it, so the database's schema is the same at every N and only the migrations grow.
 *
 * @param directory the root holding one folder per tool
 * @param size the number of migrations
 * @param rows whether the migrations insert rows into one table instead of creating a table each
 */
record Workload(Path directory, int size, boolean rows) {

	static final String LIQUIBASE_CHANGELOG = "changelog.sql";

	/**
	 * A workload already written, as a child run reads it (it only needs the files).
	 * @param directory the root holding one folder per tool
	 * @param size the number of migrations
	 */
	Workload(Path directory, int size) {
		this(directory, size, false);
	}

	/**
	 * Writes the workload once; later calls with the same size and directory reuse the files.
	 * @param root where workloads live
	 * @param size the number of migrations
	 * @return the workload
	 */
	static Workload create(Path root, int size) {
		return create(root, size, false);
	}

	/**
	 * Writes the workload once; later calls with the same size, kind and directory reuse the files.
	 * @param root where workloads live
	 * @param size the number of migrations
	 * @param rows whether the migrations insert rows into one table instead of creating a table each
	 * @return the workload
	 */
	static Workload create(Path root, int size, boolean rows) {
		Path directory = root.resolve("n" + size + (rows ? "-rows" : ""));
		Workload workload = new Workload(directory, size, rows);
		try {
			if (!Files.isDirectory(directory.resolve("done"))) {
				workload.write();
			}
			// Written again when this build cannot use the index left by another (of another format, say): a
			// stale index would quietly time the boot that reads every script instead.
			if (!Files.isRegularFile(workload.indexedJar()) || dev.migrate.core.script.ScriptIndex
				.find(List.of("filesystem:" + workload.indexedDirectory()), Workload.class.getClassLoader())
				.isEmpty()) {
				workload.writeIndexed();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the workload under " + directory, ex);
		}
		return workload;
	}

	Path migrateDirectory() {
		return this.directory.resolve("migrate");
	}

	/**
	 * @return a copy of the migrate scripts with the build-time index written into it
	 */
	Path indexedDirectory() {
		return this.directory.resolve("migrate-indexed");
	}

	/**
	 * @return a jar holding the indexed copy as {@code db/migrations/}, as a packaged application holds it
	 */
	Path indexedJar() {
		return this.directory.resolve("migrate-indexed.jar");
	}

	Path flywayDirectory() {
		return this.directory.resolve("flyway");
	}

	Path liquibaseDirectory() {
		return this.directory.resolve("liquibase");
	}

	Path upgradeStatements() {
		return this.directory.resolve("upgrade.sql");
	}

	Path downgradeStatements() {
		return this.directory.resolve("downgrade.sql");
	}

	/**
	 * The statement that creates table {@code i}, identical for every tool and engine.
	 * @param i the table number, from 1
	 * @return the statement without a terminator
	 */
	static String createTable(int i) {
		return "CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, amount DECIMAL(12,2))";
	}

	static String dropTable(int i) {
		return "DROP TABLE t_" + i;
	}

	/**
	 * @return how many benchmark tables ({@code t_<number>}) the database holds with every migration applied
	 */
	int tables() {
		return this.rows ? 1 : this.size;
	}

	// Migration i's upgrade statement: a table of its own, or (rows) table t_0 by the first and a row by the others.
	private String upgrade(int i) {
		if (!this.rows) {
			return createTable(i);
		}
		return (i == 1) ? createTable(0) : "INSERT INTO t_0 (id, name, amount) VALUES (" + i + ", 'row " + i + "', " + i + ")";
	}

	private String downgrade(int i) {
		if (!this.rows) {
			return dropTable(i);
		}
		return (i == 1) ? dropTable(0) : "DELETE FROM t_0 WHERE id = " + i;
	}

	/**
	 * A deterministic, unique 12-hex-digit revision id for revision {@code i}.
	 * @param i the revision number, from 1
	 * @return the id
	 */
	static String revisionId(int i) {
		// An odd multiplier is a bijection modulo 2^48, so ids are unique and look random.
		long mixed = (i * 0x9E3779B97F4BL + 0x1F2E3D4C5B6AL) & 0xFFFF_FFFF_FFFFL;
		return String.format("%012x", mixed);
	}

	// The indexed copy and its jar, written after the scripts (the jar last: its presence means all is written).
	private void writeIndexed() throws IOException {
		Files.createDirectories(indexedDirectory());
		List<Path> scripts;
		try (java.util.stream.Stream<Path> listing = Files.list(migrateDirectory())) {
			scripts = listing.sorted().toList();
		}
		for (Path script : scripts) {
			Files.copy(script, indexedDirectory().resolve(script.getFileName()),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		dev.migrate.core.script.ScriptIndex.write(indexedDirectory());
		Path temporary = this.directory.resolve("migrate-indexed.jar.tmp");
		try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(temporary));
				java.util.stream.Stream<Path> listing = Files.list(indexedDirectory())) {
			jar.putNextEntry(new java.util.jar.JarEntry("db/"));
			jar.putNextEntry(new java.util.jar.JarEntry("db/migrations/"));
			for (Path file : listing.sorted().toList()) {
				jar.putNextEntry(new java.util.jar.JarEntry("db/migrations/" + file.getFileName()));
				Files.copy(file, jar);
			}
		}
		Files.move(temporary, indexedJar(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private void write() throws IOException {
		Files.createDirectories(migrateDirectory());
		Files.createDirectories(flywayDirectory());
		Files.createDirectories(liquibaseDirectory());
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
		List<String> upgrade = new ArrayList<>();
		List<String> downgrade = new ArrayList<>();
		for (int i = 1; i <= this.size; i++) {
			String create = upgrade(i);
			String drop = downgrade(i);
			upgrade.add(create);
			downgrade.add(0, drop);
			String id = revisionId(i);
			String revises = (i == 1) ? "" : " " + revisionId(i - 1);
			String title = (this.rows && i > 1) ? "-- Insert row " + i : "-- Create t_" + ((this.rows) ? 0 : i);
			String migrate = title + "\n--\n-- Revision ID: " + id + "\n-- Revises:" + revises + "\n-- Create Date: 2026-11-24 06:00:00\n\n-- migrate:upgrade\n" + create
					+ ";\n\n-- migrate:downgrade\n" + drop + ";\n";
			String name = (this.rows ? "insert_t_" : "create_t_") + i;
			Files.writeString(migrateDirectory().resolve(id + "_" + name + ".sql"), migrate, StandardCharsets.UTF_8);
			Files.writeString(flywayDirectory().resolve("V" + i + "__" + name + ".sql"), create + ";\n",
					StandardCharsets.UTF_8);
			changelog.append("\n--changeset bench:").append(i).append('\n').append(create).append(";\n")
				.append("--rollback ").append(drop).append(";\n");
		}
		Files.writeString(liquibaseDirectory().resolve(LIQUIBASE_CHANGELOG), changelog, StandardCharsets.UTF_8);
		Files.write(upgradeStatements(), upgrade, StandardCharsets.UTF_8);
		Files.write(downgradeStatements(), downgrade, StandardCharsets.UTF_8);
		Files.createDirectories(this.directory.resolve("done"));
	}

}
