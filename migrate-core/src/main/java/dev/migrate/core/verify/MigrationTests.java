package dev.migrate.core.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.ConfigurationException;
import dev.migrate.core.DatabaseConnectionException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.Migrator;
import dev.migrate.core.ModelSource;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.ValidationFailedException;
import dev.migrate.core.autogen.Autogenerate;
import dev.migrate.core.autogen.SchemaModel;
import dev.migrate.core.dialect.DialectResolver;

/**
 * Tests the migrations themselves on an empty scratch database, as pytest-alembic does:
 * <ol>
 * <li>the graph has a single head, or exactly the heads declared with {@link #expectHeads(String...)};</li>
 * <li>the stairway: from base, each revision in upgrade order is upgraded, the schema read (tables, columns with
 * types, nullability and defaults, indexes, constraints, views, sequences), downgraded one step, compared with the
 * schema before its upgrade, and upgraded again, which brings the database from base to its heads;</li>
 * <li>optionally, the schema at heads matches a model ({@link #model(ModelSource)}).</li>
 * </ol>
 * A downgrade that leaves a trace is reported with each object and the SQL its downgrade lacks; that SQL is then
 * run so the stairway can go on. An irreversible revision is reported as such and the stairway continues above
 * it. It refuses a database that holds anything, since it downgrades to base, unless
 * {@link #allowNonEmptyDatabase()} says otherwise.
 *
 * <pre>
 * MigrationTestReport report = MigrationTests.of(config).run();
 * </pre>
 */
public final class MigrationTests {

	private final MigrateConfig config;

	private final List<String> expectedHeads;

	private final ModelSource model;

	private final boolean allowNonEmpty;

	private MigrationTests(MigrateConfig config, List<String> expectedHeads, ModelSource model,
			boolean allowNonEmpty) {
		this.config = config;
		this.expectedHeads = expectedHeads;
		this.model = model;
		this.allowNonEmpty = allowNonEmpty;
	}

	/**
	 * @param config the scripts and the scratch database (a url or a dataSource)
	 * @return the tests, expecting a single head, without a model
	 */
	public static MigrationTests of(MigrateConfig config) {
		if (config.url() == null && config.dataSource() == null) {
			throw new ConfigurationException("url",
					"The migration tests need a scratch database: set a url or dataSource (an empty database)");
		}
		return new MigrationTests(config, null, null, false);
	}

	/**
	 * @param heads the revision ids that should be the graph's heads, for a project that keeps several branches
	 * @return a copy expecting exactly these heads
	 */
	public MigrationTests expectHeads(String... heads) {
		return new MigrationTests(this.config, List.of(heads), this.model, this.allowNonEmpty);
	}

	/**
	 * @param model the desired schema the migrations should produce
	 * @return a copy that compares the schema at heads with it
	 */
	public MigrationTests model(ModelSource model) {
		return new MigrationTests(this.config, this.expectedHeads, model, this.allowNonEmpty);
	}

	/**
	 * Allows a database that holds tables, views, sequences or applied revisions: the tests first downgrade it to
	 * base (dropping what the migrations created) and take what remains as the base schema.
	 * @return a copy that accepts a non-empty database
	 */
	public MigrationTests allowNonEmptyDatabase() {
		return new MigrationTests(this.config, this.expectedHeads, this.model, true);
	}

	/**
	 * Runs the tests. Problems in the migrations are in the report; an exception means the tests could not run.
	 * @return the report
	 * @throws NonEmptyDatabaseException if the database is not empty and that was not allowed
	 */
	public MigrationTestReport run() {
		try (Migrator migrator = Migrator.create(this.config)) {
			List<String> heads = migrator.heads().stream().map(RevisionInfo::id).toList();
			return run(migrator, heads, headsProblem(heads));
		}
	}

	private MigrationTestReport run(Migrator migrator, List<String> heads, String headsProblem) {
		try (Connection connection = connect()) {
			String engine = (this.config.dialect() != null) ? DialectResolver.byName(this.config.dialect()).name()
					: Autogenerate.engineOf(connection);
			Autogenerate autogenerate = Autogenerate.forEngine(engine, this.config.bookkeepingTables());
			SchemaModel base = baseSchema(migrator, autogenerate, connection);
			Stairway stairway = new Stairway(migrator, autogenerate, connection,
					new SchemaComparison(autogenerate, DialectResolver.byName(engine)));
			List<RevisionInfo> order = new ArrayList<>(migrator.history(null));
			Collections.reverse(order);
			List<RevisionCheck> checks = stairway.climb(order, base);
			boolean reachedHeads = checks.stream().noneMatch((check) -> check.outcome() == Outcome.NOT_CHECKED);
			List<SchemaDifference> modelDifferences = List.of();
			String modelSkipped = null;
			if (this.model != null && reachedHeads) {
				modelDifferences = new SchemaComparison(autogenerate, DialectResolver.byName(engine))
					.compare(autogenerate.reflect(connection), loadModel(autogenerate, connection, engine));
			}
			else if (this.model != null) {
				modelSkipped = "the stairway stopped before the heads";
			}
			return new MigrationTestReport(engine, heads, headsProblem, checks,
					(this.model != null) ? this.model.name() : null, modelDifferences, modelSkipped);
		}
		catch (SQLException ex) {
			throw new DatabaseConnectionException("Could not read the scratch database for the migration tests: "
					+ ex.getMessage(), ex);
		}
	}

	private SchemaModel loadModel(Autogenerate autogenerate, Connection connection, String engine) {
		Autogenerate loader = autogenerate.withDevDatabase(this.model.devUrl(), this.model.devUser(),
				this.model.devPassword());
		return (this.model.file() != null) ? loader.loadModel(connection, this.model.file())
				: loader.loadModel(connection, this.model.text().ddl().ddl(engine),
						this.model.text().name());
	}

	private String headsProblem(List<String> heads) {
		if (this.expectedHeads == null) {
			return (heads.size() <= 1) ? null : "The graph has " + heads.size() + " heads (" + String.join(", ", heads)
					+ ") where one was expected; merge them with 'migrate merge heads', or declare the heads you keep";
		}
		if (new TreeSet<>(heads).equals(new TreeSet<>(this.expectedHeads))) {
			return null;
		}
		return "The graph's heads are " + String.join(", ", heads) + ", but " + String.join(", ", this.expectedHeads)
				+ " were declared; merge the extra heads with 'migrate merge', or update the declared heads";
	}

	/**
	 * The schema the stairway starts from: empty, or, when allowed, what remains after a downgrade to base.
	 */
	private SchemaModel baseSchema(Migrator migrator, Autogenerate autogenerate, Connection connection) {
		SchemaModel schema = autogenerate.reflect(connection);
		List<String> current = migrator.current();
		if (schema.isEmpty() && current.isEmpty()) {
			return schema;
		}
		if (!this.allowNonEmpty) {
			List<String> objects = new ArrayList<>();
			current.forEach((id) -> objects.add("revision " + id + " applied"));
			schema.tables().forEach((table) -> objects.add("table " + table.name()));
			schema.views().forEach((view) -> objects.add("view " + view.name()));
			schema.sequences().forEach((sequence) -> objects.add("sequence " + sequence.name()));
			throw new NonEmptyDatabaseException(objects);
		}
		if (!current.isEmpty()) {
			migrator.downgrade("base");
		}
		return autogenerate.reflect(connection);
	}

	/**
	 * Opens the connection for schema reads, once.
	 */
	private Connection connect() throws SQLException {
		return new ConnectionFactory(this.config).connect();
	}

	/**
	 * The stairway walk, revision by revision.
	 */
	private static final class Stairway {

		private final Migrator migrator;

		private final Autogenerate autogenerate;

		private final Connection connection;

		private final SchemaComparison comparison;

		Stairway(Migrator migrator, Autogenerate autogenerate, Connection connection, SchemaComparison comparison) {
			this.migrator = migrator;
			this.autogenerate = autogenerate;
			this.connection = connection;
			this.comparison = comparison;
		}

		List<RevisionCheck> climb(List<RevisionInfo> order, SchemaModel base) {
			List<RevisionCheck> checks = new ArrayList<>();
			SchemaModel before = base;
			String stopped = null;
			for (RevisionInfo revision : order) {
				if (stopped != null) {
					checks.add(check(revision, Outcome.NOT_CHECKED, List.of(), stopped));
					continue;
				}
				try {
					this.migrator.upgrade(revision.id());
				}
				catch (MigrateException ex) {
					checks.add(check(revision, Outcome.FAILED, List.of(), "its upgrade failed: " + ex.getMessage()));
					stopped = "the stairway stopped at " + revision.id() + ", whose upgrade failed";
					continue;
				}
				SchemaModel after = this.autogenerate.reflect(this.connection);
				Step step = step(revision, before);
				checks.add(step.check());
				stopped = step.stopped();
				// after a failed downgrade the schema may be half way; elsewhere it is back at 'after'
				before = (step.check().outcome() == Outcome.FAILED) ? this.autogenerate.reflect(this.connection) : after;
			}
			return checks;
		}

		/**
		 * Downgrades one revision, compares, repairs what the downgrade left, and upgrades it again.
		 */
		private Step step(RevisionInfo revision, SchemaModel before) {
			try {
				this.migrator.downgrade(oneStepBelow(revision));
			}
			catch (ValidationFailedException ex) {
				return new Step(check(revision, Outcome.IRREVERSIBLE, List.of(), String.join("; ", ex.getProblems())),
						null);
			}
			catch (MigrateException ex) {
				boolean stillApplied = this.migrator.current().stream()
					.anyMatch((id) -> id.equals(revision.id()));
				return new Step(check(revision, Outcome.FAILED, List.of(), "its downgrade failed: " + ex.getMessage()),
						stillApplied ? null : "the stairway stopped at " + revision.id() + ", whose downgrade failed");
			}
			List<SchemaDifference> differences = this.comparison.compare(this.autogenerate.reflect(this.connection),
					before);
			String repairFailure = repair(differences);
			if (repairFailure != null) {
				return new Step(check(revision, Outcome.LEAVES_TRACE, differences, null),
						"the stairway stopped at " + revision.id() + ": the SQL its downgrade lacks failed: "
								+ repairFailure);
			}
			try {
				this.migrator.upgrade(revision.id());
			}
			catch (MigrateException ex) {
				Outcome outcome = differences.isEmpty() ? Outcome.FAILED : Outcome.LEAVES_TRACE;
				return new Step(check(revision, outcome, differences, "its second upgrade failed: " + ex.getMessage()),
						"the stairway stopped at " + revision.id() + ", whose second upgrade failed");
			}
			return new Step(check(revision, differences.isEmpty() ? Outcome.OK : Outcome.LEAVES_TRACE, differences,
					null), null);
		}

		/**
		 * The downgrade target that un-applies just this revision: {@code <rev>@<parent>} goes down to its (first)
		 * parent along its own lineage, so a sibling branch of that parent stays applied, and a merge point goes
		 * down to one parent, un-applying only the merge; a base goes below itself with {@code <rev>-1}.
		 */
		private static String oneStepBelow(RevisionInfo revision) {
			return revision.revises().isEmpty() ? revision.id() + "-1"
					: revision.id() + "@" + revision.revises().get(0);
		}

		/**
		 * Runs the SQL the downgrade lacks, so the second upgrade starts from the schema the first one did.
		 * @return the error, or {@code null}
		 */
		private String repair(List<SchemaDifference> differences) {
			try (Statement statement = this.connection.createStatement()) {
				for (SchemaDifference difference : differences) {
					for (String sql : difference.fixSql()) {
						statement.execute(sql);
					}
				}
				return null;
			}
			catch (SQLException ex) {
				return ex.getMessage();
			}
		}

		private static RevisionCheck check(RevisionInfo revision, Outcome outcome, List<SchemaDifference> differences,
				String detail) {
			return new RevisionCheck(revision.id(), revision.message(), revision.source(), outcome, differences,
					detail);
		}

		private record Step(RevisionCheck check, String stopped) {
		}

	}

}
