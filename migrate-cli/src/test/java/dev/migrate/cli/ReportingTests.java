package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.ProgressLine;
import dev.migrate.core.report.RevisionFormat;
import dev.migrate.core.report.Summary;
import dev.migrate.core.report.Redactor;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress lines, summaries and failure reports.
 */
class ReportingTests {

	private final Map<String, RevisionInfo> revisions = RevisionFormat.byId(RevisionFixtures.linear());

	@Test
	void progressLinesReadLikeAlembicWithTheDuration() {
		assertThat(ProgressLine.of(new AppliedRevision("a", "first", "upgrade", 12, List.of("a")),
				this.revisions.get("a"))).isEqualTo("Running upgrade <base> -> a, first (12 ms)");
		assertThat(ProgressLine.of(new AppliedRevision("c", "third", "downgrade", 3, List.of("b")),
				this.revisions.get("c"))).isEqualTo("Running downgrade c -> b, third (3 ms)");
	}

	@Test
	void progressPrinterPrintsOneLinePerStepAndSkipsStamps() {
		List<String> out = new ArrayList<>();
		MigrationListener printer = ProgressLine.printer(out::add, () -> this.revisions);
		printer.afterStep(new AppliedRevision("b", "second", "upgrade", 7, List.of("b")));
		printer.afterStep(new AppliedRevision("c", "third", "stamp", 0, List.of("c")));
		assertThat(out).containsExactly("Running upgrade a -> b, second (7 ms)");
	}

	@Test
	void summariesCountStepsAndNameWhereTheDatabaseIsNow() {
		AppliedRevision step = new AppliedRevision("a", "first", "upgrade", 5, List.of("a"));
		assertThat(Summary.of(new MigrationResult("upgrade", "heads", List.of(step, step, step), List.of(), List.of("c"),
				142), this.revisions)).isEqualTo("Upgraded 3 revisions in 142 ms; now at c (head)");
		assertThat(Summary.of(new MigrationResult("downgrade", "-1", List.of(step), List.of("c"), List.of("b"), 8),
				this.revisions)).isEqualTo("Downgraded 1 revision in 8 ms; now at b");
		assertThat(Summary.of(new MigrationResult("upgrade", "heads", List.of(), List.of("c"), List.of("c"), 3),
				this.revisions)).isEqualTo("Nothing to upgrade; already at c (head)");
		assertThat(Summary.of(new MigrationResult("stamp", "base", List.of(), List.of("c"), List.of(), 3),
				this.revisions)).isEqualTo("Stamped c (head) -> <base>");
	}

	@Test
	void failureReportRemovesThePasswordAndUrlSecrets() {
		CommandLine commandLine = MigrateCommand.commandLine(CliEnvironment.system());
		StringWriter err = new StringWriter();
		commandLine.setErr(new PrintWriter(err));
		((MigrateCommand) commandLine.getCommand())
			.redactor(new Redactor("jdbc:postgresql://db/app?password=hunter22", "hunter22"));
		int code = new FailureHandler().handleExecutionException(
				new MigrateException("Cannot connect to jdbc:postgresql://db/app?password=hunter22",
						new java.sql.SQLException("password authentication failed (hunter22)", "28P01")),
				commandLine, null);
		assertThat(code).isEqualTo(ExitCodes.USAGE);
		assertThat(err.toString()).isEqualTo("FAILED: Cannot connect to jdbc:postgresql://db/app?password=***"
				+ System.lineSeparator() + "  Caused by: java.sql.SQLException: password authentication failed (***)"
				+ System.lineSeparator());
	}

	@Test
	void unexpectedFailuresNameTheirTypeAndPointToDebug() {
		CommandLine commandLine = MigrateCommand.commandLine(CliEnvironment.system());
		StringWriter err = new StringWriter();
		commandLine.setErr(new PrintWriter(err));
		int code = new FailureHandler().handleExecutionException(new IllegalStateException("boom"), commandLine, null);
		assertThat(code).isEqualTo(ExitCodes.FAILED);
		assertThat(err.toString()).contains("FAILED: java.lang.IllegalStateException: boom",
				"Run again with --debug for the stack trace.");
	}

}
