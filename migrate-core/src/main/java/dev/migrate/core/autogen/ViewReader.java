package dev.migrate.core.autogen;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.autogen.SchemaModel.View;
import dev.migrate.core.dialect.Engine;

/**
 * Reads the views of the connection's current schema (or database) with their definitions, one catalog query:
 * PostgreSQL {@code pg_views}, MySQL and MariaDB {@code information_schema.VIEWS}, H2 its
 * {@code INFORMATION_SCHEMA.VIEWS}, SQLite {@code sqlite_master} (the text after {@code AS}), SQL Server
 * {@code sys.views} with {@code sys.sql_modules}.
 */
final class ViewReader {

	/** What follows {@code AS} in a SQLite {@code CREATE VIEW}, which is all SQLite keeps of a view. */
	private static final Pattern SQLITE_VIEW = Pattern
		.compile("(?is)^\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?.+?\\s+AS\\s+(.*)$");

	private final Engine engine;

	ViewReader(Engine engine) {
		this.engine = engine;
	}

	List<View> views(Connection connection) throws SQLException {
		List<View> views = new ArrayList<>();
		switch (this.engine) {
			case POSTGRESQL -> rows(connection, "SELECT viewname, definition FROM pg_views WHERE schemaname ="
					+ " current_schema()", (rs) -> views.add(new View(rs.getString(1), rs.getString(2).trim())));
			case MYSQL, MARIADB -> rows(connection, "SELECT TABLE_NAME, VIEW_DEFINITION FROM"
					+ " INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = DATABASE()",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2))));
			case H2 -> rows(connection, "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
					+ " WHERE TABLE_SCHEMA = CURRENT_SCHEMA",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2))));
			case SQLITE -> rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'view'", (rs) -> {
				Matcher matcher = SQLITE_VIEW.matcher(rs.getString(2));
				views.add(new View(rs.getString(1), matcher.matches() ? matcher.group(1).trim() : rs.getString(2)));
			});
			case SQLSERVER -> rows(connection, "SELECT v.name, m.definition FROM sys.views v JOIN sys.sql_modules m"
					+ " ON m.object_id = v.object_id WHERE v.schema_id = SCHEMA_ID()",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2).trim())));
		}
		views.sort(Comparator.comparing(View::name));
		return views;
	}

	private static void rows(Connection connection, String sql, Row row) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				row.read(rs);
			}
		}
	}

	@FunctionalInterface
	private interface Row {

		void read(ResultSet rs) throws SQLException;

	}

}
