package dev.migrate.core.script;

import java.util.List;
import java.util.Map;

import dev.migrate.core.graph.Revision;

/**
 * A revision written as a SQL file: a header, then {@code -- migrate:upgrade} and {@code -- migrate:downgrade}
 * sections, optionally qualified by engine.
 */
public final class SqlMigrationScript implements MigrationScript, ParsedSqlFile {

	private final Revision revision;

	private final boolean transactional;

	private final String checksum;

	private final Map<String, Section> upgrades;

	private final Map<String, Section> downgrades;

	private final List<LintComment> lintComments;

	private final boolean placeholders;

	SqlMigrationScript(Revision revision, boolean transactional, String checksum, Map<String, Section> upgrades,
			Map<String, Section> downgrades, List<LintComment> lintComments) {
		this(revision, transactional, true, checksum, upgrades, downgrades, lintComments);
	}

	SqlMigrationScript(Revision revision, boolean transactional, boolean placeholders, String checksum,
			Map<String, Section> upgrades, Map<String, Section> downgrades, List<LintComment> lintComments) {
		this.placeholders = placeholders;
		this.revision = revision;
		this.transactional = transactional;
		this.checksum = checksum;
		this.upgrades = Map.copyOf(upgrades);
		this.downgrades = Map.copyOf(downgrades);
		this.lintComments = List.copyOf(lintComments);
	}

	/**
	 * @return whether {@code ${name}} placeholders in this file are replaced ({@code -- Placeholders: false} in
	 * the header turns it off for the file)
	 */
	public boolean placeholders() {
		return this.placeholders;
	}

	/**
	 * @return the file's {@code -- migrate:lint-ignore} lines, in file order; unmodifiable
	 */
	public List<LintComment> lintComments() {
		return this.lintComments;
	}

	@Override
	public Revision revision() {
		return this.revision;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public boolean reversible() {
		return !this.downgrades.isEmpty();
	}

	@Override
	public String checksum() {
		return this.checksum;
	}

	@Override
	public String location() {
		return this.revision.source();
	}

	/**
	 * The upgrade statements for an engine: its own section if the file has one (MariaDB falls back to
	 * {@code mysql}), else the unqualified one.
	 * @param syntax the engine
	 * @return the statements, each with its line in the file
	 * @throws ScriptException if no section applies, or a string or comment is not closed
	 */
	public List<SqlStatement> upgrade(SqlSyntax syntax) {
		Section section = find(this.upgrades, syntax);
		if (section == null) {
			throw new ScriptException(location(), 0, "no upgrade section for " + syntax.engineName() + " (the file has "
					+ describe(this.upgrades) + "); add '-- migrate:upgrade' or '-- migrate:upgrade "
					+ syntax.engineName() + "'");
		}
		return section.split(syntax, location());
	}

	/**
	 * The downgrade statements for an engine, chosen as for {@link #upgrade(SqlSyntax)}. An empty section gives
	 * no statements (an explicit no-op).
	 * @param syntax the engine
	 * @return the statements, each with its line in the file
	 * @throws ScriptException if the script is irreversible (no downgrade section) or no section applies
	 */
	public List<SqlStatement> downgrade(SqlSyntax syntax) {
		if (!reversible()) {
			throw new ScriptException(location(), 0, "revision '" + this.revision.id()
					+ "' is irreversible: the file has no '-- migrate:downgrade' section; add one (an empty section"
					+ " is an explicit no-op) to allow downgrading past it");
		}
		Section section = find(this.downgrades, syntax);
		if (section == null) {
			throw new ScriptException(location(), 0, "no downgrade section for " + syntax.engineName()
					+ " (the file has " + describe(this.downgrades) + "); add '-- migrate:downgrade' or"
					+ " '-- migrate:downgrade " + syntax.engineName() + "'");
		}
		return section.split(syntax, location());
	}

	/**
	 * @param syntax the engine
	 * @return whether a section applies to it, so that {@link #upgrade(SqlSyntax)} gives statements
	 */
	public boolean hasUpgrade(SqlSyntax syntax) {
		return find(this.upgrades, syntax) != null;
	}

	/**
	 * @param syntax the engine
	 * @return whether a downgrade section applies to it
	 */
	public boolean hasDowngrade(SqlSyntax syntax) {
		return find(this.downgrades, syntax) != null;
	}

	static Section find(Map<String, Section> sections, SqlSyntax syntax) {
		for (String engine : syntax.sectionFallbacks()) {
			Section section = sections.get((engine != null) ? engine : "");
			if (section != null) {
				return section;
			}
		}
		return null;
	}

	private static String describe(Map<String, Section> sections) {
		return sections.keySet()
			.stream()
			.sorted()
			.map((engine) -> engine.isEmpty() ? "an unqualified section" : engine)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return "SqlMigrationScript[" + this.revision.id() + " " + location() + "]";
	}

	/**
	 * One section's text and the line its first line has in the file.
	 */
	record Section(String text, int firstLine) {

		List<SqlStatement> split(SqlSyntax syntax, String location) {
			return StatementSplitter.split(this.text, syntax, this.firstLine, location);
		}

	}

}
