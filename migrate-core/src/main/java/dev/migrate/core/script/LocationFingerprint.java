package dev.migrate.core.script;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * What the configured locations hold, without reading a script: every file's path, size and modification time
 * (for a classpath location in a jar, the jar's). Two equal fingerprints taken at different times mean the
 * scripts need not be read again; a file added, removed, replaced or written changes it. Reading the metadata of
 * a thousand files costs a fraction of reading and checksumming them.
 */
public final class LocationFingerprint {

	private final List<String> entries;

	private LocationFingerprint(List<String> entries) {
		this.entries = entries;
	}

	/**
	 * Takes the fingerprint of the locations. A location that cannot be listed gets an entry that never equals
	 * a later one, so that loading the scripts reports the problem.
	 * @param locations the locations, as {@link ScriptDirectory#load} takes them
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the fingerprint
	 */
	public static LocationFingerprint of(List<String> locations, ClassLoader classLoader) {
		List<String> entries = new ArrayList<>();
		for (String text : locations) {
			entries.add("@" + text);
			try {
				ScriptLocation location = ScriptLocation.parse(text);
				if (location.classpath()) {
					Enumeration<URL> urls = classLoader.getResources(location.path());
					while (urls.hasMoreElements()) {
						addRoot(entries, urls.nextElement());
					}
				}
				else {
					addTree(entries, new File(location.path()));
				}
			}
			catch (IOException | RuntimeException ex) {
				entries.add("!" + System.nanoTime() + " " + ex);
			}
		}
		return new LocationFingerprint(List.copyOf(entries));
	}

	private static void addRoot(List<String> entries, URL url) throws IOException {
		entries.add(url.toString());
		if ("file".equals(url.getProtocol())) {
			try {
				addTree(entries, Path.of(url.toURI()).toFile());
			}
			catch (URISyntaxException ex) {
				throw new IOException(ex);
			}
		}
		else if ("jar".equals(url.getProtocol())) {
			// A jar is read whole; its own size and time stand for every entry. Opening the connection does not
			// read the entries.
			URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
			if ("file".equals(jar.getProtocol())) {
				try {
					addFile(entries, Path.of(jar.toURI()));
				}
				catch (URISyntaxException ex) {
					throw new IOException(ex);
				}
			}
		}
	}

	private static void addTree(List<String> entries, File directory) throws IOException {
		if (!directory.exists()) {
			entries.add("-" + directory);
			return;
		}
		addFile(entries, directory.toPath());
		String[] names = directory.list();
		if (names == null) {
			return;
		}
		Arrays.sort(names);
		for (String name : names) {
			Path path = new File(directory, name).toPath();
			// One lstat per entry tells a directory (not a link to one: that is listed as a file) from a file,
			// and is the file's own attributes unless it is a link.
			BasicFileAttributes own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			if (own.isDirectory()) {
				addTree(entries, path.toFile());
			}
			else {
				addFile(entries, path, own);
			}
		}
	}

	private static void addFile(List<String> entries, Path path) throws IOException {
		addFile(entries, path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
	}

	// The followed attributes, and the link's own time when the path is a link (retargeting it changes that).
	private static void addFile(List<String> entries, Path path, BasicFileAttributes own) throws IOException {
		BasicFileAttributes attributes = own.isSymbolicLink() ? Files.readAttributes(path, BasicFileAttributes.class)
				: own;
		entries.add(path + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis() + "."
				+ attributes.lastModifiedTime().toInstant().getNano() + " " + attributes.fileKey() + " "
				+ own.lastModifiedTime());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LocationFingerprint fingerprint && fingerprint.entries.equals(this.entries);
	}

	@Override
	public int hashCode() {
		return this.entries.hashCode();
	}

	@Override
	public String toString() {
		return this.entries.size() + " entries";
	}

}
