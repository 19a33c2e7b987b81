package dev.migrate.core.runtime;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.runtime.PlannedStep.StepStatement;

/**
 * Writes planned steps as offline SQL (Alembic's {@code --sql}): per step a comment, its statements, and its
 * version-row change, inside {@code BEGIN}/{@code COMMIT} where the step would run in a transaction online. The
 * statements go through the same {@link SqlSink} calls an online run makes.
 */
final class OfflineWriter {

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final Callbacks callbacks;

	OfflineWriter(Dialect dialect, VersionTable versionTable) {
		this(dialect, versionTable, Callbacks.none());
	}

	/**
	 * @param dialect the dialect
	 * @param versionTable the version table
	 * @param callbacks the SQL callbacks written around each step, inside its transaction
	 */
	OfflineWriter(Dialect dialect, VersionTable versionTable, Callbacks callbacks) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.callbacks = callbacks;
	}

	/**
	 * @param sink the text sink
	 * @param steps the steps, in order
	 * @throws MigrateException for a Java migration, which has no SQL to write
	 */
	void write(SqlSink sink, List<PlannedStep> steps) {
		for (PlannedStep step : steps) {
			sink.comment("Running " + step.verb() + " " + String.join(", ", step.rowsBefore()) + " -> "
					+ String.join(", ", step.rowsAfter()) + " (" + step.revision() + ": " + step.message() + ")");
			if (!(step.body() instanceof PlannedStep.SqlBody sql)) {
				throw new MigrateException("Revision '" + step.revision() + "' (" + step.source()
						+ ") is a Java migration, which cannot be written as offline SQL; run it online, or write it "
						+ "as a SQL script");
			}
			try {
				boolean transaction = step.transactional() && this.dialect.transactionalDdl();
				if (transaction) {
					sink.begin();
				}
				this.callbacks.run(Callbacks.beforeEach(step.direction()), sink, step.revision());
				for (StepStatement statement : sql.statements()) {
					StepExecutor.run(sink, statement);
				}
				this.callbacks.run(Callbacks.afterEach(step.direction()), sink, step.revision());
				this.versionTable.update(sink, step.rowsBefore(), step.rowsAfter());
				if (transaction) {
					sink.commit();
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Offline SQL does not touch a database", ex);
			}
		}
	}

}
