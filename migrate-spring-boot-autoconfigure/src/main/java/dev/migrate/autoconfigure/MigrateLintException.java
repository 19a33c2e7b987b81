package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.MigrateException;
import dev.migrate.core.lint.LintFinding;

/**
 * The startup lint ({@code lint.on-startup=fail}) found an error-severity finding. Nothing was changed.
 */
public class MigrateLintException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String engine;

	private final transient List<LintFinding> findings;

	/**
	 * @param engine the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>})
	 * @param message the user-facing message
	 * @param findings every finding of the lint
	 */
	public MigrateLintException(String engine, String message, List<LintFinding> findings) {
		super(message);
		this.engine = engine;
		this.findings = List.copyOf(findings);
	}

	/**
	 * @return the engine's property prefix
	 */
	public String getEngine() {
		return this.engine;
	}

	/**
	 * @return every finding, errors and the rest
	 */
	public List<LintFinding> getFindings() {
		return this.findings;
	}

}
