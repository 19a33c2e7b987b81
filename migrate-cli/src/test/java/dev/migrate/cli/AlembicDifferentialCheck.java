package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Step;
import dev.migrate.core.report.RevisionFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays random graphs and steps recorded from real Alembic ({@code tools/alembic-diff/run.sh} writes them) and
 * compares: {@code history} and {@code heads} lines, success or failure of each upgrade and downgrade, the set of
 * revisions run and the version rows after each step. Not part of the build (the class name matches no test
 * pattern); the script runs it with {@code -Dtest=AlembicDifferentialCheck -Dalembic.cases=FILE}.
 */
class AlembicDifferentialCheck {

	@Test
	void agreesWithAlembicOnEveryRecordedStep() throws IOException {
		String file = System.getProperty("alembic.cases");
		assertThat(file).as("-Dalembic.cases=<file written by tools/alembic-diff/generate.py>").isNotNull();
		List<String> lines = Files.readAllLines(Path.of(file));
		Report report = new Report();
		int k = 0;
		while (k < lines.size()) {
			String graphName = lines.get(k++);
			List<Revision> revisions = new ArrayList<>();
			while (lines.get(k).startsWith("rev ")) {
				String[] f = lines.get(k++).split(" ");
				revisions.add(new Revision(f[1], list(f[3]), new TreeSet<>(list(f[5])), list(f[4]), "msg " + f[1],
						null, f[2] + ".py"));
			}
			RevisionGraph graph = RevisionGraph.of(revisions);
			List<String> rows = List.of();
			while (!lines.get(k).equals("end")) {
				String[] f = lines.get(k++).split(" ", 5);
				if (f[0].equals("query")) {
					List<String> expected = new ArrayList<>();
					while (k < lines.size() && lines.get(k).startsWith("| ")) {
						expected.add(lines.get(k++).substring(2));
					}
					String arg = f[2].equals("-") ? null : f[2];
					String where = graphName + " " + f[1] + " " + f[2];
					try {
						List<String> actual = f[1].equals("history") ? history(graph, arg) : heads(graph);
						report.compare(where, f[3].equals("ok") ? expected : "fail " + f[4], actual);
					}
					catch (RuntimeException ex) {
						report.compare(where, f[3].equals("ok") ? expected : "fail", "fail " + ex.getMessage());
					}
				}
				else {
					String direction = f[1];
					String target = f[2];
					boolean expectOk = f[3].equals("ok");
					String expectedRun = lines.get(k++).substring(4);
					String expectedRows = lines.get(k++).substring(5);
					String where = graphName + " at " + rows + ": " + direction + " " + target;
					report.steps++;
					try {
						List<Step> steps = graph.plan(rows, target,
								direction.equals("upgrade") ? Direction.UPGRADE : Direction.DOWNGRADE);
						Set<String> run = new TreeSet<>();
						steps.forEach((step) -> run.add(step.revision().id()));
						List<String> after = steps.isEmpty() ? rows : new ArrayList<>(steps.get(steps.size() - 1).rowsAfter());
						String actual = "ok run " + run + " rows " + new TreeSet<>(after);
						String expected = expectOk ? "ok run " + runSet(expectedRun) + " rows " + new TreeSet<>(list(expectedRows))
								: "fail (" + f[4] + ")";
						report.compare(where, expected, actual);
						rows = expectOk ? list(expectedRows) : after;
						if (!expectOk) {
							rows = list(expectedRows);
						}
					}
					catch (RuntimeException ex) {
						String expected = expectOk ? "ok run " + runSet(expectedRun) + " rows " + list(expectedRows) : "fail";
						report.compare(where, expected, expectOk ? "fail (" + ex.getMessage() + ")" : "fail");
						rows = list(expectedRows);
					}
				}
			}
			k++;
			report.graphs++;
		}
		Path out = Path.of("target", "alembic-diff-report.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report.lines());
		System.out.println(report.summary());
		assertThat(report.mismatches).as(report.summary() + "; see " + out.toAbsolutePath()).isEmpty();
	}

	private static List<String> history(RevisionGraph graph, String range) {
		List<String> lines = new ArrayList<>();
		for (Revision revision : graph.history(range)) {
			lines.add(RevisionFormat.historyLine(info(graph, revision), false));
		}
		return lines;
	}

	private static List<String> heads(RevisionGraph graph) {
		return graph.branchHeads().stream().map((r) -> RevisionFormat.headLine(info(graph, r))).toList();
	}

	private static RevisionInfo info(RevisionGraph graph, Revision r) {
		return new RevisionInfo(r.id(), r.revises(), graph.branchLabels(r.id()), r.dependsOn(), r.message(), null,
				r.source(), graph.isHead(r.id()), graph.isEffectiveHead(r.id()), graph.isBranchPoint(r.id()),
				graph.isMergePoint(r.id()), false);
	}

	private static Set<String> runSet(String run) {
		Set<String> ids = new TreeSet<>();
		for (String entry : list(run)) {
			ids.add(entry.substring(2));
		}
		return ids;
	}

	private static List<String> list(String field) {
		return field.equals("-") ? List.of() : Arrays.asList(field.split(","));
	}

	private static final class Report {

		int graphs;

		int steps;

		int compared;

		final List<String> mismatches = new ArrayList<>();

		final List<String> alembicCrashes = new ArrayList<>();

		void compare(String where, Object expected, Object actual) {
			this.compared++;
			String text = String.valueOf(expected);
			if (text.startsWith("fail AssertionError") || text.startsWith("fail (AssertionError")
					|| text.startsWith("fail (KeyError") || text.startsWith("fail KeyError")) {
				// Alembic broke on its own internal check (an assert, a missing key), not a refusal it words
				this.alembicCrashes.add(where + "\n  alembic: " + expected + "\n  migrate: " + actual);
				return;
			}
			boolean failures = String.valueOf(expected).startsWith("fail") && String.valueOf(actual).startsWith("fail");
			if (!failures && !expected.equals(actual)) {
				this.mismatches.add(where + "\n  alembic: " + expected + "\n  migrate: " + actual);
			}
		}

		String summary() {
			return "alembic-diff: " + this.graphs + " graphs, " + this.steps + " steps, " + this.compared
					+ " comparisons, " + this.mismatches.size() + " disagreements, " + this.alembicCrashes.size()
					+ " where Alembic crashed (AssertionError or KeyError; not compared)";
		}

		Collection<String> lines() {
			List<String> result = new ArrayList<>(this.mismatches);
			result.add("Alembic crashed (not compared):");
			result.addAll(this.alembicCrashes);
			result.add(summary());
			return result;
		}

	}

}
