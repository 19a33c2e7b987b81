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
 * versioned scripts, one Liquibase formatted-SQL changelog, and a plain statement list for raw JDBC.
 *
 * @param directory the root holding one folder per tool
 * @param size the number of migrations
 */
record Workload(Path directory, int size) {

	static final String LIQUIBASE_CHANGELOG = "changelog.sql";

	/**
	 * Writes the workload once; later calls with the same size and directory reuse the files.
	 * @param root where workloads live
	 * @param size the number of migrations
	 * @return the workload
	 */
	static Workload create(Path root, int size) {
		Path directory = root.resolve("n" + size);
		Workload workload = new Workload(directory, size);
		if (Files.isDirectory(directory.resolve("done"))) {
			return workload;
		}
		try {
			workload.write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the workload under " + directory, ex);
		}
		return workload;
	}

	Path migrateDirectory() {
		return this.directory.resolve("migrate");
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
	 * A deterministic, unique 12-hex-digit revision id for revision {@code i}.
	 * @param i the revision number, from 1
	 * @return the id
	 */
	static String revisionId(int i) {
		// An odd multiplier is a bijection modulo 2^48, so ids are unique and look random.
		long mixed = (i * 0x9E3779B97F4BL + 0x1F2E3D4C5B6AL) & 0xFFFF_FFFF_FFFFL;
		return String.format("%012x", mixed);
	}

	private void write() throws IOException {
		Files.createDirectories(migrateDirectory());
		Files.createDirectories(flywayDirectory());
		Files.createDirectories(liquibaseDirectory());
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
		List<String> upgrade = new ArrayList<>();
		List<String> downgrade = new ArrayList<>();
		for (int i = 1; i <= this.size; i++) {
			String create = createTable(i);
			String drop = dropTable(i);
			upgrade.add(create);
			downgrade.add(0, drop);
			String id = revisionId(i);
			String revises = (i == 1) ? "" : " " + revisionId(i - 1);
			String migrate = "-- Create t_" + i + "\n--\n-- Revision ID: " + id + "\n-- Revises:" + revises
					+ "\n-- Create Date: 2026-11-24 06:00:00\n\n-- migrate:upgrade\n" + create
					+ ";\n\n-- migrate:downgrade\n" + drop + ";\n";
			Files.writeString(migrateDirectory().resolve(id + "_create_t_" + i + ".sql"), migrate, StandardCharsets.UTF_8);
			Files.writeString(flywayDirectory().resolve("V" + i + "__create_t_" + i + ".sql"), create + ";\n",
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
