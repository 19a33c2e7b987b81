package dev.migrate.core;

import java.nio.file.Path;

import dev.migrate.core.autogen.Comparison;

/**
 * What {@code migrate revision --autogenerate} did.
 *
 * @param file the new revision file, or {@code null} when nothing changed (no file is written)
 * @param comparison the differences found, with their SQL in both directions
 */
public record AutogenerateResult(Path file, Comparison comparison) {

	/** The message when the database already matches the model. */
	public static final String NO_CHANGES = "No changes detected";

	/**
	 * @return whether a revision was written
	 */
	public boolean hasChanges() {
		return this.file != null;
	}

}
