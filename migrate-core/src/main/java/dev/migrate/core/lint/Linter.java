package dev.migrate.core.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.MigrationScript;
import dev.migrate.core.script.RepeatableScript;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.ScriptException;
import dev.migrate.core.script.SqlMigrationScript;
import dev.migrate.core.script.SqlStatement;
import dev.migrate.core.script.SqlSyntax;

/**
 * Reads revisions' statements for one engine and reports what would lock, rewrite, fail or break deployed code
 * when they run. Revisions are read oldest first along the graph, so that "an existing table" is one an earlier
 * revision created (or none did: an adopted table), never one the same revision creates; every revision builds
 * the schema the later ones are checked against, and only those in the asked range are reported.
 *
 * <p>Statements come from the statement splitter, as the runtime runs them, and are tokenized by the linter's
 * own lexer: a general SQL parser (JSqlParser) rejects or misreads much of what migrations hold on one engine or
 * another ({@code CREATE INDEX CONCURRENTLY}, MySQL's {@code ALGORITHM=} clauses, T-SQL), while the rules only
 * need a statement's verb and a few clauses, which tokens give without failing on the rest.
 */
public final class Linter {

	private Linter() {
	}

	/**
	 * Lints the revisions of a range.
	 * @param directory the scripts
	 * @param graph their graph
	 * @param range the revisions to report on, as ids; the others are read only for the schema they build
	 * @param engine the engine whose sections and rules apply
	 * @param options severities and whether to read downgrades
	 * @return the findings
	 * @throws ScriptException for a string or comment that is not closed
	 */
	public static LintReport lint(ScriptDirectory directory, RevisionGraph graph, Collection<String> range,
			SqlSyntax engine, LintOptions options) {
		Set<String> reported = new HashSet<>(range);
		boolean transactionalDdl = DialectResolver.byName(engine.engineName()).transactionalDdl();
		List<Revision> newestFirst = graph.history(null);
		Schema schema = new Schema();
		List<LintFinding> findings = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		int revisions = 0;
		int suppressed = 0;
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			Revision revision = newestFirst.get(i);
			MigrationScript script = directory.get(revision.id()).orElse(null);
			boolean report = reported.contains(revision.id());
			if (!(script instanceof SqlMigrationScript sql) || !sql.hasUpgrade(engine)) {
				if (report) {
					skipped.add(revision.id());
				}
				continue;
			}
			List<LintFinding> sink = report ? findings : new ArrayList<>();
			Suppressions suppressions = new Suppressions(sql.lintComments());
			RevisionCheck check = new RevisionCheck(engine, sql.transactional(), schema, revision.id(),
					LintedScript.REVISION, sql.location(), options, suppressions, sink);
			if (report) {
				revisions++;
				suppressions.problems()
					.forEach((problem) -> check.reportAtLine(LintRule.LINT01, problem.line(), problem.message()));
			}
			lintSection(sql.upgrade(engine), check, sql.transactional() && transactionalDdl);
			if (report && options.downgrades() && sql.reversible() && sql.hasDowngrade(engine)) {
				// A downgrade's statements run against the schema its upgrade built; they change nothing later
				// revisions see.
				Schema after = new Schema();
				lintSection(sql.downgrade(engine), new RevisionCheck(engine, sql.transactional(), after,
						revision.id(), LintedScript.REVISION, sql.location(), options, suppressions, sink),
						sql.transactional() && transactionalDdl);
			}
			suppressed += report ? check.suppressed() : 0;
		}
		int repeatables = 0;
		if (graph.heads().stream().map(Revision::id).anyMatch(reported::contains)) {
			// Repeatable scripts run after the revisions of an upgrade to heads, on the schema those built; each is
			// reported as its name.
			for (RepeatableScript script : directory.repeatables()) {
				if (!script.hasSection(engine)) {
					skipped.add(script.name());
					continue;
				}
				repeatables++;
				Suppressions suppressions = new Suppressions(script.lintComments());
				RevisionCheck check = new RevisionCheck(engine, script.transactional(), schema, script.name(),
						LintedScript.REPEATABLE, script.location(), options, suppressions, findings);
				suppressions.problems()
					.forEach((problem) -> check.reportAtLine(LintRule.LINT01, problem.line(), problem.message()));
				lintSection(script.statements(engine), check, script.transactional() && transactionalDdl);
				suppressed += check.suppressed();
			}
		}
		return new LintReport(engine, revisions, repeatables, skipped, suppressed,
				orderByRevision(findings, newestFirst));
	}

	private static void lintSection(List<SqlStatement> statements, RevisionCheck check, boolean sharedTransaction) {
		SqlStatement firstDdl = null;
		SqlStatement firstData = null;
		boolean mixReported = false;
		for (SqlStatement statement : statements) {
			check.startStatement(statement);
			Command command = StatementReader.read(Lexer.tokens(statement.sql(), check.engine));
			PostgresRules.check(command, check);
			MySqlRules.check(command, check);
			CommonRules.check(command, check);
			if (command instanceof Command.CreateTable create) {
				check.created(create.table());
			}
			else if (command instanceof Command.AlterTable alter && !check.existing(alter.table())) {
				alter.actions()
					.stream()
					.filter(Command.RenameTo.class::isInstance)
					.forEach((rename) -> check.created(((Command.RenameTo) rename).newName()));
			}
			check.schema.apply(command);
			boolean data = command instanceof Command.DataChange;
			boolean ddl = !data && !(command instanceof Command.Other);
			firstDdl = (ddl && firstDdl == null) ? statement : firstDdl;
			firstData = (data && firstData == null) ? statement : firstData;
			if (!sharedTransaction && !mixReported && firstDdl != null && firstData != null) {
				mixReported = true;
				// Reported at the data change, where a suppression comment would say why the mix is safe.
				check.startStatement(firstData);
				check.report(LintRule.ALL07, 0, "data changes (line " + firstData.line() + ") and DDL (line "
						+ firstDdl.line() + ") do not share one transaction here: each DDL statement commits on its"
						+ " own, so a failure part-way leaves the revision half applied, and rerunning it repeats what"
						+ " did commit");
			}
		}
	}

	/** Findings of older revisions first, as the revisions run, then those of repeatable scripts by file. */
	private static List<LintFinding> orderByRevision(List<LintFinding> findings, List<Revision> newestFirst) {
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < newestFirst.size(); i++) {
			order.put(newestFirst.get(i).id(), newestFirst.size() - i);
		}
		List<LintFinding> sorted = new ArrayList<>(findings);
		sorted.sort(Comparator
			.comparing((LintFinding finding) -> order.getOrDefault(finding.revision(), Integer.MAX_VALUE))
			.thenComparing(LintFinding::location)
			.thenComparing(LintFinding::line));
		return sorted;
	}

}
