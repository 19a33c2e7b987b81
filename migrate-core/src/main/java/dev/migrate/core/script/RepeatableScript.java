package dev.migrate.core.script;

import java.util.List;
import java.util.Map;

/**
 * A repeatable script: a SQL file with {@code -- Repeatable: <name>} in its header instead of a revision id, for
 * objects that are replaced whole (views, functions, procedures, triggers). It is not part of the revision graph:
 * an upgrade re-applies it whenever its checksum differs from the one the history table last recorded for its
 * name, after the upgrade's revisions, in name order, and only once the revisions it names in
 * {@code Depends On:} are applied. Downgrades never undo it.
 */
public final class RepeatableScript implements ParsedSqlFile {

	/** The longest name: the history table's {@code revision} column holds 255 characters. */
	public static final int MAX_NAME_LENGTH = 128;

	private final String name;

	private final int nameLine;

	private final String message;

	private final List<String> dependsOn;

	private final int dependsOnLine;

	private final boolean transactional;

	private final boolean placeholders;

	private final String checksum;

	private final String location;

	private final Map<String, SqlMigrationScript.Section> upgrades;

	private final List<LintComment> lintComments;

	RepeatableScript(String name, int nameLine, String message, List<String> dependsOn, int dependsOnLine,
			boolean transactional, boolean placeholders, String checksum, String location,
			Map<String, SqlMigrationScript.Section> upgrades, List<LintComment> lintComments) {
		this.name = name;
		this.nameLine = nameLine;
		this.message = message;
		this.dependsOn = List.copyOf(dependsOn);
		this.dependsOnLine = dependsOnLine;
		this.transactional = transactional;
		this.placeholders = placeholders;
		this.checksum = checksum;
		this.location = location;
		this.upgrades = Map.copyOf(upgrades);
		this.lintComments = List.copyOf(lintComments);
	}

	/**
	 * @return the name from the {@code Repeatable:} header, unique among the repeatable scripts; the history
	 * table records it in its {@code revision} column
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return the line of the {@code Repeatable:} header, for messages
	 */
	public int nameLine() {
		return this.nameLine;
	}

	/**
	 * @return the header's message line, or empty
	 */
	public String message() {
		return this.message;
	}

	/**
	 * @return the revision ids from {@code Depends On:}, which must all be applied before it runs
	 */
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	/**
	 * @return the line of the {@code Depends On:} header, or 0 when there is none
	 */
	public int dependsOnLine() {
		return this.dependsOnLine;
	}

	/**
	 * @return whether it runs inside a transaction ({@code Transactional: false} turns it off)
	 */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * @return whether its {@code ${name}} placeholders are replaced ({@code Placeholders: false} turns it off)
	 */
	public boolean placeholders() {
		return this.placeholders;
	}

	/**
	 * @return the SHA-256 of the file's normalized content; a change makes it pending
	 */
	public String checksum() {
		return this.checksum;
	}

	/**
	 * @return the file's path for messages
	 */
	public String location() {
		return this.location;
	}

	/**
	 * @param syntax the engine
	 * @return whether a section applies to it
	 */
	public boolean hasSection(SqlSyntax syntax) {
		return SqlMigrationScript.find(this.upgrades, syntax) != null;
	}

	/**
	 * @return the {@code -- migrate:lint-ignore} comments, in file order
	 */
	public List<LintComment> lintComments() {
		return this.lintComments;
	}

	/**
	 * The statements for an engine, chosen as for a revision's upgrade section.
	 * @param syntax the engine
	 * @return the statements, each with its line in the file
	 * @throws ScriptException if no section applies, or a string or comment is not closed
	 */
	public List<SqlStatement> statements(SqlSyntax syntax) {
		SqlMigrationScript.Section section = SqlMigrationScript.find(this.upgrades, syntax);
		if (section == null) {
			throw new ScriptException(this.location, this.nameLine, "repeatable script '" + this.name
					+ "' has no section for " + syntax.engineName() + "; add '-- migrate:upgrade' or '-- migrate:upgrade "
					+ syntax.engineName() + "'");
		}
		return section.split(syntax, this.location);
	}

	@Override
	public String toString() {
		return "RepeatableScript[" + this.name + " " + this.location + "]";
	}

}
