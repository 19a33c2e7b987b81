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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.List;
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

	private final Lines lines;

	private ScriptIndex(String digest, List<String> heads, Lines lines) {
		this.digest = digest;
		this.heads = heads;
		this.lines = lines;
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
		return this.lines.size();
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
						+ nanos(Files.readAttributes(file.toPath(), BasicFileAttributes.class)));
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
		Path directory = root.toPath();
		Path file = directory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		ScriptIndex index = parse(Files.readAllBytes(file));
		if (index == null) {
			return Optional.empty();
		}
		int[] seen = { 0 };
		return (matchesDirectory(directory, "", index.lines, seen) && seen[0] == index.size()) ? Optional.of(index)
				: Optional.empty();
	}

	// One listing per directory and one stat per script, resolved against the directory's path (no File per
	// name): on a cold JVM this loop is most of what a directory of 10,000 scripts costs a boot.
	private static boolean matchesDirectory(Path directory, String relative, Lines lines, int[] seen)
			throws IOException {
		String[] names = directory.toFile().list();
		if (names == null) {
			return false;
		}
		for (String name : names) {
			if (name.startsWith("_")) {
				continue;
			}
			String path = relative.isEmpty() ? name : relative + "/" + name;
			Path file = directory.resolve(name);
			if (isSql(name)) {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				if (attributes.isDirectory()) {
					if (!matchesDirectory(file, path, lines, seen)) {
						return false;
					}
					continue;
				}
				int line = lines.claim(path);
				if (line < 0 || !lines.fieldEquals(line, 1, Long.toString(attributes.size()))
						|| !lines.fieldEquals(line, 3, Long.toString(nanos(attributes)))) {
					return false;
				}
				seen[0]++;
			}
			else if (name.endsWith(".class")) {
				return false;
			}
			else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && !matchesDirectory(file, path, lines, seen)) {
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
					int line = index.lines.claim(relative);
					if (line < 0 || !index.lines.fieldEquals(line, 1, Long.toString(entry.getSize()))
							|| !index.lines.fieldEquals(line, 2, Long.toHexString(entry.getCrc()))) {
						return Optional.empty();
					}
					seen++;
				}
				else if (relative.endsWith(".class")) {
					return Optional.empty();
				}
			}
			return (seen == index.size()) ? Optional.of(index) : Optional.empty();
		}
	}

	// The index, or null when it is not in this format (written by another version: read the scripts instead).
	static ScriptIndex parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		int[] header = new int[5];
		int at = 0;
		for (int i = 0; i < header.length; i++) {
			header[i] = at;
			int end = text.indexOf('\n', at);
			if (end < 0) {
				if (i < 4) {
					return null;
				}
				at = text.length();
				break;
			}
			at = end + 1;
		}
		String format = line(text, header[0]);
		String digest = line(text, header[1]);
		String heads = line(text, header[2]);
		String scripts = line(text, header[3]);
		if (!FORMAT.equals(format) || !digest.startsWith("digest ") || !heads.startsWith("heads")
				|| !scripts.startsWith("scripts ")) {
			return null;
		}
		Lines lines = Lines.of(text, header[4], Integer.parseInt(scripts.substring("scripts ".length())));
		if (lines == null) {
			return null;
		}
		String headList = heads.substring("heads".length()).strip();
		return new ScriptIndex(digest.substring("digest ".length()),
				headList.isEmpty() ? List.of() : List.of(headList.split(" ")), lines);
	}

	private static String line(String text, int start) {
		int end = text.indexOf('\n', start);
		return text.substring(start, (end < 0) ? text.length() : end);
	}

	// Nanoseconds since the epoch, as the index records a file's modification time.
	private static long nanos(BasicFileAttributes attributes) {
		java.time.Instant time = attributes.lastModifiedTime().toInstant();
		return time.getEpochSecond() * 1_000_000_000L + time.getNano();
	}

	private static boolean isSql(String name) {
		return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
	}

	/**
	 * The index's file lines ({@code path TAB size TAB crc TAB modified}) kept as the index's text, with an
	 * open-addressing table from each path's hash to its line: finding a file's line creates no object, and a
	 * field is compared as text only when its file is seen, so checking 10,000 files costs one path string per line.
	 */
	private static final class Lines {

		private final String text;

		// Each file line's start in the text, in file order.
		private final int[] starts;

		// Open addressing on the path's String hash; a slot holds a line's start + 1, or 0 when empty.
		private final int[] slots;

		// The slots whose file has been seen by the check under way (an index is parsed for one check).
		private final BitSet claimed;

		private Lines(String text, int[] starts, int[] slots) {
			this.text = text;
			this.starts = starts;
			this.slots = slots;
			this.claimed = new BitSet(slots.length);
		}

		// The lines from 'from' to the end, or null when there are not exactly 'count' well-formed ones.
		static Lines of(String text, int from, int count) {
			// Every line holds at least a path, a tab and three digits: a larger count is not this format.
			if (count < 0 || count > (text.length() - from) / 4) {
				return null;
			}
			int[] starts = new int[count];
			int[] slots = new int[Integer.highestOneBit(Math.max(1, count) * 2) << 1];
			int mask = slots.length - 1;
			int at = from;
			int length = text.length();
			// indexOf, substring and hashCode rather than a loop over the characters: a boot runs this once, on a
			// cold JVM, where the JDK's string methods are already compiled and a loop here would be interpreted.
			for (int n = 0; n < count; n++) {
				if (at >= length) {
					return null;
				}
				int tab = text.indexOf('\t', at);
				int end = text.indexOf('\n', at);
				if (tab <= at || end >= 0 && end < tab || end < 0 && n < count - 1) {
					return null;
				}
				starts[n] = at;
				int slot = spread(text.substring(at, tab).hashCode()) & mask;
				while (slots[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				slots[slot] = at + 1;
				at = (end < 0) ? length : end + 1;
			}
			return (at >= length) ? new Lines(text, starts, slots) : null;
		}

		int size() {
			return this.starts.length;
		}

		// The start of the line of this path, or -1 when the index does not list it or a file of that path was
		// claimed before: a jar may hold two entries of one name, and each listed file must be seen exactly once.
		int claim(String path) {
			int mask = this.slots.length - 1;
			int length = path.length();
			for (int slot = spread(path.hashCode()) & mask;; slot = (slot + 1) & mask) {
				int start = this.slots[slot] - 1;
				if (start < 0) {
					return -1;
				}
				if (this.text.startsWith(path, start) && start + length < this.text.length()
						&& this.text.charAt(start + length) == '\t') {
					if (this.claimed.get(slot)) {
						return -1;
					}
					this.claimed.set(slot);
					return start;
				}
			}
		}

		// Whether field 'field' (1: size, 2: CRC-32, 3: modified) of the line at 'start' is exactly 'value', as the
		// index writes it (decimal, or lower-case hexadecimal without leading zeros for the CRC-32): compared as
		// text, which a cold JVM does in already compiled code, instead of parsing the field. A field written
		// otherwise does not match, and the caller then takes the index as unusable.
		boolean fieldEquals(int start, int field, String value) {
			int end = this.text.indexOf('\n', start);
			if (end < 0) {
				end = this.text.length();
			}
			int from = start;
			for (int i = 0; i < field; i++) {
				from = this.text.indexOf('\t', from) + 1;
				if (from == 0 || from > end) {
					return false;
				}
			}
			int to = from + value.length();
			if (to > end || !this.text.startsWith(value, from)) {
				return false;
			}
			return (field < 3) ? to < end && this.text.charAt(to) == '\t' : to == end;
		}

		private static int spread(int hash) {
			return hash ^ (hash >>> 16);
		}

	}

}
