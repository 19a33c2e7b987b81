package dev.migrate.core;

import java.util.List;

/**
 * What {@code validate} found: each problem names the revision, the file and the fix.
 *
 * @param problems the problems, empty when valid
 */
public record ValidationResult(List<String> problems) {

	public ValidationResult {
		problems = List.copyOf(problems);
	}

	/**
	 * @return whether nothing is wrong
	 */
	public boolean isValid() {
		return this.problems.isEmpty();
	}

}
