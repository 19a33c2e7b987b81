package dev.migrate.core.autogen;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.CheckConstraint;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.ForeignKey;
import dev.migrate.core.ops.Index;
import dev.migrate.core.ops.Table;
import dev.migrate.core.ops.UniqueConstraint;

/**
 * Reflects the tables of the connection's current schema (or database) into a {@link SchemaModel}, through
 * {@link DatabaseMetaData} where it is precise, and catalog queries where it is weak: PostgreSQL indexes,
 * unique and check constraints from {@code pg_catalog}; MySQL and MariaDB entirely from
 * {@code information_schema} (exact column types, one query per kind); SQLite from its pragmas and the table
 * SQL (check constraints); H2 and SQL Server from metadata plus {@code INFORMATION_SCHEMA} constraints. Excluded
 * tables (the version and history tables) are skipped, compared without case. Views come from
 * {@link ViewReader}.
 *
 * <p>Over 400 lines because each engine reads its catalog differently, and the readers share one builder.
 */
final class SchemaReader {

	private static final Set<String> SIZED = Set.of("varchar", "char", "nvarchar", "nchar", "varbinary", "binary");

	private static final Pattern SQLITE_CHECK = Pattern
		.compile("(?i)(?:CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]|\\w+)\\s+)?CHECK\\s*\\(");

	private final Engine engine;

	private final Set<String> excluded;

	SchemaReader(Engine engine, Set<String> excludedTables) {
		this.engine = engine;
		this.excluded = excludedTables.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	SchemaModel read(Connection connection) throws SQLException {
		Map<String, Builder> tables = switch (this.engine) {
			case SQLITE -> readSqlite(connection);
			case POSTGRESQL -> readPostgres(connection);
			case MYSQL, MARIADB -> readMySql(connection);
			case SQLSERVER, H2 -> readWithMetaData(connection);
		};
		List<Table> result = tables.values()
			.stream()
			.map(Builder::build)
			.sorted(Comparator.comparing(Table::name))
			.toList();
		return new SchemaModel(this.engine.id(), result, readSequences(connection),
				new ViewReader(this.engine).views(connection));
	}

	/**
	 * Sequences no identity or serial column owns: those a model declares ({@code CREATE SEQUENCE}).
	 */
	private List<SchemaModel.Sequence> readSequences(Connection connection) throws SQLException {
		String sql = switch (this.engine) {
			case POSTGRESQL -> "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_class c"
					+ " JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d"
					+ " WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) ORDER BY c.relname";
			case H2 -> "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
					+ " WHERE SEQUENCE_SCHEMA = SCHEMA() AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE%'"
					+ " ORDER BY SEQUENCE_NAME";
			case MARIADB -> "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = DATABASE()"
					+ " AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME";
			case MYSQL, SQLITE, SQLSERVER -> null;
		};
		if (sql == null) {
			return List.of();
		}
		List<SchemaModel.Sequence> sequences = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				if (this.engine == Engine.MARIADB) {
					sequences.add(new SchemaModel.Sequence(rs.getString(1), 0, 0));
				}
				else {
					sequences.add(new SchemaModel.Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3)));
				}
			}
		}
		if (this.engine != Engine.MARIADB) {
			return sequences;
		}
		// MariaDB keeps a sequence's settings in the sequence itself, which reads as a one-row table
		List<SchemaModel.Sequence> read = new ArrayList<>();
		for (SchemaModel.Sequence sequence : sequences) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT start_value, increment FROM `"
							+ sequence.name().replace("`", "``") + "`")) {
				rs.next();
				read.add(new SchemaModel.Sequence(sequence.name(), rs.getLong(1), rs.getLong(2)));
			}
		}
		return read;
	}

	/**
	 * One table's definition, read without reflecting the rest of the schema.
	 */
	java.util.Optional<Table> readTable(Connection connection, String name) throws SQLException {
		return read(connection).table(name);
	}

	private boolean included(String table) {
		String lower = table.toLowerCase(Locale.ROOT);
		return !this.excluded.contains(lower) && !lower.startsWith("sqlite_") && !lower.startsWith("_migrate_tmp_");
	}

	// PostgreSQL, H2, SQL Server

	private Map<String, Builder> readWithMetaData(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = currentSchema(connection);
		Map<String, Builder> tables = new TreeMap<>();
		try (ResultSet rs = metaData.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME");
				if (included(name)) {
					tables.put(name, new Builder(name));
				}
			}
		}
		try (ResultSet rs = metaData.getColumns(catalog, schema, "%", "%")) {
			while (rs.next()) {
				Builder table = tables.get(rs.getString("TABLE_NAME"));
				if (table != null) {
					table.columns.add(column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
							rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
							rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
							"YES".equals(rs.getString("IS_AUTOINCREMENT")), rs.getString("REMARKS")));
				}
			}
		}
		if (this.engine == Engine.H2) {
			readH2Enumerations(connection, schema, tables);
		}
		boolean postgres = this.engine == Engine.POSTGRESQL;
		Set<String> constraintIndexes = new java.util.HashSet<>();
		if (postgres) {
			readPrimaryKeys(metaData.getPrimaryKeys(catalog, schema, null), tables, constraintIndexes);
			readForeignKeys(metaData.getImportedKeys(catalog, schema, null), tables);
			readPostgresIndexes(connection, schema, tables);
		}
		else {
			for (Builder table : tables.values()) {
				readPrimaryKeys(metaData.getPrimaryKeys(catalog, schema, table.name), tables, constraintIndexes);
				readForeignKeys(metaData.getImportedKeys(catalog, schema, table.name), tables);
			}
		}
		readUniqueConstraints(connection, schema, tables);
		readChecks(connection, schema, tables);
		if (!postgres) {
			tables.values().forEach((table) -> table.uniques.forEach((u) -> constraintIndexes.add(u.name())));
			tables.values().forEach((table) -> table.foreignKeys.forEach((f) -> constraintIndexes.add(f.name())));
			if (this.engine == Engine.H2) {
				constraintIndexes.addAll(strings(connection,
						"SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?"
								+ " AND INDEX_NAME IS NOT NULL",
						schema));
			}
			for (Builder table : tables.values()) {
				try (ResultSet rs = metaData.getIndexInfo(catalog, schema, table.name, false, false)) {
					readIndexes(rs, tables, constraintIndexes);
				}
			}
		}
		return tables;
	}

	/**
	 * H2's metadata calls an {@code ENUM('A','B')} column {@code ENUM}; its values are in their own view.
	 */
	private static void readH2Enumerations(Connection connection, String schema, Map<String, Builder> tables)
			throws SQLException {
		Map<String, List<String>> values = new LinkedHashMap<>();
		query(connection, "SELECT c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_NAME FROM INFORMATION_SCHEMA.COLUMNS c"
				+ " JOIN INFORMATION_SCHEMA.ENUM_VALUES e ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA"
				+ " AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE'"
				+ " AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER WHERE c.TABLE_SCHEMA = ?"
				+ " ORDER BY c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_ORDINAL", schema,
				(rs) -> values.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), (k) -> new ArrayList<>())
					.add("'" + rs.getString(3).replace("'", "''") + "'"));
		values.forEach((key, names) -> {
			String[] parts = key.split("\u0000");
			Builder table = tables.get(parts[0]);
			if (table != null) {
				table.columns.replaceAll((column) -> column.name().equals(parts[1])
						? new Column(column.name(), "enum(" + String.join(",", names) + ")", column.nullable(),
								column.defaultValue(), column.autoIncrement(), column.comment())
						: column);
			}
		});
	}

	private String currentSchema(Connection connection) throws SQLException {
		return switch (this.engine) {
			case POSTGRESQL -> strings(connection, "SELECT current_schema()").get(0);
			case SQLSERVER -> strings(connection, "SELECT SCHEMA_NAME()").get(0);
			case MYSQL, MARIADB, SQLITE, H2 -> connection.getSchema();
		};
	}

	private static void readPrimaryKeys(ResultSet rs, Map<String, Builder> tables, Set<String> constraintIndexes)
			throws SQLException {
		try (rs) {
			Map<String, TreeMap<Integer, String>> keys = new LinkedHashMap<>();
			while (rs.next()) {
				Builder table = tables.get(rs.getString("TABLE_NAME"));
				if (table != null) {
					keys.computeIfAbsent(table.name, (k) -> new TreeMap<>())
						.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
					if (rs.getString("PK_NAME") != null) {
						constraintIndexes.add(rs.getString("PK_NAME"));
					}
				}
			}
			keys.forEach((name, columns) -> tables.get(name).primaryKey.addAll(columns.values()));
		}
	}

	private static void readForeignKeys(ResultSet rs, Map<String, Builder> tables) throws SQLException {
		try (rs) {
			Map<String, List<String[]>> keys = new LinkedHashMap<>();
			while (rs.next()) {
				Builder table = tables.get(rs.getString("FKTABLE_NAME"));
				if (table == null) {
					continue;
				}
				String key = table.name + "\u0000" + rs.getString("FK_NAME") + "\u0000" + rs.getString("PKTABLE_NAME");
				keys.computeIfAbsent(key, (k) -> new ArrayList<>())
					.add(new String[] { rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"),
							rule(rs.getInt("DELETE_RULE")), rule(rs.getInt("UPDATE_RULE")), rs.getString("KEY_SEQ") });
			}
			keys.forEach((key, rows) -> {
				String[] parts = key.split("\u0000");
				rows.sort(Comparator.comparingInt((row) -> Integer.parseInt(row[4])));
				tables.get(parts[0]).foreignKeys.add(new ForeignKey(parts[1], parts[0],
						rows.stream().map((row) -> row[0]).toList(), parts[2],
						rows.stream().map((row) -> row[1]).toList(), rows.get(0)[2], rows.get(0)[3]));
			});
		}
	}

	private static String rule(int rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "CASCADE";
			case DatabaseMetaData.importedKeySetNull -> "SET NULL";
			case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
			case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
			default -> null;
		};
	}

	private static void readIndexes(ResultSet rs, Map<String, Builder> tables, Set<String> excluded)
			throws SQLException {
		Map<String, Object[]> indexes = new LinkedHashMap<>();
		while (rs.next()) {
			String name = rs.getString("INDEX_NAME");
			Builder table = tables.get(rs.getString("TABLE_NAME"));
			if (name == null || table == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
					|| excluded.contains(name) || name.equals("PRIMARY")) {
				continue;
			}
			boolean unique = !rs.getBoolean("NON_UNIQUE");
			Object[] index = indexes.computeIfAbsent(table.name + "\u0000" + name,
					(k) -> new Object[] { new TreeMap<Integer, String>(), unique });
			@SuppressWarnings("unchecked")
			TreeMap<Integer, String> columns = (TreeMap<Integer, String>) index[0];
			columns.put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
		}
		indexes.forEach((key, index) -> {
			String[] parts = key.split("\u0000");
			@SuppressWarnings("unchecked")
			TreeMap<Integer, String> columns = (TreeMap<Integer, String>) index[0];
			tables.get(parts[0]).indexes
				.add(new Index(parts[1], parts[0], List.copyOf(columns.values()), (Boolean) index[1]));
		});
	}

	private void readPostgresIndexes(Connection connection, String schema, Map<String, Builder> tables)
			throws SQLException {
		String sql = "SELECT t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid, k.n::int, true)"
				+ " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
				+ " JOIN pg_namespace ns ON ns.oid = t.relnamespace"
				+ " CROSS JOIN LATERAL generate_series(1, ix.indnkeyatts) AS k(n)"
				+ " WHERE ns.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
				+ " WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u', 'x'))"
				+ " ORDER BY t.relname, i.relname, k.n";
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Map<String, Boolean> unique = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (tables.containsKey(rs.getString(1))) {
						String key = rs.getString(1) + "\u0000" + rs.getString(2);
						columns.computeIfAbsent(key, (k) -> new ArrayList<>()).add(rs.getString(4));
						unique.put(key, rs.getBoolean(3));
					}
				}
			}
		}
		columns.forEach((key, names) -> {
			String[] parts = key.split("\u0000");
			tables.get(parts[0]).indexes.add(new Index(parts[1], parts[0], names, unique.get(key)));
		});
	}

	private void readUniqueConstraints(Connection connection, String schema, Map<String, Builder> tables)
			throws SQLException {
		String sql = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.COLUMN_NAME"
				+ " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
				+ " ON kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
				+ " AND kcu.TABLE_NAME = tc.TABLE_NAME"
				+ " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ?"
				+ " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (tables.containsKey(rs.getString(1))) {
						columns.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), (k) -> new ArrayList<>())
							.add(rs.getString(3));
					}
				}
			}
		}
		columns.forEach((key, names) -> {
			String[] parts = key.split("\u0000");
			tables.get(parts[0]).uniques.add(new UniqueConstraint(parts[1], parts[0], names));
		});
	}

	private void readChecks(Connection connection, String schema, Map<String, Builder> tables) throws SQLException {
		String sql = switch (this.engine) {
			case POSTGRESQL -> "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c"
					+ " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
					+ " WHERE c.contype = 'c' AND n.nspname = ? ORDER BY t.relname, c.conname";
			case SQLSERVER -> "SELECT t.name, c.name, c.definition FROM sys.check_constraints c"
					+ " JOIN sys.tables t ON t.object_id = c.parent_object_id WHERE SCHEMA_NAME(t.schema_id) = ?"
					+ " ORDER BY t.name, c.name";
			case MYSQL, MARIADB, SQLITE, H2 -> "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
					+ " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
					+ " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
					+ " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ?"
					+ " ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME";
		};
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Builder table = tables.get(rs.getString(1));
					if (table != null) {
						table.checks.add(new CheckConstraint(rs.getString(2), table.name, checkExpression(rs.getString(3))));
					}
				}
			}
		}
	}

	static String checkExpression(String definition) {
		String text = definition.trim();
		if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
			text = text.substring(5).trim();
		}
		if (text.toUpperCase(Locale.ROOT).endsWith(" NOT VALID")) {
			text = text.substring(0, text.length() - 10).trim();
		}
		return text;
	}

	// PostgreSQL: pg_catalog, one query per kind (its JDBC metadata goes through slow views)

	private Map<String, Builder> readPostgres(Connection connection) throws SQLException {
		String schema = currentSchema(connection);
		Map<String, Builder> tables = new TreeMap<>();
		query(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition", schema, (rs) -> {
					if (included(rs.getString(1))) {
						tables.put(rs.getString(1), new Builder(rs.getString(1)));
					}
				});
		query(connection, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
				+ " pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum)"
				+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
				+ " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
				+ " ORDER BY c.relname, a.attnum", schema, (rs) -> {
					Builder table = tables.get(rs.getString(1));
					if (table != null) {
						String identity = rs.getString(6);
						table.columns.add(column(rs.getString(2), rs.getString(3), 0, 0, !rs.getBoolean(4),
								rs.getString(5), identity != null && !identity.isEmpty(), rs.getString(7)));
					}
				});
		String columns = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY AS u(n, i)"
				+ " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = u.n ORDER BY u.i)";
		query(connection, "SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), "
				+ columns.formatted("k.conkey", "k.conrelid") + ", f.relname, "
				+ columns.formatted("k.confkey", "k.confrelid") + ", k.confdeltype, k.confupdtype"
				+ " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class f ON f.oid = k.confrelid"
				+ " WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c') ORDER BY c.relname, k.conname", schema,
				(rs) -> {
					Builder table = tables.get(rs.getString(1));
					if (table == null) {
						return;
					}
					List<String> keyColumns = List.of((String[]) rs.getArray(5).getArray());
					switch (rs.getString(3)) {
						case "p" -> table.primaryKey.addAll(keyColumns);
						case "u" -> table.uniques.add(new UniqueConstraint(rs.getString(2), table.name, keyColumns));
						case "c" -> table.checks
							.add(new CheckConstraint(rs.getString(2), table.name, checkExpression(rs.getString(4))));
						default -> table.foreignKeys.add(new ForeignKey(rs.getString(2), table.name, keyColumns,
								rs.getString(6), List.of((String[]) rs.getArray(7).getArray()),
								postgresRule(rs.getString(8)), postgresRule(rs.getString(9))));
					}
				});
		readPostgresIndexes(connection, schema, tables);
		return tables;
	}

	private static String postgresRule(String rule) {
		return switch (rule) {
			case "c" -> "CASCADE";
			case "n" -> "SET NULL";
			case "d" -> "SET DEFAULT";
			case "r" -> "RESTRICT";
			default -> null;
		};
	}

	// MySQL and MariaDB

	private Map<String, Builder> readMySql(Connection connection) throws SQLException {
		String schema = strings(connection, "SELECT DATABASE()").get(0);
		Map<String, Builder> tables = new TreeMap<>();
		for (String name : strings(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
				+ " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", schema)) {
			if (included(name)) {
				tables.put(name, new Builder(name));
			}
		}
		query(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
				+ " COLUMN_COMMENT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
				+ " ORDER BY TABLE_NAME, ORDINAL_POSITION", schema, (rs) -> {
					Builder table = tables.get(rs.getString(1));
					if (table != null) {
						String extra = rs.getString(6);
						table.columns.add(column(rs.getString(2), rs.getString(3), 0, 0, "YES".equals(rs.getString(4)),
								rs.getString(5), extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment"),
								rs.getString(7)));
					}
				});
		Map<String, List<String>> keyColumns = new LinkedHashMap<>();
		Map<String, String[]> references = new LinkedHashMap<>();
		query(connection, "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,"
				+ " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
				+ " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
				+ " AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
				+ " WHERE tc.TABLE_SCHEMA = ? ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION", schema,
				(rs) -> {
					if (tables.containsKey(rs.getString(1))) {
						String key = rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3);
						keyColumns.computeIfAbsent(key, (k) -> new ArrayList<>()).add(rs.getString(4));
						if (rs.getString(5) != null) {
							references.merge(key, new String[] { rs.getString(5), rs.getString(6) },
									(a, b) -> new String[] { a[0], a[1] + "\u0000" + b[1] });
						}
					}
				});
		Map<String, String[]> rules = new LinkedHashMap<>();
		query(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
				+ " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", schema,
				(rs) -> rules.put(rs.getString(1) + "\u0000" + rs.getString(2),
						new String[] { rs.getString(3), rs.getString(4) }));
		Set<String> foreignKeyNames = new java.util.HashSet<>();
		keyColumns.forEach((key, columns) -> {
			String[] parts = key.split("\u0000");
			Builder table = tables.get(parts[0]);
			switch (parts[2]) {
				case "PRIMARY KEY" -> table.primaryKey.addAll(columns);
				case "UNIQUE" -> table.uniques.add(new UniqueConstraint(parts[1], parts[0], columns));
				case "FOREIGN KEY" -> {
					String[] reference = references.get(key);
					String[] rule = rules.getOrDefault(parts[0] + "\u0000" + parts[1], new String[2]);
					table.foreignKeys.add(new ForeignKey(parts[1], parts[0], columns, reference[0],
							List.of(reference[1].split("\u0000")), mySqlRule(rule[0]), mySqlRule(rule[1])));
					foreignKeyNames.add(parts[0] + "\u0000" + parts[1]);
				}
				default -> {
				}
			}
		});
		Map<String, List<String>> indexColumns = new LinkedHashMap<>();
		query(connection, "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM INFORMATION_SCHEMA.STATISTICS"
				+ " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", schema, (rs) -> {
					String table = rs.getString(1);
					String name = rs.getString(2);
					if (tables.containsKey(table) && rs.getInt(4) == 1 && !name.equals("PRIMARY")
							&& !foreignKeyNames.contains(table + "\u0000" + name)) {
						indexColumns.computeIfAbsent(table + "\u0000" + name, (k) -> new ArrayList<>())
							.add(rs.getString(3));
					}
				});
		indexColumns.forEach((key, columns) -> {
			String[] parts = key.split("\u0000");
			tables.get(parts[0]).indexes.add(new Index(parts[1], parts[0], columns, false));
		});
		String checks = this.engine == Engine.MARIADB
				? "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
						+ " WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME"
				: "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
						+ " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
						+ " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = 'CHECK'"
						+ " AND tc.TABLE_SCHEMA = ? ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME";
		query(connection, checks, schema, (rs) -> {
			Builder table = tables.get(rs.getString(1));
			if (table != null) {
				table.checks.add(new CheckConstraint(rs.getString(2), table.name, rs.getString(3)));
			}
		});
		return tables;
	}

	private static String mySqlRule(String rule) {
		return (rule == null || rule.equals("RESTRICT") || rule.equals("NO ACTION")) ? null : rule;
	}

	// SQLite

	private Map<String, Builder> readSqlite(Connection connection) throws SQLException {
		Map<String, Builder> tables = new TreeMap<>();
		Map<String, String> sql = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
			while (rs.next()) {
				if (included(rs.getString(1))) {
					tables.put(rs.getString(1), new Builder(rs.getString(1)));
					sql.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		for (Builder table : tables.values()) {
			String create = sql.get(table.name);
			boolean autoIncrement = create.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
			TreeMap<Integer, String> primaryKey = new TreeMap<>();
			List<Object[]> columns = new ArrayList<>();
			pragma(connection, "table_info", table.name, (rs) -> {
				columns.add(new Object[] { rs.getString("name"), rs.getString("type"), rs.getInt("notnull") == 0,
						rs.getString("dflt_value"), rs.getInt("pk") });
				if (rs.getInt("pk") > 0) {
					primaryKey.put(rs.getInt("pk"), rs.getString("name"));
				}
			});
			for (Object[] c : columns) {
				boolean generated = autoIncrement && primaryKey.size() == 1 && ((Integer) c[4]) == 1;
				String type = ((String) c[1]).isEmpty() ? "blob" : (String) c[1];
				table.columns.add(column((String) c[0], type, 0, 0, (Boolean) c[2] && ((Integer) c[4]) == 0,
						(String) c[3], generated, null));
			}
			table.primaryKey.addAll(primaryKey.values());
			List<String[]> indexList = new ArrayList<>();
			pragma(connection, "index_list", table.name, (rs) -> indexList
				.add(new String[] { rs.getString("name"), rs.getString("unique"), rs.getString("origin") }));
			for (String[] index : indexList) {
				if (index[2].equals("pk")) {
					continue;
				}
				TreeMap<Integer, String> indexColumns = new TreeMap<>();
				pragma(connection, "index_info", index[0],
						(rs) -> indexColumns.put(rs.getInt("seqno"), rs.getString("name")));
				List<String> names = List.copyOf(indexColumns.values());
				if (index[2].equals("u")) {
					table.uniques.add(new UniqueConstraint(null, table.name, names));
				}
				else {
					table.indexes.add(new Index(index[0], table.name, names, "1".equals(index[1])));
				}
			}
			Map<Integer, List<String[]>> keys = new TreeMap<>();
			pragma(connection, "foreign_key_list", table.name,
					(rs) -> keys.computeIfAbsent(rs.getInt("id"), (k) -> new ArrayList<>())
						.add(new String[] { rs.getString("table"), rs.getString("from"), rs.getString("to"),
								rs.getString("on_delete"), rs.getString("on_update") }));
			for (List<String[]> rows : keys.values()) {
				String target = rows.get(0)[0];
				List<String> referenced = rows.stream().map((row) -> row[2]).toList();
				if (referenced.contains(null)) {
					List<String> targetKey = new ArrayList<>();
					pragma(connection, "table_info", target, (rs) -> {
						if (rs.getInt("pk") > 0) {
							targetKey.add(rs.getString("name"));
						}
					});
					referenced = targetKey;
				}
				table.foreignKeys.add(new ForeignKey(null, table.name, rows.stream().map((row) -> row[1]).toList(),
						target, referenced, rows.get(0)[3], rows.get(0)[4]));
			}
			table.checks.addAll(sqliteChecks(table.name, create));
		}
		return tables;
	}

	/**
	 * The check constraints in a SQLite {@code CREATE TABLE} statement, which no pragma reports.
	 */
	static List<CheckConstraint> sqliteChecks(String table, String create) {
		List<CheckConstraint> checks = new ArrayList<>();
		Matcher matcher = SQLITE_CHECK.matcher(create);
		int from = 0;
		while (matcher.find(from)) {
			int start = matcher.end();
			int depth = 1;
			int i = start;
			boolean quoted = false;
			while (i < create.length() && depth > 0) {
				char c = create.charAt(i);
				if (c == '\'') {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					depth++;
				}
				else if (!quoted && c == ')') {
					depth--;
				}
				i++;
			}
			String name = matcher.group(1);
			if (name != null && name.length() > 1 && "\"`[".indexOf(name.charAt(0)) >= 0) {
				name = name.substring(1, name.length() - 1);
			}
			checks.add(new CheckConstraint(name, table, create.substring(start, i - 1).trim()));
			from = i;
		}
		return checks;
	}

	private static void pragma(Connection connection, String pragma, String argument, RowHandler handler)
			throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("PRAGMA " + pragma + "(\"" + argument.replace("\"", "\"\"") + "\")")) {
			while (rs.next()) {
				handler.row(rs);
			}
		}
	}

	// shared

	static Column column(String name, String typeName, int size, int digits, boolean nullable, String defaultValue,
			boolean autoIncrement, String comment) {
		String type = TypeNames.normalize(typeName);
		if (!type.contains("(")) {
			if (SIZED.contains(type) && size > 0) {
				type = type + "(" + size + ")";
			}
			else if (type.equals("decimal") && size > 0) {
				type = type + "(" + size + "," + Math.max(digits, 0) + ")";
			}
		}
		String initial = (defaultValue != null) ? defaultValue.trim() : null;
		boolean generated = autoIncrement;
		if (initial != null && initial.toLowerCase(Locale.ROOT).startsWith("nextval(")) {
			generated = true;
		}
		if (generated || initial == null || initial.isEmpty() || initial.equalsIgnoreCase("NULL")) {
			initial = null;
		}
		String remark = (comment != null && !comment.isEmpty()) ? comment : null;
		return new Column(name, type, nullable && !generated, initial, generated, remark);
	}

	private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	private static void query(Connection connection, String sql, String parameter, RowHandler handler)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.row(rs);
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowHandler {

		void row(ResultSet rs) throws SQLException;

	}

	private static final class Builder {

		private final String name;

		private final List<Column> columns = new ArrayList<>();

		private final List<String> primaryKey = new ArrayList<>();

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		Builder(String name) {
			this.name = name;
		}

		Table build() {
			return new Table(this.name, this.columns, this.primaryKey, this.uniques, this.indexes, this.foreignKeys,
					this.checks);
		}

	}

}
