package dev.migrate.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.Linter;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.SqlSyntax;

/**
 * {@code migrate lint}: load the scripts and their graph, decide the engine, and lint a range. No database is
 * needed unless the engine can only be learned from a DataSource.
 */
final class LintCommands {

	private final MigrateConfig config;

	LintCommands(MigrateConfig config) {
		this.config = config;
	}

	LintReport lint(String range, LintOptions options) {
		SqlSyntax engine = (options.engine() != null) ? options.engine() : configuredEngine();
		ScriptDirectory directory = ScriptDirectory.load(this.config.locations(), this.config.classLoader(),
				this.config.javaMigrations(), this.config.failOnMissingLocations());
		RevisionGraph graph = RevisionGraph.of(directory.revisions());
		String effective = (range == null || range.isBlank()) ? null : range.contains(":") ? range : ":" + range;
		List<String> ids = graph.history(effective)
			.stream()
			.map(Revision::id)
			.toList();
		return Linter.lint(directory, graph, ids, engine, options);
	}

	/** The configured dialect, else the one the URL names, else the DataSource's product. */
	private SqlSyntax configuredEngine() {
		String name = this.config.dialect();
		if (name == null) {
			name = JdbcUrls.dialectOf(this.config.url());
		}
		if (name == null && this.config.dataSource() != null) {
			try (Connection connection = this.config.dataSource().getConnection()) {
				name = DialectResolver.detect(connection.getMetaData()).name();
			}
			catch (SQLException ex) {
				throw new DatabaseConnectionException("Could not read the database's product to choose the lint"
						+ " rules: " + JdbcUrls.mask(ex.getMessage()) + "; name the engine with the dialect setting",
						ex);
			}
		}
		SqlSyntax engine = (name != null) ? SqlSyntax.of(DialectResolver.byName(name).engine()) : null;
		if (engine == null) {
			throw new ConfigurationException("dialect", "Lint needs to know the engine, and neither the dialect"
					+ " setting nor the url names one; set the dialect to one of "
					+ String.join(", ", DialectResolver.names()));
		}
		return engine;
	}

}
