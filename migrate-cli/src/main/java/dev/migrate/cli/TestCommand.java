package dev.migrate.cli;

import java.util.List;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.verify.MigrationTestReport;
import dev.migrate.core.verify.MigrationTests;
import dev.migrate.core.verify.NonEmptyDatabaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate test}: the migration tests (single head, the stairway, the model) on an empty scratch database,
 * one line per revision and then the details of each failure; exit 1 when one fails.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
		description = { "Test the migrations on an empty scratch database: a single head, and the stairway",
				"(each revision upgraded, downgraded and upgraded again, the schema after its downgrade",
				"equal to the schema before its upgrade). Exit 1 when a check fails.",
				"Without --url: a temporary SQLite file when the project uses SQLite, else an",
				"in-memory H2 database when it uses H2 or names no engine; a server engine needs --url." })
final class TestCommand extends MigratorCommand {

	@Option(names = "--heads", paramLabel = "REV", split = ",",
			description = "The heads the graph should have, comma separated (default: a single head).")
	List<String> heads;

	/** With --model, also compare the schema at heads with the model (a DDL file or jpa:PACKAGE). */
	@Mixin
	ModelOptions model = new ModelOptions();

	@Option(names = "--allow-non-empty",
			description = "Run on a database that is not empty: downgrade it to base first, dropping what it holds.")
	boolean allowNonEmpty;

	@Override
	public Integer call() {
		settings().requireLocations();
		// a null resource is allowed: only a scratch database of our own is closed
		try (ScratchDatabase scratch = (options().url != null) ? null
				: ScratchDatabase.forSettings(settings())) {
			MigrateConfig config = (scratch != null) ? settings().toConfig(scratch.url())
					: settings().toConfig(true, List.of());
			print(("Testing the migrations on "
					+ ((scratch != null) ? scratch.description() : this.root.redactor().redact(config.url())))
						.replace(this.root.environment().workingDirectory().toAbsolutePath() + "/", ""));
			MigrationTests tests = MigrationTests.of(config);
			if (this.heads != null) {
				tests = tests.expectHeads(this.heads.toArray(String[]::new));
			}
			if (this.model.present()) {
				tests = tests.model(this.model.source(this::resolve, List.of()));
			}
			if (this.allowNonEmpty) {
				tests = tests.allowNonEmptyDatabase();
			}
			MigrationTestReport report = run(tests);
			// script paths read best relative to where the command runs
			out().print(report.text().replace(this.root.environment().workingDirectory().toAbsolutePath() + "/", ""));
			out().flush();
			return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
		}
	}

	private static MigrationTestReport run(MigrationTests tests) {
		try {
			return tests.run();
		}
		catch (NonEmptyDatabaseException ex) {
			throw new ConfigurationException("url", ex.getMessage() + " (--url, --allow-non-empty)");
		}
	}

}
