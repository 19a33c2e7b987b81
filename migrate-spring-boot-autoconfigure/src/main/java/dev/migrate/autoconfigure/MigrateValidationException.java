package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.MigrateException;

/**
 * Startup with {@code on-startup=validate} found the database behind the scripts (pending revisions or
 * repeatable scripts), not matching them (validation problems) or differing from the model ({@code model}). Nothing was changed.
 */
public class MigrateValidationException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String engine;

	private final List<String> pending;

	private final List<String> pendingRepeatables;

	private final List<String> problems;

	private final List<String> modelDifferences;

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message
	 * @param pending the pending revision ids, in the order an upgrade would run them
	 * @param problems the validation problems
	 */
	public MigrateValidationException(String engine, String message, List<String> pending, List<String> problems) {
		this(engine, message, pending, problems, List.of());
	}

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message
	 * @param pending the pending revision ids, in the order an upgrade would run them
	 * @param problems the validation problems
	 * @param modelDifferences how the database differs from the engine's model ({@code model} property)
	 */
	public MigrateValidationException(String engine, String message, List<String> pending, List<String> problems,
			List<String> modelDifferences) {
		this(engine, message, pending, List.of(), problems, modelDifferences);
	}

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message
	 * @param pending the pending revision ids, in the order an upgrade would run them
	 * @param pendingRepeatables the repeatable scripts an upgrade would run, by name
	 * @param problems the validation problems
	 * @param modelDifferences how the database differs from the engine's model ({@code model} property)
	 */
	public MigrateValidationException(String engine, String message, List<String> pending,
			List<String> pendingRepeatables, List<String> problems, List<String> modelDifferences) {
		super(message);
		this.engine = engine;
		this.pending = List.copyOf(pending);
		this.pendingRepeatables = List.copyOf(pendingRepeatables);
		this.problems = List.copyOf(problems);
		this.modelDifferences = List.copyOf(modelDifferences);
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
	 * @return the repeatable scripts an upgrade would run (new, or changed since they ran), by name
	 */
	public List<String> getPendingRepeatables() {
		return this.pendingRepeatables;
	}

	/**
	 * @return the validation problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	/**
	 * @return how the database differs from the model, empty unless that failed validation
	 */
	public List<String> getModelDifferences() {
		return this.modelDifferences;
	}

}
