package dev.migrate.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrate.core.script.MigrationContext;

/**
 * What a Java migration sees: the runner's connection, the engine's name, and an {@code execute} that counts
 * statements so a failure can name the one that failed.
 */
final class JavaMigrationContext implements MigrationContext {

	private final Connection connection;

	private final String engine;

	private final SqlSink sink;

	private int executed;

	private Integer failedStatement;

	JavaMigrationContext(Connection connection, String engine, SqlSink sink) {
		this.connection = connection;
		this.engine = engine;
		this.sink = sink;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public String engine() {
		return this.engine;
	}

	@Override
	public void execute(String sql) throws SQLException {
		try {
			this.sink.execute(sql);
			this.executed++;
		}
		catch (SQLException ex) {
			this.failedStatement = this.executed + 1;
			throw ex;
		}
	}

	int executed() {
		return this.executed;
	}

	Integer failedStatement() {
		return this.failedStatement;
	}

}
