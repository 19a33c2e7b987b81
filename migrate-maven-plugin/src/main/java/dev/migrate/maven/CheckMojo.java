package dev.migrate.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.CheckReport;

/**
 * {@code migrate:check}, for CI: fails the build when the scripts have more than one head, the database has pending
 * revisions, or an applied script changed since it ran (checksum drift) or is missing. Changes nothing. Bound to
 * {@code verify} when listed in a pom's executions.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public final class CheckMojo extends AbstractMigrateMojo {

	private static final CheckReport.Fixes FIXES = new CheckReport.Fixes(
			"mvn migrate:merge -Dmigrate.message=merge", "mvn migrate:upgrade");

	@Override
	protected void run() throws MojoFailureException {
		Migrator migrator = migrator(true);
		List<RevisionInfo> heads = migrator.heads();
		List<String> problems = new ArrayList<>(CheckReport.problems(heads, migrator.pending("heads"), FIXES));
		if (!migrator.repeatables().isEmpty()) {
			problems.addAll(CheckReport.repeatableProblems(migrator.info().repeatables(), FIXES));
		}
		problems.addAll(migrator.validate().problems());
		if (!problems.isEmpty()) {
			throw failure(problems);
		}
		print(CheckReport.upToDate(migrator.current(), heads) + ", and the applied scripts are unchanged");
	}

}
