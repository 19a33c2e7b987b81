package dev.migrate.core.runtime;

import java.util.concurrent.atomic.AtomicLong;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.LocationFingerprint;
import dev.migrate.core.script.ScriptDirectory;

/**
 * The scripts and revision graph of one {@link dev.migrate.core.Migrator}, read once and read again only when a
 * location's files change (see {@link LocationFingerprint}): health probes, the Actuator endpoint and repeated
 * commands do not re-read and re-checksum every script. Thread-safe; a load that fails is not kept, so the next
 * call reports the problem again (or its fix).
 */
final class ScriptCache {

	/** How far behind the files {@link #forReport()} may be: one second. */
	static final long REPORT_STALENESS_NANOS = 1_000_000_000L;

	private final MigrateConfig config;

	private final AtomicLong loads;

	// For a pinned cache, the cache whose scripts it serves; null for a cache of its own.
	private final ScriptCache source;

	private volatile Entry entry;

	// When get() last found the files unchanged (System.nanoTime()), for reports that may be a moment behind.
	private volatile long checkedAt;

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
	 * The scripts and their graph, from the cache while the files are unchanged.
	 * @return the scripts
	 * @throws MigrateException for a script or graph error
	 */
	Scripts get() {
		if (this.source != null) {
			Entry loaded = this.source.entry;
			return (loaded != null) ? loaded.scripts() : this.source.get();
		}
		long checking = System.nanoTime();
		LocationFingerprint now = fingerprint();
		Entry cached = this.entry;
		if (cached != null && cached.fingerprint().equals(now)) {
			this.checkedAt = checking;
			return cached.scripts();
		}
		synchronized (this) {
			cached = this.entry;
			if (cached != null && cached.fingerprint().equals(now)) {
				this.checkedAt = checking;
				return cached.scripts();
			}
			ScriptDirectory directory = loadDirectory();
			Scripts scripts = new Scripts(directory, RevisionGraph.of(directory.revisions()));
			// The fingerprint from before the read: a file written during it makes the next call read again.
			this.entry = new Entry(now, scripts);
			this.checkedAt = checking;
			return scripts;
		}
	}

	/**
	 * The scripts for a report that may be up to {@link #REPORT_STALENESS_NANOS} behind the files (the health
	 * check, the Actuator endpoint): checking every file of a directory costs as much as the rest of such a
	 * request at 10,000 scripts, so a stream of requests checks them at most once in that time. Commands that
	 * change the database use {@link #get()}, which checks on every call.
	 * @return the scripts
	 * @throws MigrateException for a script or graph error
	 */
	Scripts forReport() {
		Entry cached = this.entry;
		if (this.source == null && cached != null && System.nanoTime() - this.checkedAt < REPORT_STALENESS_NANOS) {
			return cached.scripts();
		}
		return get();
	}

	/**
	 * The scripts, and their graph when it can be built, for {@code validate}, which reports a graph error
	 * instead of throwing it.
	 * @return the scripts; the graph is {@code null} and the problem set when the graph cannot be built
	 */
	Lenient getLenient() {
		if (this.source != null) {
			Entry loaded = this.source.entry;
			return (loaded != null) ? new Lenient(loaded.scripts().directory(), loaded.scripts().graph(), null)
					: this.source.getLenient();
		}
		LocationFingerprint now = fingerprint();
		Entry cached = this.entry;
		if (cached != null && cached.fingerprint().equals(now)) {
			return new Lenient(cached.scripts().directory(), cached.scripts().graph(), null);
		}
		ScriptDirectory directory = loadDirectory();
		try {
			RevisionGraph graph = RevisionGraph.of(directory.revisions());
			this.entry = new Entry(now, new Scripts(directory, graph));
			return new Lenient(directory, graph, null);
		}
		catch (MigrateException ex) {
			return new Lenient(directory, null, ex);
		}
	}

	/**
	 * @return how many times the scripts were read from their locations
	 */
	long loads() {
		return this.loads.get();
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

	private record Entry(LocationFingerprint fingerprint, Scripts scripts) {

	}

}
