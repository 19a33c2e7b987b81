package dev.migrate.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.graph.Target;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.runtime.MigrationCommands;

/**
 * The facade: every migrate command on one database and one set of scripts. Create one with
 * {@link #create(MigrateConfig)}; it is thread-safe, and a lock in the database makes concurrent runners
 * (threads or processes) take turns.
 *
 * <p>Targets follow Alembic's grammar: {@code head}, {@code heads}, {@code base}, a full id or a unique
 * prefix, {@code +N}, {@code -N}, {@code <rev>+N}, {@code <rev>-N}, {@code head-N}, {@code <label>@head},
 * {@code <label>@base}, {@code <label>@<rev>}, {@code <label>@+N}; ranges are {@code start:end}.
 *
 * <p>Reports read often ({@link #health()}, {@link #info(int, int)}, {@link #status(String)}) watch
 * {@code filesystem:} script locations from the second one on, with a daemon thread that {@link #close()} stops
 * (a Spring application context closes its migrators).
 */
public final class Migrator implements AutoCloseable {

	private final MigrateConfig config;

	private final MigrationCommands commands;

	private Migrator(MigrateConfig config, MigrationCommands commands) {
		this.config = config;
		this.commands = commands;
	}

	/**
	 * Creates a migrator. Nothing connects until a command runs.
	 * @param config the configuration
	 * @return the migrator
	 */
	public static Migrator create(MigrateConfig config) {
		return new Migrator(config, new MigrationCommands(config));
	}

	/**
	 * A migrator for another database (a tenant's) that runs this migrator's scripts as this migrator last read
	 * them, reading them first if it has not yet, and never reads or checks the script files itself. A fleet run
	 * gives each tenant one, so the run parses its scripts once, however many tenants it has.
	 * @param config the other database's configuration: its locations, Java migrations, class loader and
	 * missing-location setting must be this migrator's
	 * @return the migrator
	 * @throws IllegalArgumentException when {@code config} names other scripts
	 */
	public Migrator sharingScripts(MigrateConfig config) {
		if (!config.locations().equals(this.config.locations())
				|| !config.javaMigrations().equals(this.config.javaMigrations())
				|| config.classLoader() != this.config.classLoader()
				|| config.failOnMissingLocations() != this.config.failOnMissingLocations()) {
			throw new IllegalArgumentException("A migrator sharing scripts needs the same locations, Java migrations "
					+ "and class loader; got " + config.locations() + " instead of " + this.config.locations());
		}
		return new Migrator(config, new MigrationCommands(config, this.commands));
	}

	/**
	 * @return the configuration this migrator was created with
	 */
	public MigrateConfig config() {
		return this.config;
	}

	/**
	 * Applies every revision between the current heads and the target, each in its own transaction (unless
	 * configured otherwise), after checking the whole plan.
	 * @param target the target, usually {@code heads} or {@code head}
	 * @return what ran
	 * @throws dev.migrate.core.graph.TargetException if the target is not in the grammar, before any connection
	 */
	public MigrationResult upgrade(String target) {
		return this.commands.upgrade(Target.parse(target));
	}

	/**
	 * Reverts revisions down to the target ({@code base}, {@code -1}, a revision...). Refused before anything
	 * runs when a revision on the way is irreversible.
	 * @param target the target
	 * @return what ran
	 * @throws dev.migrate.core.graph.TargetException if the target is not in the grammar, before any connection
	 */
	public MigrationResult downgrade(String target) {
		return this.commands.downgrade(Target.parse(target));
	}

	/**
	 * Sets the version table to the target without running scripts.
	 * @param target the target
	 * @param purge whether to empty the version table first (for a table that holds unknown ids)
	 * @return the version rows before and after
	 * @throws dev.migrate.core.graph.TargetException if the target is not in the grammar, before any connection
	 */
	public MigrationResult stamp(String target, boolean purge) {
		return this.commands.stamp(Target.parse(target), purge);
	}

	/**
	 * @return the version table's rows, sorted (empty at base)
	 */
	public List<String> current() {
		return this.commands.current();
	}

	/**
	 * @return the graph's heads, without reading the database
	 */
	public List<RevisionInfo> heads() {
		return this.commands.heads();
	}

	/**
	 * @return the graph's branch points
	 */
	public List<RevisionInfo> branches() {
		return this.commands.branches();
	}

	/**
	 * Revisions newest first, as {@code alembic history} lists them.
	 * @param range {@code start:end} (either side may be empty), or {@code null} for all
	 * @return the revisions in the range
	 */
	public List<RevisionInfo> history(String range) {
		return this.commands.history(range);
	}

	/**
	 * The repeatable scripts ({@code -- Repeatable: <name>}), read from the locations without a database; their
	 * states against a database are in {@link #info()}.
	 * @return the repeatable scripts, by name
	 */
	public List<RepeatableInfo> repeatables() {
		return this.commands.repeatables();
	}

	/**
	 * @param revision a revision id, prefix or symbolic name such as {@code head}
	 * @return the revision
	 * @throws dev.migrate.core.graph.TargetException if the target is not in the grammar, before any connection
	 */
	public RevisionInfo show(String revision) {
		return this.commands.show(Target.parse(revision));
	}

	/**
	 * @param target the target, usually {@code heads}
	 * @return the revisions an upgrade to the target would run, in order
	 * @throws dev.migrate.core.graph.TargetException if the target is not in the grammar, before any connection
	 */
	public List<RevisionInfo> pending(String target) {
		return this.commands.pending(Target.parse(target));
	}

	/**
	 * Accepts intentional edits of applied scripts and tidies failed runs, as Flyway's {@code repair} does:
	 * rewrites the stored checksum of each applied revision whose script changed since, and deletes the history
	 * rows of failed runs of which nothing can have committed. A run that may have committed part of its
	 * revision is kept and reported with the {@code stamp} commands that settle it. Holds the migration lock.
	 * @return what changed and what was kept
	 */
	public RepairResult repair() {
		return this.commands.repair();
	}

	/**
	 * Checks scripts against the database: checksums of applied revisions, applied revisions whose script is
	 * gone, irreversible or missing Java classes. Changes nothing.
	 * @return the problems found
	 */
	public ValidationResult validate() {
		return this.commands.validate();
	}

	/**
	 * @return the database's state against the scripts, with recent history, for status reports
	 */
	public MigrationInfo info() {
		return this.commands.info();
	}

	/**
	 * The state {@link #info()} reports with one page of its revision list, at a cost that grows with the page, not
	 * with the number of revisions (for the Actuator endpoint and other reports read often): the version rows, the
	 * newest history rows and the page's history rows are read; the revisions' order, what the version rows apply
	 * and where each revision's history row is are computed once per migration and kept. The scripts are those of
	 * the last check of their files: for {@code filesystem:} locations, from the second report on, a file-system
	 * watch tells when to check them again, so an edited, added or removed script is seen by the first report after
	 * its event; where the locations cannot be watched (classpath, a symbolic link among the scripts, no
	 * notifications from the system), a stream of reports checks them at most once a second (checking every file of
	 * a directory is what would grow with the revisions). A command that changes the database checks them on every
	 * call.
	 * @param page the page, from 0; a page past the end holds no revisions
	 * @param size the most revisions per page, from 1 to {@link MigrationInfoPage#MAX_SIZE}
	 * @return the summary and the page
	 * @throws IllegalArgumentException naming {@code page} or {@code size} when it is out of range, before any
	 * connection
	 */
	public MigrationInfoPage info(int page, int size) {
		return info(page, size, MigrationInfoPage.DEFAULT_RECENT_HISTORY);
	}

	/**
	 * {@link #info(int, int)} with as many of the newest history rows as asked for, instead of
	 * {@link MigrationInfoPage#DEFAULT_RECENT_HISTORY}. The history's length is its own parameter, not the page's:
	 * the page walks the revision list, while the recent history is the same few rows on every page.
	 * @param page the page, from 0; a page past the end holds no revisions
	 * @param size the most revisions per page, from 1 to {@link MigrationInfoPage#MAX_SIZE}
	 * @param recentHistory the most history rows, newest first, from 0 to
	 * {@link MigrationInfoPage#MAX_RECENT_HISTORY}
	 * @return the summary and the page
	 * @throws IllegalArgumentException naming {@code page}, {@code size} or {@code recentHistory} when it is out of
	 * range, before any connection
	 */
	public MigrationInfoPage info(int page, int size, int recentHistory) {
		MigrationInfoPage.check(page, size, recentHistory);
		return this.commands.info(page, size, recentHistory);
	}

	/**
	 * One revision's status as {@link #info()} lists it, at the cost of a page of one (see {@link #info(int, int)},
	 * also for how recently the scripts were checked).
	 * @param id a full revision id: a script's, or a version row's that no script defines (orphaned); resolve a
	 * prefix or a symbolic name with {@link #show(String)} first
	 * @return its status, or empty when neither the scripts nor the version table know it
	 */
	public Optional<RevisionStatus> status(String id) {
		return this.commands.status(id);
	}

	/**
	 * The state a health check reports, at a cost that does not grow with the number of revisions: the version
	 * rows and the newest history row are read, the graph comes from the cached scripts, checked against their files
	 * when a watch saw them change, or else at most once a second (see {@link #info(int, int)}).
	 * @return the current and head revisions, the pending count, orphaned version rows and the newest run
	 */
	public MigrationHealth health() {
		return this.commands.health();
	}

	/**
	 * @param limit the most rows to return
	 * @return the latest history rows, newest first
	 */
	public List<HistoryEntry> appliedHistory(int limit) {
		return this.commands.appliedHistory(limit);
	}

	/**
	 * The script an upgrade over a range would run, without a connection: version-table DDL, each revision's
	 * statements and the version-table updates, for the named dialect (Alembic's {@code --sql}).
	 * @param range {@code start:end} or just the end (start is then {@code base})
	 * @param dialect {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver} or
	 * {@code h2}
	 * @return the SQL script
	 */
	public String upgradeSql(String range, String dialect) {
		return this.commands.upgradeSql(range, dialect);
	}

	/**
	 * The script a downgrade over a range would run, without a connection.
	 * @param range {@code start:end}, from the newer revision down to the older
	 * @param dialect the dialect name
	 * @return the SQL script
	 */
	public String downgradeSql(String range, String dialect) {
		return this.commands.downgradeSql(range, dialect);
	}

	/**
	 * Writes a new revision script from the template, revising the given head(s).
	 * @param request what to write
	 * @return the new file
	 */
	public Path revision(NewRevision request) {
		return new RevisionCommands(this.config).revision(request);
	}

	/**
	 * Writes the script index ({@code _migrate.index}) into each {@code filesystem:} location: the digest of every
	 * revision's id and checksum, the heads, and each file's size, CRC-32 and modification time. An upgrade to
	 * {@code heads} that finds the index still matching its files, and the database validated against the same
	 * scripts, then reads one file and one row instead of every script and history row. An index that no longer
	 * matches (a script edited, added or removed since) is ignored, so writing it again is only needed to keep
	 * boots fast. Classpath locations are indexed by the build ({@code migrate:index}).
	 * @return the index files written
	 * @throws dev.migrate.core.script.ScriptException for a script that is not valid
	 */
	public List<Path> index() {
		return dev.migrate.core.script.ScriptIndex.writeFileSystemLocations(this.config.locations());
	}

	/**
	 * Writes a merge revision that revises the given revisions ({@code heads} for every head).
	 * @param request what to write; {@link NewRevision#head()} names the revisions to merge
	 * @return the new file
	 */
	public Path merge(NewRevision request) {
		return new RevisionCommands(this.config).merge(request);
	}

	/**
	 * Reads the revisions of a range for statements that would lock, rewrite, fail or break deployed code when
	 * they run ({@code migrate lint}); changes nothing and needs no database unless the engine has to be read
	 * from the DataSource.
	 * @param range {@code start:end} (either side may be empty), a single end, or {@code null} for every revision
	 * @param options the engine (else the configured dialect, or the one the url names), severities per rule,
	 * and whether to read downgrades
	 * @return the findings
	 */
	public LintReport lint(String range, LintOptions options) {
		return new LintCommands(this.config).lint(range, options);
	}

	/**
	 * Compares the database with a model (the desired schema as DDL), changing nothing: what
	 * {@code migrate check --model} reports.
	 * @param model the model file and how to load it
	 * @return the differences, with their SQL in both directions
	 */
	public dev.migrate.core.autogen.Comparison compareModel(ModelSource model) {
		return new AutogenerateCommands(this.config).compare(model);
	}

	/**
	 * Writes a new revision holding the operations that turn the database into the model, with the inverse
	 * downgrade and review notes ({@code migrate revision --autogenerate}). The database must be at its heads.
	 * Nothing is written when there are no changes.
	 * @param request the new revision's message and place, as for {@link #revision(NewRevision)}
	 * @param model the model file and how to load it
	 * @return the file written, or no file with {@link AutogenerateResult#NO_CHANGES}
	 */
	public AutogenerateResult autogenerate(NewRevision request, ModelSource model) {
		return new AutogenerateCommands(this.config).autogenerate(this, request, model);
	}

	/**
	 * Stops the watch of the script files that reports start (see {@link #info(int, int)}). The migrator stays
	 * usable; its reports then check the files at most once a second.
	 */
	@Override
	public void close() {
		this.commands.close();
	}

	/**
	 * How many times this migrator has read its scripts from their locations: once, then again only after a
	 * location's files changed (every command compares the files' sizes and times, not their contents). Tests
	 * count with it; the figure is not a metric to alert on.
	 * @return the number of script loads so far
	 */
	public long scriptLoads() {
		return this.commands.scriptLoads();
	}

}
