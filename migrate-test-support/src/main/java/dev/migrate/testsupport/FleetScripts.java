package dev.migrate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two revisions fleet tests migrate tenants with, written into a directory: {@code f001} creates table
 * {@code item} with one row whose {@code code} is {@code 'a'}; {@code f002} adds a unique index on
 * {@code item.code}, which fails for a tenant given a second {@code 'a'} row by {@link #CONFLICT} (a data
 * conflict) until {@link #FIX} removes it. Portable SQL: every engine runs it.
 */
public final class FleetScripts {

	/** Makes {@code f002} fail for a tenant: a second row with the same code. */
	public static final String CONFLICT = "INSERT INTO item (id, code) VALUES (2, 'a')";

	/** Removes the conflict, so {@code f002} succeeds when rerun. */
	public static final String FIX = "DELETE FROM item WHERE id = 2";

	private FleetScripts() {
	}

	/**
	 * Writes {@code f001}.
	 * @param directory the script directory
	 */
	public static void writeFirst(Path directory) {
		write(directory, "f001", "", "CREATE TABLE item (id INT PRIMARY KEY, code VARCHAR(20));\n"
				+ "INSERT INTO item (id, code) VALUES (1, 'a');\n", "DROP TABLE item;\n");
	}

	/**
	 * Writes {@code f002}, revising {@code f001}.
	 * @param directory the script directory
	 */
	public static void writeSecond(Path directory) {
		write(directory, "f002", "f001", "CREATE UNIQUE INDEX item_code ON item (code);\n", null);
	}

	private static void write(Path directory, String id, String revises, String upgrade, String downgrade) {
		String text = "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
				+ "\n-- Create Date: 2026-12-01 10:00:00\n\n-- migrate:upgrade\n" + upgrade
				+ ((downgrade != null) ? "\n-- migrate:downgrade\n" + downgrade : "");
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(id + "_" + id + ".sql"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
