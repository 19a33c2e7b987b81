package dev.migrate.core.script;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;

/**
 * The index of a script location, written at build time into the location as {@value #FILE_NAME} (ignored by
 * scanning, as every name starting with {@code _} is): the digest of the scripts' ids and checksums
 * ({@link ScriptDirectory#digest()}), the graph's heads, and each {@code .sql} file's path, size, CRC-32 and
 * modification time. A boot that finds the database at those heads, validated against that digest, has nothing
 * to do and needs neither the scripts nor the history rows. A location with callback files has no digest (they run on
 * every upgrade), so its boots always read the scripts.
 *
 * <p>An index is only used when it still describes the location: every {@code .sql} file under it listed, none
 * missing, each of the recorded size and CRC-32 (in a jar, as its central directory holds them, without reading
 * an entry) or size and modification time (in a directory), and no Java migration classes beside them. Anything
 * else (a file edited, added or removed after the index was written) makes it unusable, and the scripts are read
 * and validated as without one.
 */
public final class ScriptIndex {

	/** The index's file name inside the location. */
	public static final String FILE_NAME = "_migrate.index";

	private static final String FORMAT = "migrate-index 1";

	// Never equal to a recorded digest (64 hex digits).
	private static final String NO_DIGEST = "-";

	private final String digest;

	private final List<String> heads;

	private final Map<String, Entry> entries;

	private ScriptIndex(String digest, List<String> heads, Map<String, Entry> entries) {
		this.digest = digest;
		this.heads = heads;
		this.entries = entries;
	}

	/**
	 * @return the digest of the indexed scripts' ids and checksums, as {@link ScriptDirectory#digest()} gives it
	 */
	public String digest() {
		return this.digest;
	}

	/**
	 * @return the graph's heads, sorted
	 */
	public List<String> heads() {
		return this.heads;
	}

	/**
	 * @return how many scripts the index lists
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Writes the index of a directory of scripts (for a classpath location, the build's output copy of it) into
	 * that directory, replacing any earlier one.
	 * @param directory the location's directory
	 * @return the index file
	 * @throws ScriptException for a script that is not valid, as loading reports it
	 * @throws dev.migrate.core.MigrateException for a revision graph that cannot be built
	 */
	public static Path write(Path directory) {
		ScriptDirectory scripts = ScriptDirectory.load(List.of(ScriptLocation.FILESYSTEM + directory),
				ScriptIndex.class.getClassLoader(), List.of(), true);
		List<String> heads = RevisionGraph.of(scripts.revisions()).heads().stream().map(Revision::id).sorted().toList();
		StringBuilder text = new StringBuilder(FORMAT).append('\n');
		// Callbacks run on every upgrade, even one with nothing to do: a location with any gets no digest, so no
		// boot takes the up-to-date shortcut past them.
		text.append("digest ").append(scripts.hasCallbacks() ? NO_DIGEST : scripts.digest()).append('\n');
		text.append("heads ").append(String.join(" ", heads)).append('\n');
		List<String> lines = new ArrayList<>();
		try {
			collect(directory.toFile(), "", lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not index " + directory, ex);
		}
		lines.sort(null);
		text.append("scripts ").append(lines.size()).append('\n');
		lines.forEach((line) -> text.append(line).append('\n'));
		Path file = directory.resolve(FILE_NAME);
		try {
			Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
		return file;
	}

	/**
	 * Writes the index of every {@code filesystem:} location into it (classpath locations are indexed by the
	 * build, in its copy of them).
	 * @param locations the configured locations
	 * @return the index files written, one per filesystem location
	 */
	public static List<Path> writeFileSystemLocations(List<String> locations) {
		List<Path> written = new ArrayList<>();
		for (String text : locations) {
			ScriptLocation location = ScriptLocation.parse(text);
			if (!location.classpath()) {
				written.add(write(Path.of(location.path())));
			}
		}
		return List.copyOf(written);
	}

	// One line per .sql file, as scanning finds them: relative path, size, CRC-32, modification time.
	private static void collect(File directory, String relative, List<String> lines) throws IOException {
		String[] names = directory.list();
		if (names == null) {
			throw new IOException("cannot list " + directory);
		}
		for (String name : names) {
			if (name.startsWith("_")) {
				continue;
			}
			File file = new File(directory, name);
			String path = relative.isEmpty() ? name : relative + "/" + name;
			if (file.isDirectory()) {
				if (!Files.isSymbolicLink(file.toPath())) {
					collect(file, path, lines);
				}
			}
			else if (isSql(name)) {
				byte[] bytes = Files.readAllBytes(file.toPath());
				CRC32 crc = new CRC32();
				crc.update(bytes);
				lines.add(path + "\t" + bytes.length + "\t" + Long.toHexString(crc.getValue()) + "\t"
						+ modified(file.toPath()));
			}
		}
	}

	/**
	 * Whether the only location holds an index file, without reading or checking it: cheap enough to decide
	 * whether checking it is worth a thread.
	 * @param locations the configured locations
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return whether there is exactly one location and it holds {@value #FILE_NAME}
	 */
	public static boolean present(List<String> locations, ClassLoader classLoader) {
		if (locations.size() != 1) {
			return false;
		}
		try {
			ScriptLocation location = ScriptLocation.parse(locations.get(0));
			if (!location.classpath()) {
				return new File(location.path(), FILE_NAME).isFile();
			}
			String path = location.path();
			return classLoader.getResource((path.isEmpty() || path.endsWith("/")) ? path + FILE_NAME
					: path + "/" + FILE_NAME) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The index of the only location, when it has one that still describes the location's files.
	 * @param locations the configured locations
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the index, or empty when there is none, it is out of date, or there is not exactly one location
	 */
	public static Optional<ScriptIndex> find(List<String> locations, ClassLoader classLoader) {
		if (locations.size() != 1) {
			return Optional.empty();
		}
		try {
			ScriptLocation location = ScriptLocation.parse(locations.get(0));
			if (!location.classpath()) {
				return inDirectory(new File(location.path()));
			}
			Enumeration<URL> roots = classLoader.getResources(location.path());
			if (!roots.hasMoreElements()) {
				return Optional.empty();
			}
			URL root = roots.nextElement();
			if (roots.hasMoreElements()) {
				return Optional.empty();
			}
			if ("file".equals(root.getProtocol())) {
				return inDirectory(Path.of(root.toURI()).toFile());
			}
			URLConnection connection = root.openConnection();
			if (connection instanceof JarURLConnection jar) {
				return inJar(jar);
			}
			return Optional.empty();
		}
		catch (IOException | URISyntaxException | RuntimeException ex) {
			// Loading the scripts the usual way reports whatever is wrong with the location.
			return Optional.empty();
		}
	}

	private static Optional<ScriptIndex> inDirectory(File root) throws IOException {
		File file = new File(root, FILE_NAME);
		if (!file.isFile()) {
			return Optional.empty();
		}
		ScriptIndex index = parse(Files.readAllBytes(file.toPath()));
		if (index == null) {
			return Optional.empty();
		}
		int[] seen = { 0 };
		return (matchesDirectory(root, "", index, seen) && seen[0] == index.entries.size()) ? Optional.of(index)
				: Optional.empty();
	}

	private static boolean matchesDirectory(File directory, String relative, ScriptIndex index, int[] seen)
			throws IOException {
		String[] names = directory.list();
		if (names == null) {
			return false;
		}
		for (String name : names) {
			if (name.startsWith("_")) {
				continue;
			}
			String path = relative.isEmpty() ? name : relative + "/" + name;
			File file = new File(directory, name);
			if (isSql(name)) {
				Entry entry = index.entries.get(path);
				BasicFileAttributes attributes = Files.readAttributes(file.toPath(), BasicFileAttributes.class);
				if (attributes.isDirectory()) {
					if (!matchesDirectory(file, path, index, seen)) {
						return false;
					}
					continue;
				}
				if (entry == null || entry.size() != attributes.size()
						|| entry.modified() != nanos(attributes)) {
					return false;
				}
				seen[0]++;
			}
			else if (name.endsWith(".class")) {
				return false;
			}
			else if (file.isDirectory() && !Files.isSymbolicLink(file.toPath())
					&& !matchesDirectory(file, path, index, seen)) {
				return false;
			}
		}
		return true;
	}

	private static Optional<ScriptIndex> inJar(JarURLConnection connection) throws IOException {
		connection.setUseCaches(false);
		String prefix = connection.getEntryName();
		prefix = (prefix == null || prefix.isEmpty()) ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
		try (JarFile jar = connection.getJarFile()) {
			JarEntry indexEntry = jar.getJarEntry(prefix + FILE_NAME);
			if (indexEntry == null) {
				return Optional.empty();
			}
			ScriptIndex index;
			try (InputStream in = jar.getInputStream(indexEntry)) {
				index = parse(in.readAllBytes());
			}
			if (index == null) {
				return Optional.empty();
			}
			// The central directory holds every entry's size and CRC-32: checking them reads no script.
			int seen = 0;
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!name.startsWith(prefix) || entry.isDirectory()) {
					continue;
				}
				String relative = name.substring(prefix.length());
				if (LocationScanner.ignored(relative)) {
					continue;
				}
				if (isSql(relative)) {
					Entry indexed = index.entries.get(relative);
					if (indexed == null || indexed.size() != entry.getSize() || indexed.crc() != entry.getCrc()) {
						return Optional.empty();
					}
					seen++;
				}
				else if (relative.endsWith(".class")) {
					return Optional.empty();
				}
			}
			return (seen == index.entries.size()) ? Optional.of(index) : Optional.empty();
		}
	}

	// The index, or null when it is not in this format (written by another version: read the scripts instead).
	static ScriptIndex parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		String[] lines = text.split("\n");
		if (lines.length < 4 || !FORMAT.equals(lines[0]) || !lines[1].startsWith("digest ")
				|| !lines[2].startsWith("heads") || !lines[3].startsWith("scripts ")) {
			return null;
		}
		String heads = lines[2].substring("heads".length()).strip();
		int count = Integer.parseInt(lines[3].substring("scripts ".length()));
		if (lines.length != 4 + count) {
			return null;
		}
		Map<String, Entry> entries = new HashMap<>(count * 2);
		for (int i = 4; i < lines.length; i++) {
			String line = lines[i];
			int a = line.indexOf('\t');
			int b = line.indexOf('\t', a + 1);
			int c = line.indexOf('\t', b + 1);
			entries.put(line.substring(0, a), new Entry(Long.parseLong(line, a + 1, b, 10),
					Long.parseLong(line, b + 1, c, 16), Long.parseLong(line, c + 1, line.length(), 10)));
		}
		return new ScriptIndex(lines[1].substring("digest ".length()),
				heads.isEmpty() ? List.of() : List.of(heads.split(" ")), entries);
	}

	private static long modified(Path file) throws IOException {
		return nanos(Files.readAttributes(file, BasicFileAttributes.class));
	}

	private static long nanos(BasicFileAttributes attributes) {
		java.time.Instant time = attributes.lastModifiedTime().toInstant();
		return time.getEpochSecond() * 1_000_000_000L + time.getNano();
	}

	private static boolean isSql(String name) {
		return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
	}

	/**
	 * One indexed file.
	 *
	 * @param size its size in bytes
	 * @param crc its CRC-32
	 * @param modified its modification time in nanoseconds since the epoch, when it was indexed
	 */
	private record Entry(long size, long crc, long modified) {

	}

}
