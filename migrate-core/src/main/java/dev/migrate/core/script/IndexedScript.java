package dev.migrate.core.script;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.graph.Revision;

/**
 * What the {@link ScriptIndex} records of one {@code .sql} file besides its size, CRC-32 and time: its kind and,
 * for a revision, everything planning, validation, listeners and reports take from a script before it runs (its
 * header as a {@link Revision}, whether it runs in a transaction, allows placeholders and can be downgraded, its
 * checksum, and the engines whose upgrade section it has and that splits). The index writer parses every file as
 * loading does, so a file that does not parse leaves no index; a body read later is checked against these facts
 * ({@link IndexedScriptReader}).
 *
 * @param path the file's path below the location
 * @param kind what the file declares
 * @param revision the revision, with its source named as loading the location names it; {@code null} unless a
 * revision
 * @param transactional whether the revision runs inside a transaction
 * @param placeholders whether {@code ${name}} placeholders in the file are replaced
 * @param placeholderText whether the file's text holds {@code ${} at all (without it, replacing changes nothing)
 * @param reversible whether the file has a downgrade section
 * @param checksum the file's checksum, as {@link MigrationScript#checksum()}
 * @param upgradable the engines for which the file has an upgrade section that splits into statements
 */
public record IndexedScript(String path, Kind kind, Revision revision, boolean transactional, boolean placeholders,
		boolean placeholderText, boolean reversible, String checksum, Set<SqlSyntax> upgradable) {

	private static final String NONE = "-";

	/**
	 * Copies the engines.
	 */
	public IndexedScript {
		upgradable = upgradable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(upgradable));
	}

	/**
	 * What a {@code .sql} file declares.
	 */
	public enum Kind {

		/** A revision. */
		REVISION,

		/** A repeatable script. */
		REPEATABLE,

		/** A callback. */
		CALLBACK;

		String word() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The index line of a file: its path, its kind and, for a revision, its facts; fields separated by tabs, the
	 * message last and escaped.
	 * @param path the path below the location
	 * @param location the file, for messages
	 * @param bytes its content
	 * @return the line, without its line break
	 * @throws ScriptException for a file that does not parse
	 */
	static String line(String path, String location, byte[] bytes) {
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		if (CallbackEvent.forFileName(fileName).isPresent()) {
			return path + "\t" + Kind.CALLBACK.word();
		}
		ParsedSqlFile parsed = SqlScriptParser.parseFile(location, bytes);
		if (!(parsed instanceof SqlMigrationScript script)) {
			return path + "\t" + Kind.REPEATABLE.word();
		}
		Revision revision = script.revision();
		List<String> engines = new ArrayList<>();
		for (SqlSyntax syntax : SqlSyntax.values()) {
			if (splits(script, syntax)) {
				engines.add(syntax.engineName());
			}
		}
		return String.join("\t", path, Kind.REVISION.word(), revision.id(), words(revision.revises()),
				words(new TreeSet<>(revision.branchLabels())), words(revision.dependsOn()),
				(revision.createDate() != null) ? revision.createDate().toString() : NONE, flag(script.transactional()),
				flag(script.placeholders()), flag(SqlScriptParser.decode(location, bytes).contains("${")),
				flag(script.reversible()), script.checksum(), engines.isEmpty() ? NONE : String.join(",", engines),
				escape(revision.message()));
	}

	// Whether the upgrade runs on that engine: a section applies and splits (an unclosed string or comment, which
	// depends on the engine's rules, does not). An engine the file cannot run on is planned from the scripts.
	private static boolean splits(SqlMigrationScript script, SqlSyntax syntax) {
		if (!script.hasUpgrade(syntax)) {
			return false;
		}
		try {
			script.upgrade(syntax);
			return true;
		}
		catch (ScriptException ex) {
			return false;
		}
	}

	/**
	 * Whether a facts section is as the index writes it: {@code facts N}, then exactly N lines.
	 * @param facts the section's text, to the end of the index
	 * @param count how many files the index lists
	 * @return whether it is
	 */
	static boolean wellFormed(String facts, int count) {
		String header = "facts " + count + "\n";
		if (!facts.startsWith(header)) {
			return false;
		}
		int at = header.length();
		for (int n = 0; n < count; n++) {
			int end = facts.indexOf('\n', at);
			if (end <= at) {
				return false;
			}
			at = end + 1;
		}
		return at == facts.length();
	}

	/**
	 * Parses a facts section.
	 * @param facts the section, {@link #wellFormed well formed}
	 * @param locationPath the location's path as configured, which prefixes each revision's source
	 * @return the facts, sorted by path, or empty when a line is not as the index writes it
	 */
	static Optional<List<IndexedScript>> parseAll(String facts, String locationPath) {
		List<IndexedScript> scripts = new ArrayList<>();
		int at = facts.indexOf('\n') + 1;
		try {
			while (at < facts.length()) {
				int end = facts.indexOf('\n', at);
				scripts.add(parse(facts.substring(at, end), locationPath));
				at = end + 1;
			}
		}
		catch (RuntimeException ex) {
			// Not as written (or a header the graph refuses): the scripts are read as without an index.
			return Optional.empty();
		}
		return Optional.of(List.copyOf(scripts));
	}

	private static IndexedScript parse(String line, String locationPath) {
		String[] fields = line.split("\t", -1);
		String path = fields[0];
		if (fields.length == 2 && fields[1].equals(Kind.CALLBACK.word())) {
			return new IndexedScript(path, Kind.CALLBACK, null, false, false, false, false, null, Set.of());
		}
		if (fields.length == 2 && fields[1].equals(Kind.REPEATABLE.word())) {
			return new IndexedScript(path, Kind.REPEATABLE, null, false, false, false, false, null, Set.of());
		}
		if (fields.length != 14 || !fields[1].equals(Kind.REVISION.word()) || fields[11].length() != 64) {
			throw new IllegalArgumentException("not a facts line: " + line);
		}
		Set<SqlSyntax> engines = EnumSet.noneOf(SqlSyntax.class);
		if (!fields[12].equals(NONE)) {
			for (String engine : fields[12].split(",")) {
				engines.add(java.util.Objects.requireNonNull(SqlSyntax.forEngineName(engine), engine));
			}
		}
		Revision revision = new Revision(fields[2], list(fields[3]), Set.copyOf(list(fields[4])), list(fields[5]),
				unescape(fields[13]), fields[6].equals(NONE) ? null : LocalDateTime.parse(fields[6]),
				join(locationPath, path));
		return new IndexedScript(path, Kind.REVISION, revision, flag(fields[7]), flag(fields[8]), flag(fields[9]),
				flag(fields[10]), fields[11], engines);
	}

	/**
	 * Whether a script read now is the one these facts describe: the same checksum (the same normalized text, so
	 * the same header and sections), the same revision and flags.
	 * @param script the script as parsed from its file now
	 * @return whether it is
	 */
	boolean describes(SqlMigrationScript script) {
		return this.kind == Kind.REVISION && this.checksum.equals(script.checksum())
				&& this.revision.equals(script.revision()) && this.transactional == script.transactional()
				&& this.placeholders == script.placeholders() && this.reversible == script.reversible();
	}

	private static String words(java.util.Collection<String> values) {
		return values.isEmpty() ? NONE : String.join(" ", values);
	}

	private static List<String> list(String field) {
		return field.equals(NONE) ? List.of() : List.of(field.split(" "));
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
	}

	private static boolean flag(String field) {
		if (field.equals("1")) {
			return true;
		}
		if (field.equals("0")) {
			return false;
		}
		throw new IllegalArgumentException("not a flag: " + field);
	}

	// A message is one line, but may hold tabs and backslashes.
	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				out.append(c);
				continue;
			}
			char next = text.charAt(++i);
			out.append(switch (next) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> next;
			});
		}
		return out.toString();
	}

	private static String join(String root, String relative) {
		return root.isEmpty() ? relative : (root.endsWith("/") ? root + relative : root + "/" + relative);
	}

}
