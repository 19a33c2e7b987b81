package dev.migrate.core.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.CommandKind;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.RevisionRange;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.ScriptCache.Scripts;

/**
 * Offline SQL (Alembic's {@code --sql}): plans a range without a database (the start comes from the range, not the
 * version table) and writes the script, creating the version table first when it starts at base.
 */
final class OfflineSql {

	private final MigrateConfig config;

	OfflineSql(MigrateConfig config) {
		this.config = config;
	}

	/**
	 * @param scripts the scripts and their graph
	 * @param range {@code start:end}, or (for an upgrade) the end from base
	 * @param dialectName the dialect, or {@code null} for the configured one
	 * @param direction which way
	 * @return the SQL
	 */
	String write(Scripts scripts, String range, String dialectName, Direction direction) {
		String name = (dialectName != null) ? dialectName : this.config.dialect();
		if (name == null || name.isBlank()) {
			throw new ConfigurationException("dialect", "Offline SQL needs a dialect, because there is no database to "
					+ "detect it from; name one of " + String.join(", ", DialectResolver.names()));
		}
		Dialect dialect = DialectResolver.byName(name);
		RevisionRange parts = RevisionRange.split(range);
		String start;
		String end;
		if (parts != null) {
			start = parts.startOr("base");
			end = parts.end();
		}
		else if (direction == Direction.UPGRADE) {
			start = "base";
			end = (range != null && !range.isBlank()) ? range.strip() : "heads";
		}
		else {
			throw new MigrateException("Offline downgrade needs a range 'start:end' (for example 'head:base'), "
					+ "because there is no database to read the current version from; got '" + range + "'");
		}
		List<String> startRows = start.equals("base") ? List.of()
				: List.copyOf(new TreeSet<>(scripts.graph().stampRows(List.of(), start)));
		VersionTable versionTable = new VersionTable(dialect, this.config.schema(), this.config.versionTable());
		SqlSink.Text sink = new SqlSink.Text(dialect);
		if (direction == Direction.UPGRADE && startRows.isEmpty()) {
			if (this.config.schema() != null && this.config.createSchemas() && dialect.supportsSchemas()) {
				writeQuietly(sink, dialect.createSchema(this.config.schema()));
			}
			writeQuietly(sink, versionTable.createSql());
		}
		MigrationPlanner planner = new MigrationPlanner(scripts.graph(), scripts.directory(), dialect);
		List<PlannedStep> steps = planner.plan(startRows, Target.parse(end), direction);
		if (steps.isEmpty() && parts != null && direction == Direction.UPGRADE
				&& !startRows.equals(List.copyOf(new TreeSet<>(scripts.graph().stampRows(List.of(), end))))) {
			// An upgrade to an ancestor is a no-op online; offline it would print an empty script and exit 0.
			throw new MigrateException("Range '" + range + "' is empty: '" + end + "' is not above '" + start
					+ "'; swap the ends ('" + end + ":" + start + "')");
		}
		new MigrationRunner(dialect, versionTable, null, new Listeners(List.of()), null).write(sink,
				CommandKind.of(direction), steps);
		return sink.text();
	}

	private static void writeQuietly(SqlSink sink, String sql) {
		try {
			sink.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
