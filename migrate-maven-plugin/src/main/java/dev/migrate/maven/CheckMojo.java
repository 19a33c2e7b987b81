package dev.migrate.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.Migrator;
import dev.migrate.core.autogen.Comparison;
import dev.migrate.core.report.CheckReport;

/**
 * {@code migrate:check}, for CI: fails the build when the scripts have more than one head, the database has pending
 * revisions, or an applied script changed since it ran (checksum drift) or is missing; with
 * {@code -Dmigrate.model=jpa}, also when the database differs from the project's JPA entities (what
 * {@code migrate:revision -Dmigrate.autogenerate} would write), as {@code alembic check} does. Changes nothing.
 * Bound to {@code verify} when listed in a pom's executions.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public final class CheckMojo extends AbstractModelMojo {

	private static final CheckReport.Fixes FIXES = new CheckReport.Fixes(
			"mvn migrate:merge -Dmigrate.message=merge", "mvn migrate:upgrade");

	@Override
	protected void run() throws MojoFailureException {
		Migrator migrator = migrator(true);
		List<String> problems = new ArrayList<>(CheckReport.problems(migrator, FIXES));
		ModelParameters parameters = modelSet() ? modelParameters() : null;
		if (parameters != null) {
			Comparison comparison = migrator.compareModel(modelSource(parameters, List.of()));
			if (comparison.hasChanges()) {
				problems.add(differences(comparison, parameters.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw failure(problems);
		}
		print(CheckReport.upToDate(migrator.current(), migrator.heads()) + ((parameters != null)
				? ", the applied scripts are unchanged, and it matches the model " + parameters.name()
				: ", and the applied scripts are unchanged"));
	}

	// one line per difference and the SQL that would fix them, as the test assertion of migrate-jpa lists them
	private static String differences(Comparison comparison, String model) {
		List<String> differences = new ArrayList<>();
		comparison.changes().forEach((change) -> differences.add(change.description()));
		differences.addAll(comparison.notGenerated());
		StringBuilder text = new StringBuilder("The database differs from the model " + model + " in "
				+ differences.size() + ((differences.size() == 1) ? " way" : " ways") + ":");
		differences.forEach((difference) -> text.append(System.lineSeparator()).append("  ").append(difference));
		text.append(System.lineSeparator()).append("SQL that would make it match:");
		comparison.upgradeSql().forEach((sql) -> text.append(System.lineSeparator()).append("  ").append(sql).append(';'));
		text.append(System.lineSeparator())
			.append("Write it as a revision with 'mvn compile migrate:revision -Dmigrate.autogenerate"
					+ " -Dmigrate.message=...'" + (model.equals(ModelParameters.ENTITIES) ? "" : " -Dmigrate.model="
							+ model));
		return text.toString();
	}

}
