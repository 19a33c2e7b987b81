package dev.migrate.core.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * {@code .sql} nor {@code .class}; every other {@code .sql} file must be a migration.
 */
public final class ScriptDirectory {

	private static final Logger logger = LoggerFactory.getLogger(ScriptDirectory.class);

	private final List<MigrationScript> scripts;

	private final Map<String, MigrationScript> byId;

	private ScriptDirectory(List<MigrationScript> scripts) {
		this.scripts = Collections.unmodifiableList(scripts);
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
				SqlMigrationScript script = SqlScriptParser.parse(file.location(), file.bytes());
				if (seenFiles.add(file.location() + "\0" + script.checksum())) {
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
		logger.debug("Loaded {} migration scripts from {}", scripts.size(), locations);
		return new ScriptDirectory(scripts);
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
	 * @return one SHA-256 over every script's revision id and checksum: equal when the same revisions have the
	 * same contents, as {@link ScriptIndex#digest()} records it at build time
	 */
	public String digest() {
		return ScriptsDigest.of(this.scripts);
	}

	/**
	 * @return the revisions of {@link #scripts()}, in the same order, to build the revision graph from
	 */
	public List<Revision> revisions() {
		return this.scripts.stream().map(MigrationScript::revision).toList();
	}

}
