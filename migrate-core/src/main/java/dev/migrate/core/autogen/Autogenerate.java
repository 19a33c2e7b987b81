package dev.migrate.core.autogen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation;
import dev.migrate.core.ops.Operations;
import dev.migrate.core.ops.Table;

/**
 * The entry point the facade uses: reflect a database, load a model, compare them, and render the result.
 * Alembic's {@code autogenerate.compare_metadata} and {@code produce_migrations} in one place.
 */
public final class Autogenerate {

	private final Engine engine;

	private final Set<String> excludedTables;

	private final RenameHints renames;

	private final ModelLoader.DevDatabase dev;

	private Autogenerate(Engine engine, Set<String> excludedTables, RenameHints renames,
			ModelLoader.DevDatabase dev) {
		this.engine = engine;
		this.excludedTables = Set.copyOf(excludedTables);
		this.renames = (renames != null) ? renames : RenameHints.NONE;
		this.dev = dev;
	}

	/**
	 * @param engine the engine name ({@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite},
	 * {@code sqlserver}, {@code h2})
	 * @param excludedTables tables to leave out on both sides (the version and history tables)
	 * @return an instance without rename hints or dev database
	 */
	public static Autogenerate forEngine(String engine, Set<String> excludedTables) {
		if (!Operations.engines().contains(engine)) {
			throw new MigrateException("Unknown engine '" + engine + "'; use one of " + Operations.engines());
		}
		return new Autogenerate(Engine.fromId(engine), excludedTables, RenameHints.NONE, null);
	}

	/**
	 * @param renames renames to emit instead of drop-and-add
	 * @return a copy with the hints
	 */
	public Autogenerate withRenames(RenameHints renames) {
		return new Autogenerate(this.engine, this.excludedTables, renames, this.dev);
	}

	/**
	 * @param url the JDBC URL of a scratch database for the model, or {@code null} for the default
	 * @param user its user
	 * @param password its password
	 * @return a copy that loads the model there
	 */
	public Autogenerate withDevDatabase(String url, String user, String password) {
		return new Autogenerate(this.engine, this.excludedTables, this.renames,
				(url != null) ? new ModelLoader.DevDatabase(url, user, password) : null);
	}

	/**
	 * The engine name of a connection's database, from its product name.
	 * @param connection the connection
	 * @return the engine name
	 * @throws SQLException if the driver fails
	 */
	public static String engineOf(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		Engine engine = Engine.fromProduct(product, connection.getMetaData().getDatabaseProductVersion());
		if (engine == null) {
			throw new MigrateException("Autogenerate does not support " + product
					+ "; it supports PostgreSQL, MySQL, MariaDB, SQLite, SQL Server and H2");
		}
		return engine.id();
	}

	/**
	 * Reflects the connection's current schema.
	 * @param connection the connection
	 * @return the schema
	 */
	public SchemaModel reflect(Connection connection) {
		try {
			return new SchemaReader(this.engine, this.excludedTables).read(connection);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the schema of the " + this.engine.id() + " database: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Loads a model DDL file into a scratch database and reflects it.
	 * @param connection a connection to the target (its server hosts the scratch schema where one is needed)
	 * @param modelFile the DDL file
	 * @return the model's schema
	 */
	public SchemaModel loadModel(Connection connection, Path modelFile) {
		return new ModelLoader(this.engine, this.excludedTables, this.dev).load(connection, modelFile);
	}

	/**
	 * Loads model DDL given as text.
	 * @param connection a connection to the target
	 * @param ddl the DDL
	 * @param source where it came from, for messages
	 * @return the model's schema
	 */
	public SchemaModel loadModel(Connection connection, String ddl, String source) {
		return new ModelLoader(this.engine, this.excludedTables, this.dev).load(connection, ddl, source);
	}

	/**
	 * Compares the database with a model file.
	 * @param connection the database
	 * @param modelFile the model DDL file
	 * @return the comparison
	 */
	public Comparison compare(Connection connection, Path modelFile) {
		SchemaModel desired = loadModel(connection, modelFile);
		return compare(reflect(connection), desired);
	}

	/**
	 * Compares two schemas and renders the operations both ways.
	 * @param current the schema as it is
	 * @param desired the schema as it should be
	 * @return the comparison
	 */
	public Comparison compare(SchemaModel current, SchemaModel desired) {
		SchemaDiff diff = new SchemaDiff(this.engine, this.renames);
		List<Operation> upgrade = diff.compare(current, desired);
		List<Operation> downgrade = new ArrayList<>();
		for (int i = upgrade.size() - 1; i >= 0; i--) {
			downgrade.add(upgrade.get(i).reverse());
		}
		Operations up = Operations.offline(this.engine.id(), current.tables());
		List<List<String>> upgradeSql = new ArrayList<>();
		for (Operation operation : upgrade) {
			int before = up.statements().size();
			up.run(operation);
			upgradeSql.add(up.statements().subList(before, up.statements().size()));
		}
		List<Table> after = up.tables();
		Operations down = Operations.offline(this.engine.id(), after);
		List<List<String>> downgradeSql = new ArrayList<>();
		for (Operation operation : downgrade) {
			int before = down.statements().size();
			down.run(operation);
			downgradeSql.add(down.statements().subList(before, down.statements().size()));
		}
		List<Comparison.Change> changes = new ArrayList<>();
		List<List<String>> renames = RenameSuspects.of(upgrade);
		for (int i = 0; i < upgrade.size(); i++) {
			Operation operation = upgrade.get(i);
			List<String> warnings = new ArrayList<>(Risks.of(operation, this.engine));
			warnings.addAll(renames.get(i));
			changes.add(new Comparison.Change(operation.describe(), warnings, upgradeSql.get(i),
					downgradeSql.get(upgrade.size() - 1 - i)));
		}
		return new Comparison(this.engine.id(), current, desired, upgrade, downgrade, changes,
				diff.notGenerated(current, desired));
	}

	/**
	 * Writes a comparison as an SQL revision script.
	 * @param comparison the comparison (with changes)
	 * @param message the one-line message
	 * @param revisionId the new revision's id
	 * @param revises the revisions it revises (empty for a base)
	 * @param date the creation date for the header
	 * @return the script text
	 */
	public static String renderScript(Comparison comparison, String message, String revisionId,
			List<String> revises, java.time.LocalDateTime date) {
		return ScriptRenderer.render(comparison, message, revisionId, revises, date);
	}

	/**
	 * A lookup that reads one table's definition from a connection, for {@link Operations#on(Connection, String,
	 * Operations.TableLookup)} (SQLite rebuilds need it).
	 * @param connection the connection
	 * @return the lookup
	 */
	public Operations.TableLookup tableLookup(Connection connection) {
		SchemaReader reader = new SchemaReader(this.engine, this.excludedTables);
		return (table) -> reader.readTable(connection, table);
	}

}
