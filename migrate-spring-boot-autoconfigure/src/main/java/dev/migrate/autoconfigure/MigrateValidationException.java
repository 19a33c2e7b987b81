package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.MigrateException;

/**
 * Startup with {@code on-startup=validate} found the database behind the scripts (pending revisions) or not
 * matching them (validation problems). Nothing was changed.
 */
public class MigrateValidationException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String engine;

	private final List<String> pending;

	private final List<String> problems;

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message
	 * @param pending the pending revision ids, in the order an upgrade would run them
	 * @param problems the validation problems
	 */
	public MigrateValidationException(String engine, String message, List<String> pending, List<String> problems) {
		super(message);
		this.engine = engine;
		this.pending = List.copyOf(pending);
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return the engine's name
	 */
	public String getEngine() {
		return this.engine;
	}

	/**
	 * @return the pending revision ids
	 */
	public List<String> getPending() {
		return this.pending;
	}

	/**
	 * @return the validation problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
