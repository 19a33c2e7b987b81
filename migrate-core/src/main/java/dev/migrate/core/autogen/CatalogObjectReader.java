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

import dev.migrate.core.autogen.SchemaModel.Sequence;
import dev.migrate.core.autogen.SchemaModel.View;

/**
 * Reads the schema objects that are not tables, views and sequences, of the connection's current schema (or
 * database), one catalog query per kind: PostgreSQL {@code pg_views} and {@code pg_sequence} (without the
 * sequences a serial or identity column owns), MySQL and MariaDB {@code information_schema} (MariaDB's
 * sequences are tables of type {@code SEQUENCE}, their settings read from the sequence itself), H2 its
 * {@code INFORMATION_SCHEMA}, SQLite {@code sqlite_master} (it has no sequences), SQL Server {@code sys.views}
 * and {@code sys.sequences}.
 */
final class CatalogObjectReader {

	/** What follows {@code AS} in a SQLite {@code CREATE VIEW}, which is all SQLite keeps of a view. */
	private static final Pattern SQLITE_VIEW = Pattern
		.compile("(?is)^\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?.+?\\s+AS\\s+(.*)$");

	private final String engine;

	CatalogObjectReader(String engine) {
		this.engine = engine;
	}

	List<View> views(Connection connection) throws SQLException {
		List<View> views = new ArrayList<>();
		switch (this.engine) {
			case "postgresql" -> rows(connection, "SELECT viewname, definition FROM pg_views WHERE schemaname ="
					+ " current_schema()", (rs) -> views.add(new View(rs.getString(1), rs.getString(2).trim())));
			case "mysql", "mariadb" -> rows(connection, "SELECT TABLE_NAME, VIEW_DEFINITION FROM"
					+ " INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = DATABASE()",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2))));
			case "h2" -> rows(connection, "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
					+ " WHERE TABLE_SCHEMA = CURRENT_SCHEMA",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2))));
			case "sqlite" -> rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'view'", (rs) -> {
				Matcher matcher = SQLITE_VIEW.matcher(rs.getString(2));
				views.add(new View(rs.getString(1), matcher.matches() ? matcher.group(1).trim() : rs.getString(2)));
			});
			case "sqlserver" -> rows(connection, "SELECT v.name, m.definition FROM sys.views v JOIN sys.sql_modules m"
					+ " ON m.object_id = v.object_id WHERE v.schema_id = SCHEMA_ID()",
					(rs) -> views.add(new View(rs.getString(1), rs.getString(2).trim())));
			default -> throw new IllegalArgumentException("Unknown engine " + this.engine);
		}
		views.sort(Comparator.comparing(View::name));
		return views;
	}

	List<Sequence> sequences(Connection connection) throws SQLException {
		List<Sequence> sequences = new ArrayList<>();
		switch (this.engine) {
			case "postgresql" -> rows(connection, "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s"
					+ " JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d"
					+ " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))",
					(rs) -> sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3))));
			case "mariadb" -> {
				List<String> names = new ArrayList<>();
				rows(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = DATABASE()"
						+ " AND TABLE_TYPE = 'SEQUENCE'", (rs) -> names.add(rs.getString(1)));
				for (String name : names) {
					rows(connection, "SELECT start_value, increment FROM `" + name.replace("`", "``") + "`",
							(rs) -> sequences.add(new Sequence(name, rs.getLong(1), rs.getLong(2))));
				}
			}
			case "h2" -> rows(connection, "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM"
					+ " INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA",
					(rs) -> sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3))));
			case "sqlserver" -> rows(connection, "SELECT name, CAST(start_value AS BIGINT), CAST(increment AS BIGINT)"
					+ " FROM sys.sequences WHERE schema_id = SCHEMA_ID()",
					(rs) -> sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3))));
			case "mysql", "sqlite" -> {
				// neither has sequences
			}
			default -> throw new IllegalArgumentException("Unknown engine " + this.engine);
		}
		sequences.sort(Comparator.comparing(Sequence::name));
		return sequences;
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
