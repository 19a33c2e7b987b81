package dev.migrate.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads the scripts an index lists from the location the index was found in, one at a time and in the order they
 * are asked for, and checks each against the index's facts: an upgrade planned from the index reads a script's
 * body just before its turn. A file that no longer parses, or parses into other facts (edited while its size and
 * time, or size and CRC-32, stayed as indexed), is an error naming the file and the fix. Not thread-safe; close it
 * when done (a jar stays open until then).
 */
public final class IndexedScriptReader implements AutoCloseable {

	private final Path directory;

	private final JarFile jar;

	private final String prefix;

	private IndexedScriptReader(Path directory, JarFile jar, String prefix) {
		this.directory = directory;
		this.jar = jar;
		this.prefix = prefix;
	}

	static IndexedScriptReader of(Path directory) {
		return new IndexedScriptReader(directory, null, null);
	}

	static IndexedScriptReader of(URL jarRoot) throws IOException {
		URLConnection connection = jarRoot.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new IOException("not a jar location: " + jarRoot);
		}
		jarConnection.setUseCaches(false);
		String prefix = jarConnection.getEntryName();
		prefix = (prefix == null || prefix.isEmpty()) ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
		return new IndexedScriptReader(null, jarConnection.getJarFile(), prefix);
	}

	/**
	 * Reads and parses a revision's script, and checks it is the one the index describes.
	 * @param indexed the script's facts
	 * @return the script
	 * @throws ScriptException when it cannot be read, does not parse, or is not as indexed: the index no longer
	 * describes its files, and the message says to write it again
	 */
	public SqlMigrationScript read(IndexedScript indexed) {
		String location = indexed.revision().source();
		byte[] bytes;
		try {
			bytes = bytes(indexed.path());
		}
		catch (IOException ex) {
			throw new ScriptException(location, 0, "cannot read the script the index lists: " + ex
					+ "; restore it, or write the index again (" + ScriptIndex.FILE_NAME + ")", ex);
		}
		ParsedSqlFile parsed;
		try {
			parsed = SqlScriptParser.parseFile(location, bytes);
		}
		catch (ScriptException ex) {
			throw new ScriptException(location, 0, "the file changed after " + ScriptIndex.FILE_NAME
					+ " was written (its size and time, or CRC-32, still match the index) and no longer parses: "
					+ ex.getMessage() + "; fix it and write the index again", ex);
		}
		if (!(parsed instanceof SqlMigrationScript script) || !indexed.describes(script)) {
			String now = (parsed instanceof SqlMigrationScript script) ? "checksum " + abbreviate(script.checksum())
					: "a repeatable script";
			throw new ScriptException(location, 0, "the file changed after " + ScriptIndex.FILE_NAME + " was written"
					+ " (its size and time, or CRC-32, still match the index): the index says revision '"
					+ indexed.revision().id() + "' with checksum " + abbreviate(indexed.checksum())
					+ ", the file now holds " + now + "; write the index again (the build's migrate:index goal, or"
					+ " 'migrate index'), then run the upgrade again");
		}
		return script;
	}

	private byte[] bytes(String path) throws IOException {
		if (this.directory != null) {
			return Files.readAllBytes(this.directory.resolve(path));
		}
		JarEntry entry = this.jar.getJarEntry(this.prefix + path);
		if (entry == null) {
			throw new IOException("no entry " + this.prefix + path);
		}
		try (InputStream in = this.jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	private static String abbreviate(String checksum) {
		return (checksum.length() > 12) ? checksum.substring(0, 12) : checksum;
	}

	@Override
	public void close() throws IOException {
		if (this.jar != null) {
			this.jar.close();
		}
	}

}
