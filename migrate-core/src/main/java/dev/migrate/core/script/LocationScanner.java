package dev.migrate.core.script;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists what a location holds: {@code .sql} files (with their bytes) and, for classpath locations, the
 * classes of the package it names. Classpath locations are found in directories and in jars through any
 * {@link JarURLConnection}, which covers plain jars and Spring Boot's nested {@code jar:nested:} URLs.
 *
 * <p>A classpath location is found through {@link ClassLoader#getResources(String)}, so a jar must hold the
 * location's directory entry ({@code db/migrations/}); Maven, Gradle and Spring Boot's repackaging write them.
 *
 * <p>The ignore rule: a file or folder under a location whose name starts with {@code _} is skipped, with
 * everything below it. Files that end neither in {@code .sql} nor in {@code .class} are skipped too.
 */
final class LocationScanner {

	private final ClassLoader classLoader;

	LocationScanner(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * What a location holds.
	 *
	 * @param exists whether the location was found at all
	 * @param sqlFiles the {@code .sql} files, sorted by location
	 * @param classNames the classes below a classpath location's package (directories and jars), sorted
	 */
	record Contents(boolean exists, List<SqlFile> sqlFiles, List<String> classNames) {
	}

	/**
	 * A {@code .sql} file.
	 *
	 * @param location its path for messages: the configured path plus the path below it
	 * @param bytes its content
	 */
	record SqlFile(String location, byte[] bytes) {
	}

	/** The largest script read, in bytes: 128 MiB. A larger one would cost several times its size in heap. */
	static final int MAX_SCRIPT_BYTES = 128 << 20;

	Contents scan(ScriptLocation location) {
		return location.classpath() ? scanClasspath(location) : scanFileSystem(location);
	}

	private Contents scanFileSystem(ScriptLocation location) {
		Path root = Path.of(location.path());
		if (!Files.exists(root)) {
			return new Contents(false, List.of(), List.of());
		}
		requireDirectory(root, location);
		List<SqlFile> files = new ArrayList<>();
		walk(root, location.path(), files, new ArrayList<>(), null);
		return new Contents(true, sorted(files), List.of());
	}

	private Contents scanClasspath(ScriptLocation location) {
		Set<URL> roots = new LinkedHashSet<>();
		try {
			Enumeration<URL> urls = this.classLoader.getResources(location.path());
			while (urls.hasMoreElements()) {
				roots.add(urls.nextElement());
			}
		}
		catch (IOException ex) {
			throw new ScriptException(location.text(), 0, "cannot list the classpath location: " + ex.getMessage(),
					ex);
		}
		if (roots.isEmpty()) {
			return new Contents(false, List.of(), List.of());
		}
		List<SqlFile> files = new ArrayList<>();
		Set<String> classNames = new LinkedHashSet<>();
		String packagePrefix = location.path().isEmpty() ? "" : location.packageName() + ".";
		for (URL url : roots) {
			List<String> classes = new ArrayList<>();
			if ("file".equals(url.getProtocol())) {
				Path root = toPath(url, location);
				requireDirectory(root, location);
				walk(root, location.path(), files, classes, packagePrefix);
			}
			else {
				scanJar(url, location, files, classes, packagePrefix);
			}
			classNames.addAll(classes);
		}
		return new Contents(true, sorted(files), classNames.stream().sorted().toList());
	}

	private static void requireDirectory(Path root, ScriptLocation location) {
		if (!Files.isDirectory(root)) {
			throw new ScriptException(location.path(), 0, "location '" + location.text()
					+ "' is a file, not a directory; name the directory that holds the scripts");
		}
	}

	private void walk(Path root, String displayRoot, List<SqlFile> files, List<String> classes,
			String packagePrefix) {
		try {
			visit(root.toFile(), "", displayRoot, files, classes, packagePrefix);
		}
		catch (IOException ex) {
			throw new ScriptException(displayRoot, 0, "cannot read the location: " + ex, ex);
		}
	}

	// java.io rather than Files.walk: one listing call per directory and no stat per script, about half the time
	// for a thousand scripts on a cold JVM. Symbolic links to directories are not followed, as with Files.walk.
	private void visit(File directory, String relativeDirectory, String displayRoot, List<SqlFile> files,
			List<String> classes, String packagePrefix) throws IOException {
		String[] names = directory.list();
		if (names == null) {
			throw new IOException("cannot list " + directory);
		}
		for (String name : names) {
			if (name.startsWith("_")) {
				continue;
			}
			String relative = relativeDirectory.isEmpty() ? name : relativeDirectory + "/" + name;
			File file = new File(directory, name);
			if (isSql(name)) {
				byte[] bytes = read(file, join(displayRoot, relative));
				if (bytes != null) {
					files.add(new SqlFile(join(displayRoot, relative), bytes));
					continue;
				}
			}
			else if (packagePrefix != null && isClass(relative)) {
				classes.add(className(packagePrefix, relative));
				continue;
			}
			if (file.isDirectory() && !Files.isSymbolicLink(file.toPath())) {
				visit(file, relative, displayRoot, files, classes, packagePrefix);
			}
		}
	}

	// The file's bytes, or null when it is a directory. One stat (following links) decides: a FIFO would block the
	// read forever and a link to /dev/zero or a huge file would exhaust the heap, so only regular files of at most
	// MAX_SCRIPT_BYTES are read.
	private static byte[] read(File file, String location) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file.toPath(), BasicFileAttributes.class);
		if (attributes.isDirectory()) {
			return null;
		}
		if (!attributes.isRegularFile()) {
			throw new ScriptException(location, 0, "not a regular file (a device, pipe or socket, or a link to"
					+ " one); scripts must be regular files: remove it or rename it with a leading '_'");
		}
		requireSize(location, attributes.size());
		try (InputStream in = new FileInputStream(file)) {
			return readBounded(in, location);
		}
	}

	private static byte[] readBounded(InputStream in, String location) throws IOException {
		byte[] bytes = in.readNBytes(MAX_SCRIPT_BYTES + 1);
		requireSize(location, bytes.length);
		return bytes;
	}

	private static void requireSize(String location, long size) {
		if (size > MAX_SCRIPT_BYTES) {
			throw new ScriptException(location, 0, "the file has " + size + " bytes, more than the limit of "
					+ MAX_SCRIPT_BYTES + " (" + (MAX_SCRIPT_BYTES >> 20) + " MiB) for one script; split it into"
					+ " several revisions");
		}
	}

	private void scanJar(URL url, ScriptLocation location, List<SqlFile> files, List<String> classes,
			String packagePrefix) {
		try {
			URLConnection connection = url.openConnection();
			if (!(connection instanceof JarURLConnection jarConnection)) {
				throw new ScriptException(location.text(), 0, "cannot list classpath location " + url + ": its URL"
						+ " protocol '" + url.getProtocol() + "' is neither a directory nor a jar; use a"
						+ " 'filesystem:' location instead");
			}
			jarConnection.setUseCaches(false);
			String prefix = jarConnection.getEntryName();
			prefix = (prefix == null || prefix.isEmpty()) ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
			try (JarFile jar = jarConnection.getJarFile()) {
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String name = entry.getName();
					if (entry.isDirectory() || !name.startsWith(prefix)) {
						continue;
					}
					String relative = name.substring(prefix.length());
					if (relative.isEmpty() || ignored(relative)) {
						continue;
					}
					if (isSql(relative)) {
						String display = join(location.path(), relative);
						requireSize(display, entry.getSize());
						try (InputStream in = jar.getInputStream(entry)) {
							files.add(new SqlFile(display, readBounded(in, display)));
						}
					}
					else if (isClass(relative)) {
						classes.add(className(packagePrefix, relative));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new ScriptException(location.text(), 0, "cannot read classpath location " + url + ": " + ex, ex);
		}
	}

	private static Path toPath(URL url, ScriptLocation location) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new ScriptException(location.text(), 0, "cannot read classpath location " + url + ": " + ex, ex);
		}
	}

	static boolean ignored(String relativePath) {
		// A segment starts with '_' when the path does or a '/' is followed by one: no split per path, which the
		// index check pays for every entry of a jar.
		return relativePath.startsWith("_") || relativePath.contains("/_");
	}

	// '.SQL' too: a file that looks like a script to its author is read, not skipped without a word.
	private static boolean isSql(String name) {
		return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
	}

	private static boolean isClass(String relative) {
		return relative.endsWith(".class") && !relative.endsWith("package-info.class")
				&& !relative.endsWith("module-info.class");
	}

	private static String className(String packagePrefix, String relative) {
		return packagePrefix + relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
	}

	private static String join(String root, String relative) {
		return root.isEmpty() ? relative : (root.endsWith("/") ? root + relative : root + "/" + relative);
	}

	private static List<SqlFile> sorted(List<SqlFile> files) {
		return files.stream().sorted(java.util.Comparator.comparing(SqlFile::location)).toList();
	}

}
