package dev.migrate.maven;

import java.util.List;
import java.util.Set;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.report.RevisionFormat;

/**
 * {@code migrate:history}: revisions newest first, as Alembic lists them
 * ({@code 1975ea83b712 -> 3f2a9c1b7e40 (head), add account}), the database's marked {@code (current)}.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class HistoryMojo extends AbstractMigrateMojo {

	/** Show the full header of each revision. */
	@Parameter(property = "migrate.verbose", defaultValue = "false")
	boolean verbose;

	/** Mark the database's revisions {@code (current)} (connects to the database). */
	@Parameter(property = "migrate.indicateCurrent", defaultValue = "false")
	boolean indicateCurrent;

	@Override
	protected void run() {
		// Only (current) needs the database: the list itself comes from the scripts.
		Set<String> current = this.indicateCurrent ? Set.copyOf(migrator(true).current()) : Set.of();
		migrator(false);
		print(RevisionFormat.historyLines(List.copyOf(revisions().values()), revisions(), current, this.verbose));
	}

}
