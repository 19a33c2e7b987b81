package dev.migrate.core.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;

/**
 * The linting of one revision's section: what the rules see (the engine, whether the revision is
 * transactional, the tables it created itself, the schema earlier revisions built) and where findings go.
 */
final class RevisionCheck {

	final SqlSyntax engine;

	final boolean transactional;

	final Schema schema;

	private final String revision;

	private final LintedScript kind;

	private final String location;

	private final LintOptions options;

	private final Suppressions suppressions;

	private final List<LintFinding> findings;

	private final Set<String> createdHere = new HashSet<>();

	private SqlStatement statement;

	private int suppressed;

	RevisionCheck(SqlSyntax engine, boolean transactional, Schema schema, String revision, LintedScript kind,
			String location, LintOptions options, Suppressions suppressions, List<LintFinding> findings) {
		this.engine = engine;
		this.transactional = transactional;
		this.schema = schema;
		this.revision = revision;
		this.kind = kind;
		this.location = location;
		this.options = options;
		this.suppressions = suppressions;
		this.findings = findings;
	}

	void startStatement(SqlStatement statement) {
		this.statement = statement;
	}

	/**
	 * Whether a table existed before this revision: created by an earlier revision, or by none (adopted). A
	 * table this revision creates is new, whatever it does to it afterwards.
	 */
	boolean existing(String table) {
		return table != null && !this.createdHere.contains(table);
	}

	void created(String table) {
		if (table != null) {
			this.createdHere.add(table);
		}
	}

	int suppressed() {
		return this.suppressed;
	}

	/**
	 * Reports a finding for the current statement.
	 * @param rule the rule
	 * @param at the offset in the statement of the clause the finding is about
	 * @param message what happens on the engine
	 */
	void report(LintRule rule, int at, String message) {
		report(rule, at, message, rule.fix());
	}

	void report(LintRule rule, int at, String message, String fix) {
		Severity severity = this.options.severityOf(rule);
		if (!rule.appliesTo(this.engine) || severity == Severity.OFF) {
			return;
		}
		if (this.suppressions.suppresses(rule, this.statement.line())) {
			this.suppressed++;
			return;
		}
		this.findings.add(new LintFinding(rule, severity, this.revision, this.location, lineOf(at), excerpt(),
				this.kind.words(message), this.kind.words(fix)));
	}

	/** Reports a finding that belongs to no statement (a malformed suppression comment). */
	void reportAtLine(LintRule rule, int line, String message) {
		Severity severity = this.options.severityOf(rule);
		if (severity != Severity.OFF) {
			this.findings.add(new LintFinding(rule, severity, this.revision, this.location, line, "", message,
					this.kind.words(rule.fix())));
		}
	}

	private int lineOf(int at) {
		String sql = this.statement.sql();
		int line = this.statement.line();
		for (int i = 0; i < at && i < sql.length(); i++) {
			if (sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private String excerpt() {
		String sql = this.statement.sql().strip().replaceAll("\\s+", " ");
		return (sql.length() <= 72) ? sql : sql.substring(0, 69) + "...";
	}

}
