package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.core.RevisionInfo;
import dev.migrate.core.report.RevisionFormat;

/**
 * {@code migrate:show}: the full header of the revision {@code migrate.target} names ({@code current} for the
 * database's).
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ShowMojo extends AbstractMigrateMojo {

	/** A revision id or prefix, head, label@head, or current (the database's revision). */
	@Parameter(property = "migrate.target", defaultValue = "head")
	String target;

	@Override
	protected void run() {
		if ("current".equals(this.target)) {
			for (String row : migrator(true).current()) {
				show(migrator(true).show(row), true);
			}
		}
		else {
			show(migrator(false).show(this.target), false);
		}
	}

	private void show(RevisionInfo info, boolean current) {
		print(RevisionFormat.showLines(info, revisions(), current));
	}

}
