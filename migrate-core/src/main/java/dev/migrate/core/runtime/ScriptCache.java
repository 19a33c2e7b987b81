package dev.migrate.core.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.LocationFingerprint;
import dev.migrate.core.script.ScriptDirectory;

/**
 * The scripts and revision graph of one {@link dev.migrate.core.Migrator}, read once and read again only when a
 * location's files change (see {@link LocationFingerprint}): health probes, the Actuator endpoint and repeated
 * commands do not re-read and re-checksum every script, and reports on {@code filesystem:} locations do not look
 * at the files until a {@link ScriptWatch} tells them something changed. Thread-safe; a load that fails is not
 * kept, so the next call reports the problem again (or its fix). {@link #close()} stops the watch.
 */
final class ScriptCache implements AutoCloseable {

	/** How far behind the files {@link #forReport()} may be without a watch: one second. */
	static final long REPORT_STALENESS_NANOS = 1_000_000_000L;

	private final MigrateConfig config;

	private final AtomicLong loads;

	private final AtomicLong checks = new AtomicLong();

	// For a pinned cache, the cache whose scripts it serves; null for a cache of its own.
	private final ScriptCache source;

	private final AtomicReference<Entry> entry = new AtomicReference<>();

	// The watch of filesystem locations, once a second report started it; null before and without one.
	private volatile ScriptWatch watch;

	// Set once a watch could not be set up (or after close()): reports then check the files at most once a second.
	private volatile boolean unwatched;

	private volatile boolean reported;

	ScriptCache(MigrateConfig config) {
		this(config, new AtomicLong(), null);
	}

	private ScriptCache(MigrateConfig config, AtomicLong loads, ScriptCache source) {
		this.config = config;
		this.loads = loads;
		this.source = source;
	}

	/**
	 * A cache for another database's commands that serves this cache's scripts as this cache last read them
	 * (reading them first when it has none), never checking the files again: every tenant of a fleet run gets
	 * one, so a run reads and parses its scripts once, and all its tenants run the same scripts even when a
	 * file changes during the run. Its loads count as this cache's.
	 * @return the pinned cache
	 */
	ScriptCache pinned() {
		return new ScriptCache(this.config, this.loads, (this.source != null) ? this.source : this);
	}

	/**
	 * @return whether this cache serves another's scripts ({@link #pinned()}): they are read once for the whole
	 * run, so comparing their digest costs nothing
	 */
	boolean isPinned() {
		return this.source != null;
	}

	/**
	 * The scripts and their graph, from the cache while the files are unchanged (checked on every call).
	 * @return the scripts
	 * @throws MigrateException for a script or graph error
	 */
	Scripts get() {
		if (this.source != null) {
			Entry loaded = this.source.entry.get();
			return (loaded != null) ? loaded.scripts() : this.source.get();
		}
		return check(this.watch);
	}

	/**
	 * The scripts for a report (the health check, the Actuator endpoint), which a stream of requests asks for:
	 * checking every file of a directory costs as much as the rest of such a request at 10,000 scripts. From the
	 * second report on, the {@code filesystem:} locations are watched ({@link ScriptWatch}) and the cached scripts
	 * serve until an event arrives, so an edited, added or removed file is seen by the first report after its
	 * event; where they cannot be watched (a classpath location, a symbolic link among the scripts, a system
	 * without notifications), a report may be up to {@link #REPORT_STALENESS_NANOS} behind the files. Commands
	 * that change the database use {@link #get()}, which checks on every call.
	 * @return the scripts
	 * @throws MigrateException for a script or graph error
	 */
	Scripts forReport() {
		if (this.source != null) {
			return get();
		}
		ScriptWatch watching = watchForReport();
		Entry cached = this.entry.get();
		if (watching != null) {
			long generation = watching.generation();
			if (generation != ScriptWatch.BROKEN) {
				if (cached != null && cached.watch() == watching && cached.generation() == generation) {
					return cached.scripts();
				}
				return check(watching);
			}
			// What broke the watch (a directory replaced, a link added) may be a change: check at once.
			dropWatch(watching);
			return check(null);
		}
		if (cached != null && System.nanoTime() - cached.checkedAt() < REPORT_STALENESS_NANOS) {
			return cached.scripts();
		}
		return check(null);
	}

	/**
	 * The cached scripts when a report may take them without looking at the files, so that it need not load them
	 * on a thread of its own (see {@link #forReport()}).
	 * @return the scripts, or {@code null} when {@link #forReport()} would check the files
	 */
	Scripts forReportIfFresh() {
		if (this.source != null) {
			Entry loaded = this.source.entry.get();
			return (loaded != null) ? loaded.scripts() : null;
		}
		ScriptWatch watching = this.watch;
		Entry cached = this.entry.get();
		if (cached == null) {
			return null;
		}
		if (watching != null) {
			long generation = watching.generation();
			return (generation != ScriptWatch.BROKEN && cached.watch() == watching && cached.generation() == generation)
					? cached.scripts() : null;
		}
		return (this.unwatched && System.nanoTime() - cached.checkedAt() < REPORT_STALENESS_NANOS) ? cached.scripts()
				: null;
	}

	/**
	 * The scripts, and their graph when it can be built, for {@code validate}, which reports a graph error
	 * instead of throwing it.
	 * @return the scripts; the graph is {@code null} and the problem set when the graph cannot be built
	 */
	Lenient getLenient() {
		if (this.source != null) {
			Entry loaded = this.source.entry.get();
			return (loaded != null) ? new Lenient(loaded.scripts().directory(), loaded.scripts().graph(), null)
					: this.source.getLenient();
		}
		ScriptWatch watching = this.watch;
		long generation = (watching != null) ? watching.generation() : ScriptWatch.BROKEN;
		long checking = System.nanoTime();
		this.checks.incrementAndGet();
		LocationFingerprint now = fingerprint();
		Entry cached = this.entry.get();
		if (cached != null && cached.fingerprint().equals(now)) {
			return new Lenient(cached.scripts().directory(), cached.scripts().graph(), null);
		}
		ScriptDirectory directory = loadDirectory();
		try {
			RevisionGraph graph = RevisionGraph.of(directory.revisions());
			this.entry.set(new Entry(now, new Scripts(directory, graph), checking, watching, generation));
			return new Lenient(directory, graph, null);
		}
		catch (MigrateException ex) {
			return new Lenient(directory, null, ex);
		}
	}

	/**
	 * Stops the watch, if one runs; reports then check the files at most once a second.
	 */
	@Override
	public void close() {
		this.unwatched = true;
		ScriptWatch watching = this.watch;
		if (watching != null) {
			dropWatch(watching);
		}
	}

	/**
	 * @return the watch reports use, or {@code null} when there is none (yet)
	 */
	ScriptWatch watch() {
		return this.watch;
	}

	/**
	 * @return how many times the files were checked, for tests
	 */
	long checks() {
		return this.checks.get();
	}

	/**
	 * @return how many times the scripts were read from their locations
	 */
	long loads() {
		return this.loads.get();
	}

	// Compares the files with the cached scripts' and reads them again when they changed. The watch's generation
	// is read before the files are looked at: an event after that moves it on, and the next report checks again.
	private Scripts check(ScriptWatch watching) {
		long generation = (watching != null) ? watching.generation() : ScriptWatch.BROKEN;
		long checking = System.nanoTime();
		this.checks.incrementAndGet();
		LocationFingerprint now = fingerprint();
		Entry cached = this.entry.get();
		if (cached != null && cached.fingerprint().equals(now)) {
			this.entry.compareAndSet(cached, new Entry(now, cached.scripts(), checking, watching, generation));
			return cached.scripts();
		}
		synchronized (this) {
			cached = this.entry.get();
			if (cached != null && cached.fingerprint().equals(now)) {
				this.entry.compareAndSet(cached, new Entry(now, cached.scripts(), checking, watching, generation));
				return cached.scripts();
			}
			ScriptDirectory directory = loadDirectory();
			Scripts scripts = new Scripts(directory, RevisionGraph.of(directory.revisions()));
			// The fingerprint from before the read: a file written during it makes the next call read again.
			this.entry.set(new Entry(now, scripts, checking, watching, generation));
			return scripts;
		}
	}

	// The first report checks the files as a command does (a command-line report may be the only one); the second
	// starts the watch, which lists every directory once.
	private ScriptWatch watchForReport() {
		ScriptWatch watching = this.watch;
		if (watching != null || this.unwatched) {
			return watching;
		}
		if (!this.reported) {
			this.reported = true;
			return null;
		}
		synchronized (this) {
			if (this.watch == null && !this.unwatched) {
				ScriptWatch started = ScriptWatch.start(this.config.locations());
				if (started == null) {
					this.unwatched = true;
				}
				this.watch = started;
			}
			return this.watch;
		}
	}

	// A watch that broke (a location's directory replaced, a symbolic link added) is closed; the next report starts
	// another, which falls back to the throttled check when the locations can no longer be watched.
	private void dropWatch(ScriptWatch watching) {
		synchronized (this) {
			if (this.watch == watching) {
				this.watch = null;
			}
		}
		watching.close();
	}

	private LocationFingerprint fingerprint() {
		return LocationFingerprint.of(this.config.locations(), this.config.classLoader());
	}

	private ScriptDirectory loadDirectory() {
		this.loads.incrementAndGet();
		return ScriptDirectory.load(this.config.locations(), this.config.classLoader(), this.config.javaMigrations(),
				this.config.failOnMissingLocations());
	}

	/**
	 * The loaded scripts and the graph built from them.
	 *
	 * @param directory the scripts
	 * @param graph their graph
	 */
	record Scripts(ScriptDirectory directory, RevisionGraph graph) {

	}

	/**
	 * The scripts with the graph or the reason there is none.
	 *
	 * @param directory the scripts
	 * @param graph their graph, or {@code null}
	 * @param graphProblem why there is no graph, or {@code null}
	 */
	record Lenient(ScriptDirectory directory, RevisionGraph graph, MigrateException graphProblem) {

	}

	/**
	 * The scripts as one check of the files found them.
	 *
	 * @param fingerprint the files' fingerprint, taken before the scripts were read
	 * @param scripts the scripts
	 * @param checkedAt when the files were last found to match ({@link System#nanoTime()})
	 * @param watch the watch whose generation was read before that check, or {@code null}
	 * @param generation that generation, or {@link ScriptWatch#BROKEN}
	 */
	private record Entry(LocationFingerprint fingerprint, Scripts scripts, long checkedAt, ScriptWatch watch,
			long generation) {

	}

}
