package dev.migrate.core;

import java.util.List;

/**
 * The plan was refused before anything ran: the scripts and the database disagree (checksums, deleted
 * scripts) or a step cannot run (irreversible downgrade). Nothing was changed.
 */
public class ValidationFailedException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	/**
	 * @param message the user-facing message, listing every problem
	 * @param problems the problems, one sentence each
	 */
	public ValidationFailedException(String message, List<String> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	/** @return the problems, one sentence each, naming revision, file and fix */
	public List<String> getProblems() {
		return this.problems;
	}

}
