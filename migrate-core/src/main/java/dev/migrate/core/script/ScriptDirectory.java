package dev.migrate.core.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.graph.Revision;

/**
 * Every migration script the configured locations hold, as Alembic's {@code ScriptDirectory} gathers them:
 * {@code .sql} files in the SQL migration format, {@link JavaMigration} classes annotated with
 * {@link Migration} in the package a {@code classpath:} location names, and Java migrations registered
 * explicitly. Loading checks every file and that no revision id is used twice; how the revisions connect is
 * the revision graph's business. Immutable.
 *
 * <p>Locations are {@code classpath:db/migrations} (the default kind) or {@code filesystem:/path}; classpath
 * locations are read from directories and jars, including Spring Boot executable jars. Subfolders are
 * scanned too. A file or folder whose name starts with {@code _} is ignored, as are files that are neither
 * {@code .sql} nor {@code .class}. A {@code .sql} file named after a {@link CallbackEvent} (such as
 * {@code beforeUpgrade.sql}) is a {@link CallbackScript}; every other {@code .sql} file must be a migration: a
 * revision, or a {@link RepeatableScript} when its header has {@code Repeatable:}.
 */
public final class ScriptDirectory {

	private static final Logger logger = LoggerFactory.getLogger(ScriptDirectory.class);

	private final List<MigrationScript> scripts;

	private final Map<String, MigrationScript> byId;

	private final List<RepeatableScript> repeatables;

	private final Map<CallbackEvent, List<CallbackScript>> callbacks;

	// Computed on first use: a fleet run compares it once per tenant, and the scripts never change.
	private volatile String digest;

	private ScriptDirectory(List<MigrationScript> scripts, List<RepeatableScript> repeatables,
			Map<CallbackEvent, List<CallbackScript>> callbacks) {
		this.scripts = Collections.unmodifiableList(scripts);
		this.repeatables = List.copyOf(repeatables);
		Map<CallbackEvent, List<CallbackScript>> byEvent = new EnumMap<>(CallbackEvent.class);
		callbacks.forEach((event, list) -> byEvent.put(event, List.copyOf(list)));
		this.callbacks = Collections.unmodifiableMap(byEvent);
		Map<String, MigrationScript> byId = new LinkedHashMap<>();
		scripts.forEach((script) -> byId.put(script.revision().id(), script));
		this.byId = Collections.unmodifiableMap(byId);
	}

	/**
	 * Loads every script.
	 * @param locations locations such as {@code classpath:db/migrations} or {@code filesystem:/srv/migrations}
	 * @param classLoader the class loader for {@code classpath:} locations and Java migration classes
	 * @param registered Java migrations registered explicitly; an instance of a scanned class (or of a subclass,
	 * such as a proxy) replaces it, and the class is then not instantiated
	 * @param failOnMissingLocations whether a location that does not exist is an error (otherwise a warning)
	 * @return the scripts
	 * @throws ScriptException for a file or class that is not a valid migration, or a revision id used twice,
	 * naming the file (and line) and the fix
	 * @throws ConfigurationException for a malformed or (when required) missing location
	 */
	public static ScriptDirectory load(List<String> locations, ClassLoader classLoader, List<JavaMigration> registered,
			boolean failOnMissingLocations) {
		LocationScanner scanner = new LocationScanner(classLoader);
		Map<String, MigrationScript> byId = new LinkedHashMap<>();
		Set<String> seenFiles = new HashSet<>();
		Map<String, RepeatableScript> repeatables = new TreeMap<>();
		Map<CallbackEvent, List<CallbackScript>> callbacks = new EnumMap<>(CallbackEvent.class);
		List<JavaMigrationScript> javaScripts = new ArrayList<>();
		for (JavaMigration migration : registered) {
			javaScripts.add(JavaMigrations.fromInstance(migration));
		}
		for (String text : locations) {
			ScriptLocation location = ScriptLocation.parse(text);
			LocationScanner.Contents contents = scanner.scan(location);
			if (!contents.exists()) {
				String problem = "Location '" + location.text() + "' does not exist; create it, or fix the"
						+ " 'locations' setting";
				if (failOnMissingLocations) {
					throw new ConfigurationException("locations", problem);
				}
				logger.warn("{} (no scripts loaded from it)", problem);
				continue;
			}
			for (LocationScanner.SqlFile file : contents.sqlFiles()) {
				String fileName = file.location().substring(file.location().lastIndexOf('/') + 1);
				CallbackEvent event = CallbackEvent.forFileName(fileName).orElse(null);
				if (event != null) {
					String sql = SqlScriptParser.decode(file.location(), file.bytes());
					String checksum = Checksum.of(sql);
					if (seenFiles.add(file.location() + "\0" + checksum)) {
						callbacks.computeIfAbsent(event, (key) -> new ArrayList<>())
							.add(new CallbackScript(event, file.location(), sql, checksum));
					}
					continue;
				}
				ParsedSqlFile parsed = SqlScriptParser.parseFile(file.location(), file.bytes());
				if (parsed instanceof RepeatableScript repeatable) {
					if (seenFiles.add(file.location() + "\0" + repeatable.checksum())) {
						addRepeatable(repeatables, repeatable);
					}
				}
				else if (parsed instanceof SqlMigrationScript script
						&& seenFiles.add(file.location() + "\0" + script.checksum())) {
					add(byId, script);
				}
			}
			for (String className : contents.classNames()) {
				JavaMigrationScript script = JavaMigrations.fromScannedClass(className, classLoader, registered);
				if (script != null && seenFiles.add(className)) {
					javaScripts.add(script);
				}
			}
		}
		javaScripts.forEach((script) -> add(byId, script));
		List<MigrationScript> scripts = new ArrayList<>(byId.values());
		scripts.sort(Comparator.comparing((MigrationScript script) -> script.revision().id()));
		checkRepeatables(repeatables.values(), byId);
		logger.debug("Loaded {} migration scripts, {} repeatable scripts and {} callbacks from {}", scripts.size(),
				repeatables.size(), callbacks.values().stream().mapToInt(List::size).sum(), locations);
		return new ScriptDirectory(scripts, new ArrayList<>(repeatables.values()), callbacks);
	}

	private static void addRepeatable(Map<String, RepeatableScript> repeatables, RepeatableScript repeatable) {
		RepeatableScript previous = repeatables.putIfAbsent(repeatable.name(), repeatable);
		if (previous != null) {
			throw new ScriptException(repeatable.location(), repeatable.nameLine(), "repeatable script '"
					+ repeatable.name() + "' is already defined by " + previous.location() + ":" + previous.nameLine()
					+ "; give one of them another 'Repeatable' name");
		}
	}

	// After every revision is known: a Depends On must name one, and a name must not be a revision id too (the
	// history table keeps both in its revision column).
	private static void checkRepeatables(Collection<RepeatableScript> repeatables, Map<String, MigrationScript> byId) {
		for (RepeatableScript repeatable : repeatables) {
			for (String id : repeatable.dependsOn()) {
				if (!byId.containsKey(id)) {
					throw new ScriptException(repeatable.location(), repeatable.dependsOnLine(), "repeatable script '"
							+ repeatable.name() + "' depends on revision '" + id + "', which does not exist; fix its"
							+ " 'Depends On:' header");
				}
			}
			MigrationScript clash = byId.get(repeatable.name());
			if (clash != null) {
				throw new ScriptException(repeatable.location(), repeatable.nameLine(), "repeatable name '"
						+ repeatable.name() + "' is also the id of revision " + clash.location() + "; choose another"
						+ " 'Repeatable' name");
			}
		}
	}

	private static void add(Map<String, MigrationScript> byId, MigrationScript script) {
		MigrationScript previous = byId.putIfAbsent(script.revision().id(), script);
		if (previous != null) {
			throw new ScriptException(script.location(), 0, "revision '" + script.revision().id()
					+ "' is already defined by " + previous.location() + "; give one of them a new "
					+ ((script instanceof SqlMigrationScript) ? "'Revision ID'" : "@Migration id"));
		}
	}

	/**
	 * @return every script, sorted by revision id; unmodifiable
	 */
	public List<MigrationScript> scripts() {
		return this.scripts;
	}

	/**
	 * @param revisionId a full revision id
	 * @return the script declaring it, if any
	 */
	public Optional<MigrationScript> get(String revisionId) {
		return Optional.ofNullable(this.byId.get(revisionId));
	}

	/**
	 * @return one SHA-256 over every script's revision id and checksum and every repeatable script's name and
	 * checksum: equal when the same scripts have the same contents, as {@link ScriptIndex#digest()} records it at
	 * build time
	 */
	public String digest() {
		String computed = this.digest;
		if (computed == null) {
			computed = ScriptsDigest.of(this.scripts, this.repeatables);
			this.digest = computed;
		}
		return computed;
	}

	/**
	 * @return the repeatable scripts, sorted by name (the order an upgrade applies them in); unmodifiable
	 */
	public List<RepeatableScript> repeatables() {
		return this.repeatables;
	}

	/**
	 * @param event a point in a run
	 * @return the callbacks for it, in location order (and by path within a location); unmodifiable
	 */
	public List<CallbackScript> callbacks(CallbackEvent event) {
		return this.callbacks.getOrDefault(event, List.of());
	}

	/**
	 * @return whether any location holds a callback file
	 */
	public boolean hasCallbacks() {
		return !this.callbacks.isEmpty();
	}

	/**
	 * @return the revisions of {@link #scripts()}, in the same order, to build the revision graph from
	 */
	public List<Revision> revisions() {
		return this.scripts.stream().map(MigrationScript::revision).toList();
	}

}
