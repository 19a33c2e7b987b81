package dev.migrate.core.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;

/**
 * Reads the SQL migration file format.
 *
 * <pre>
 * -- Add account table                       the message: the first header line
 * --
 * -- Revision ID: 3f2a9c1b7e40               required
 * -- Revises: 1975ea83b712                   empty for a base, a comma list for a merge
 * -- Create Date: 2026-11-24 10:00:00        optional
 * -- Branch Labels: billing                  optional, comma list
 * -- Depends On: 55af2cb1c267                optional, comma list
 * -- Transactional: false                    optional, default true
 * -- Placeholders: false                     optional, default true: replace ${name} placeholders
 *
 * -- migrate:upgrade                         required (or one per engine)
 * ...
 * -- migrate:downgrade                       optional: without one the revision is irreversible
 * </pre>
 *
 * A repeatable script ({@link RepeatableScript}) names itself with {@code -- Repeatable: <name>} instead of a
 * {@code Revision ID}; it may have {@code Depends On} and {@code Transactional}, and one upgrade section (or one
 * per engine), but no {@code Revises}, {@code Branch Labels} or downgrade section.
 *
 * The header is the block of {@code --} lines at the top of the file (blank lines before it are allowed, none
 * inside it). Its first line is the message unless it already is a {@code Key: value} line; later lines are
 * {@code Key: value} lines (keys are matched ignoring case), empty {@code --} lines, or free text that does not
 * look like {@code Key: value}. Between the header and the first section only blank lines and {@code --}
 * comments may appear. Sections run to the next section line; {@code -- migrate:upgrade postgresql} (or
 * {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver}, {@code h2}) overrides the unqualified
 * section for that engine.
 *
 * <p>Over 400 lines because the header, the section markers and their error messages are one grammar, read in one pass.
 */
final class SqlScriptParser {

	static final List<String> KEYS = List.of("Revision ID", "Revises", "Create Date", "Branch Labels", "Depends On",
			"Transactional", "Placeholders", "Repeatable");

	private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z ]{0,30}?)\\s*:(.*)");

	private static final Pattern DIRECTIVE = Pattern.compile("--\\s*migrate:(\\S*)\\s*(.*)");

	/**
	 * A comment that a reader takes for a section marker: {@code migrate} in any case, then a colon, or a word
	 * starting with {@code up}/{@code down}, with any spacing. Such a line is either an exact directive or an
	 * error, never a comment: read as a comment, a misspelt downgrade marker would run its SQL as part of the
	 * upgrade.
	 */
	private static final Pattern DIRECTIVE_LIKE = Pattern
		.compile("--\\s*migrate(?:\\s*:\\s*(\\S*)|\\s+((?:up|down)\\S*))\\s*(.*)", Pattern.CASE_INSENSITIVE);

	/**
	 * A header line that is meant as a key but is not {@code Key: value}: the key with other separators
	 * ({@code Depends_On:}, {@code Revision-ID:}) or without the colon ({@code Revises abc},
	 * {@code Transactional = false}). Without {@code :} or {@code =} the value must be one token or a comma list,
	 * so prose stays prose.
	 */
	private static final Pattern KEY_LIKE = Pattern
		.compile("([A-Za-z][A-Za-z _-]{0,30}?)(?:\\s*[:=].*|\\s+[A-Za-z0-9_]+(?:\\s*,\\s*[A-Za-z0-9_]+)*|)");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1," + Revision.MAX_ID_LENGTH + "}");

	private static final Pattern REPEATABLE_NAME = Pattern
		.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0," + (RepeatableScript.MAX_NAME_LENGTH - 1) + "}");

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]+");

	private static final DateTimeFormatter CREATE_DATE = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.appendPattern("HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private final String location;

	private final String[] lines;

	private final List<LintComment> lintComments = new ArrayList<>();

	private SqlScriptParser(String location, String content) {
		this.location = location;
		this.lines = content.split("\n", -1);
	}

	/**
	 * Parses a file's bytes.
	 * @param location the file's path, for messages and {@link Revision#source()}
	 * @param bytes the file's content
	 * @return the script
	 * @throws ScriptException naming the file and line of the first problem, and the fix
	 */
	static SqlMigrationScript parse(String location, byte[] bytes) {
		ParsedSqlFile parsed = parseFile(location, bytes);
		if (parsed instanceof RepeatableScript repeatable) {
			throw new ScriptException(location, repeatable.nameLine(), "expected a revision, found the repeatable"
					+ " script '" + repeatable.name() + "'; give the file a '-- Revision ID: <id>' header instead");
		}
		return (SqlMigrationScript) parsed;
	}

	/**
	 * Parses a file's bytes into a revision or, when its header has {@code Repeatable:}, a repeatable script.
	 * @param location the file's path, for messages
	 * @param bytes the file's content
	 * @return the script
	 * @throws ScriptException naming the file and line of the first problem, and the fix
	 */
	static ParsedSqlFile parseFile(String location, byte[] bytes) {
		String content = decode(location, bytes);
		return new SqlScriptParser(location, content).parse(Checksum.of(content));
	}

	/**
	 * Decodes UTF-8 strictly and normalizes: drops a leading byte order mark and turns {@code \r\n} and lone
	 * {@code \r} into {@code \n}.
	 */
	static String decode(String location, byte[] bytes) {
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
				|| (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
			throw new ScriptException(location, 0, "the file is UTF-16 (it starts with a UTF-16 byte order mark);"
					+ " save it as UTF-8");
		}
		if (isAscii(bytes)) {
			return normalize(new String(bytes, StandardCharsets.US_ASCII));
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		var result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new ScriptException(location, line, "the file is not valid UTF-8 (byte " + (in.position() + 1)
					+ " cannot be decoded); save it as UTF-8");
		}
		try {
			decoder.flush(out);
		}
		catch (RuntimeException ex) {
			throw new ScriptException(location, 0, "the file is not valid UTF-8; save it as UTF-8", ex);
		}
		out.flip();
		return normalize(out.toString());
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	// Drops a byte order mark and turns CRLF and CR into LF, so the checksum does not depend on the platform.
	private static String normalize(String decoded) {
		String text = decoded;
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		if (text.indexOf('\r') >= 0) {
			text = text.replace("\r\n", "\n").replace('\r', '\n');
		}
		return text;
	}

	private ParsedSqlFile parse(String checksum) {
		int i = 0;
		while (i < this.lines.length && this.lines[i].isBlank()) {
			i++;
		}
		if (i == this.lines.length) {
			throw error(1, "the file is empty; a migration starts with its header ('-- <message>', then"
					+ " '-- Revision ID: <id>'). Name files that are not migrations with a leading '_'");
		}
		if (!isComment(this.lines[i])) {
			throw error(i + 1, "expected the header before any SQL ('-- <message>', then '-- Revision ID: <id>'),"
					+ " found '" + abbreviate(this.lines[i].trim()) + "'. Name files that are not migrations with a"
					+ " leading '_'");
		}
		int headerLine = i + 1;
		String message = "";
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Integer> keyLines = new LinkedHashMap<>();
		boolean first = true;
		for (; i < this.lines.length && isComment(this.lines[i]) && !isDirectiveLike(this.lines[i]); i++) {
			String text = commentText(this.lines[i]);
			Matcher key = KEY_LINE.matcher(text);
			boolean keyLine = key.matches();
			if (first) {
				first = false;
				if (!keyLine || canonicalKey(key.group(1)) == null) {
					rejectMisspeltKey(i, text);
					message = text;
					continue;
				}
			}
			if (!keyLine) {
				rejectMisspeltKey(i, text);
				continue;
			}
			String name = canonicalKey(key.group(1));
			if (name == null) {
				rejectMisspeltKey(i, text);
				throw error(i + 1, "unknown header key '" + key.group(1).trim() + "'; expected one of "
						+ String.join(", ", KEYS));
			}
			if (keyLines.containsKey(name)) {
				throw error(i + 1, "duplicate header key '" + name + "' (first on line " + keyLines.get(name)
						+ "); keep one");
			}
			keyLines.put(name, i + 1);
			values.put(name, key.group(2).trim());
		}
		int headerEnd = i;
		// Sections first: a key stranded below a blank line is the real cause of a missing 'Revision ID'.
		Map<String, SqlMigrationScript.Section> upgrades = new LinkedHashMap<>();
		Map<String, SqlMigrationScript.Section> downgrades = new LinkedHashMap<>();
		parseSections(headerEnd, upgrades, downgrades);
		if (values.containsKey("Repeatable")) {
			return repeatable(message, values, keyLines, headerEnd, upgrades, downgrades, checksum);
		}
		if (!values.containsKey("Revision ID")) {
			throw error(headerLine, "the header has no 'Revision ID'; add '-- Revision ID: <id>' to the comment block"
					+ " at the top of the file (the header ends at the first line that is not a '--' comment)");
		}
		if (upgrades.isEmpty()) {
			throw error(headerEnd + 1, "no '-- migrate:upgrade' section; add one after the header");
		}
		Revision revision = revision(message, values, keyLines);
		boolean transactional = flag("Transactional", values, keyLines);
		boolean placeholders = flag("Placeholders", values, keyLines);
		return new SqlMigrationScript(revision, transactional, placeholders, checksum, upgrades, downgrades,
				this.lintComments);
	}

	private RepeatableScript repeatable(String message, Map<String, String> values, Map<String, Integer> keyLines,
			int headerEnd, Map<String, SqlMigrationScript.Section> upgrades,
			Map<String, SqlMigrationScript.Section> downgrades, String checksum) {
		int nameLine = keyLines.get("Repeatable");
		for (String key : List.of("Revision ID", "Revises", "Branch Labels")) {
			if (keyLines.containsKey(key)) {
				throw error(keyLines.get(key), "a repeatable script has no '" + key + "': it is named by its"
						+ " 'Repeatable' header (line " + nameLine + ") and re-applied whenever it changes; remove the"
						+ " '" + key + "' line, or the 'Repeatable' line to make the file a revision");
			}
		}
		String name = values.get("Repeatable");
		if (!REPEATABLE_NAME.matcher(name).matches()) {
			throw error(nameLine, "repeatable name '" + abbreviate(name) + "' is not valid; use 1 to "
					+ RepeatableScript.MAX_NAME_LENGTH + " letters, digits, underscores, dots or hyphens");
		}
		if (!downgrades.isEmpty()) {
			int line = downgrades.values().stream().mapToInt(SqlMigrationScript.Section::firstLine).min().getAsInt()
					- 1;
			throw error(line, "a repeatable script has no downgrade section: a downgrade never undoes a repeatable"
					+ " script; remove the section, and drop the object in the downgrade of the revision it depends"
					+ " on");
		}
		if (upgrades.isEmpty()) {
			throw error(headerEnd + 1, "no '-- migrate:upgrade' section; add one after the header with the"
					+ " statements that (re)create the object, such as 'CREATE OR REPLACE VIEW'");
		}
		List<String> dependsOn = ids(values, keyLines, "Depends On");
		int dependsOnLine = keyLines.getOrDefault("Depends On", 0);
		return new RepeatableScript(name, nameLine, message, dependsOn, dependsOnLine,
				flag("Transactional", values, keyLines), flag("Placeholders", values, keyLines), checksum,
				this.location, upgrades, this.lintComments);
	}

	private void parseSections(int from, Map<String, SqlMigrationScript.Section> upgrades,
			Map<String, SqlMigrationScript.Section> downgrades) {
		Map<String, Integer> sectionLines = new LinkedHashMap<>();
		Map<String, SqlMigrationScript.Section> current = null;
		String currentEngine = null;
		int sectionStart = -1;
		for (int i = from; i <= this.lines.length; i++) {
			boolean end = i == this.lines.length;
			String line = end ? null : this.lines[i];
			if (!end) {
				rejectNearMissDirective(i, line);
			}
			boolean directive = !end && isDirective(line);
			if (directive && isLintComment(line.trim())) {
				// A comment for the linter, not a section boundary: it stays in the section's text.
				Matcher matcher = DIRECTIVE.matcher(line.trim());
				matcher.matches();
				this.lintComments.add(new LintComment(i + 1, matcher.group(2).trim(), current == null));
				continue;
			}
			if ((end || directive) && current != null) {
				current.put(currentEngine, section(sectionStart, i));
			}
			if (end) {
				break;
			}
			if (directive) {
				Matcher matcher = DIRECTIVE.matcher(line.trim());
				matcher.matches();
				String direction = matcher.group(1);
				String rest = matcher.group(2).trim();
				Direction way = sectionDirection(direction);
				if (way == null) {
					throw unknownDirective(i, line.trim());
				}
				String engine = rest;
				if (!engine.isEmpty() && (engine.contains(" ") || engine.contains("\t")
						|| SqlSyntax.forEngineName(engine) == null || !engine.equals(engine.toLowerCase(Locale.ROOT)))) {
					throw error(i + 1, "unknown engine '" + engine + "' in '-- migrate:" + direction + " " + engine
							+ "'; expected one of " + SqlSyntax.engineNames());
				}
				String name = "-- migrate:" + direction + (engine.isEmpty() ? "" : " " + engine);
				Integer previous = sectionLines.putIfAbsent(name, i + 1);
				if (previous != null) {
					throw error(i + 1, "a second '" + name + "' section (the first is on line " + previous
							+ "); merge them into one");
				}
				current = switch (way) {
					case UPGRADE -> upgrades;
					case DOWNGRADE -> downgrades;
				};
				currentEngine = engine;
				sectionStart = i + 1;
			}
			else if (current == null && !line.isBlank()) {
				if (!isComment(line)) {
					throw error(i + 1, "SQL before the first section, found '" + abbreviate(line.trim())
							+ "'; put it under '-- migrate:upgrade'");
				}
				Matcher key = KEY_LINE.matcher(commentText(line));
				String name = key.matches() ? canonicalKey(key.group(1)) : null;
				if (name == null) {
					name = misspeltKey(commentText(line));
				}
				if (name != null) {
					throw error(i + 1, "header key '" + name + "' is outside the header, which ended at line " + i
							+ "; remove the blank or non-comment line above it");
				}
			}
		}
	}

	private SqlMigrationScript.Section section(int startIndex, int endIndex) {
		StringBuilder text = new StringBuilder();
		for (int i = startIndex; i < endIndex; i++) {
			text.append(this.lines[i]);
			if (i < endIndex - 1) {
				text.append('\n');
			}
		}
		return new SqlMigrationScript.Section(text.toString(), startIndex + 1);
	}

	private Revision revision(String message, Map<String, String> values, Map<String, Integer> keyLines) {
		String id = values.get("Revision ID");
		int idLine = keyLines.get("Revision ID");
		if (!ID.matcher(id).matches()) {
			throw error(idLine, "revision id '" + id + "' is not valid; use 1 to " + Revision.MAX_ID_LENGTH
					+ " letters, digits or underscores (no '@', '-', '+', ':' or spaces)");
		}
		if (RevisionGraph.TARGET_KEYWORDS.contains(id)) {
			throw error(idLine, "revision id '" + id + "' is a target keyword ("
					+ String.join(", ", RevisionGraph.TARGET_KEYWORDS) + "), which no target could name; choose"
					+ " another id");
		}
		List<String> revises = ids(values, keyLines, "Revises");
		List<String> dependsOn = ids(values, keyLines, "Depends On");
		List<String> labels = list(values.get("Branch Labels"));
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw error(keyLines.get("Branch Labels"), "branch label '" + label
						+ "' is not valid; use letters, digits or underscores");
			}
		}
		if (revises.contains(id)) {
			throw error(keyLines.get("Revises"), "revision '" + id + "' revises itself; fix its 'Revises:' header");
		}
		if (dependsOn.contains(id)) {
			throw error(keyLines.get("Depends On"), "revision '" + id
					+ "' depends on itself; fix its 'Depends On:' header");
		}
		LocalDateTime createDate = createDate(values, keyLines);
		try {
			return new Revision(id, revises, new LinkedHashSet<>(labels), dependsOn, message, createDate,
					this.location);
		}
		catch (IllegalArgumentException ex) {
			throw new ScriptException(this.location, idLine, ex.getMessage(), ex);
		}
	}

	private List<String> ids(Map<String, String> values, Map<String, Integer> keyLines, String key) {
		List<String> ids = list(values.get(key));
		for (String id : ids) {
			if (!ID.matcher(id).matches()) {
				throw error(keyLines.get(key), "'" + key + "' names '" + id + "', which is not a revision id; list"
						+ " ids separated by commas");
			}
		}
		if (ids.size() != new LinkedHashSet<>(ids).size()) {
			throw error(keyLines.get(key), "'" + key + "' lists a revision twice; list each once");
		}
		return ids;
	}

	private LocalDateTime createDate(Map<String, String> values, Map<String, Integer> keyLines) {
		String value = values.get("Create Date");
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			LocalDateTime common = parseCommonDate(value);
			return (common != null) ? common : LocalDateTime.parse(value, CREATE_DATE);
		}
		catch (DateTimeException ex) {
			throw error(keyLines.get("Create Date"), "'Create Date' is '" + value
					+ "', which is not a date; use yyyy-MM-dd HH:mm:ss");
		}
	}

	/**
	 * Parses {@code yyyy-MM-dd HH:mm:ss[.fraction]} (what {@code migrate revision} writes) by hand: the general
	 * formatter costs more than the rest of the header together when a thousand scripts load in a cold JVM.
	 * @return the date, or {@code null} when the text has another shape (the formatter decides then)
	 */
	private static LocalDateTime parseCommonDate(String value) {
		int length = value.length();
		if (length < 19 || length == 20 || length > 29 || value.charAt(4) != '-' || value.charAt(7) != '-'
				|| (value.charAt(10) != ' ' && value.charAt(10) != 'T') || value.charAt(13) != ':'
				|| value.charAt(16) != ':' || (length > 19 && value.charAt(19) != '.')) {
			return null;
		}
		int nanos = 0;
		for (int i = 20; i < 29; i++) {
			int digit = (i < length) ? digit(value, i) : 0;
			if (digit < 0) {
				return null;
			}
			nanos = nanos * 10 + digit;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 7);
		int day = number(value, 8, 10);
		int hour = number(value, 11, 13);
		int minute = number(value, 14, 16);
		int second = number(value, 17, 19);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int number(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = digit(text, i);
			if (digit < 0) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static int digit(String text, int index) {
		char c = text.charAt(index);
		return (c >= '0' && c <= '9') ? c - '0' : -1;
	}

	private boolean flag(String key, Map<String, String> values, Map<String, Integer> keyLines) {
		String value = values.get(key);
		if (value == null || value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw error(keyLines.get(key), "'" + key + "' is '" + value + "'; use 'true' or 'false'");
	}

	private static List<String> list(String value) {
		List<String> items = new ArrayList<>();
		if (value != null) {
			for (String item : value.split(",")) {
				if (!item.isBlank()) {
					items.add(item.trim());
				}
			}
		}
		return items;
	}

	private static String canonicalKey(String key) {
		String normalized = key.trim();
		if (normalized.indexOf("  ") >= 0 || normalized.indexOf('\t') >= 0) {
			normalized = normalized.replaceAll("\\s+", " ");
		}
		for (String candidate : KEYS) {
			if (candidate.equalsIgnoreCase(normalized)) {
				return candidate;
			}
		}
		return null;
	}

	private ScriptException unknownDirective(int index, String trimmed) {
		return error(index + 1, "unknown directive '" + abbreviate(trimmed) + "'; expected '-- migrate:upgrade"
				+ " [engine]', '-- migrate:downgrade [engine]' or '-- migrate:" + LintComment.DIRECTIVE + " CODE reason'");
	}

	private static boolean isLintComment(String trimmed) {
		Matcher matcher = DIRECTIVE.matcher(trimmed);
		return matcher.matches() && matcher.group(1).equals(LintComment.DIRECTIVE);
	}

	/**
	 * Refuses a line that looks like a section marker but is not one exactly, naming the spelling to use.
	 */
	private void rejectNearMissDirective(int index, String line) {
		String trimmed = line.trim();
		if (!mayBeDirectiveLike(trimmed)) {
			return;
		}
		Matcher like = DIRECTIVE_LIKE.matcher(trimmed);
		if (!like.matches() || isExactDirective(trimmed) || isLintComment(trimmed)) {
			return;
		}
		String word = (like.group(1) != null) ? like.group(1) : like.group(2);
		String rest = like.group(3).trim();
		String lower = word.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("up") && !lower.startsWith("down")) {
			throw unknownDirective(index, trimmed);
		}
		String direction = word.toLowerCase(Locale.ROOT).startsWith("down") ? "downgrade" : "upgrade";
		String engine = rest.toLowerCase(Locale.ROOT);
		String fix = "-- migrate:" + direction
				+ ((!engine.isEmpty() && SqlSyntax.forEngineName(engine) != null) ? " " + engine : "");
		throw error(index + 1, "'" + abbreviate(trimmed) + "' is not a section marker; write '" + fix
				+ "' (lower case, no space around the colon), or reword the comment if it is not meant as one");
	}

	/**
	 * Refuses a header line that is a near miss of a key ({@code Depends_On: x}, {@code Revises abc}): read as
	 * free text, it would silently drop the key.
	 */
	private void rejectMisspeltKey(int index, String text) {
		String name = misspeltKey(text);
		if (name != null) {
			throw error(index + 1, "'" + abbreviate(text) + "' looks like the header key '" + name + "' but is not"
					+ " written as one; write '-- " + name + ": <value>'");
		}
	}

	private static String misspeltKey(String text) {
		// KEY_LIKE starts with a letter: an empty comment line or prose starting otherwise needs no matcher.
		if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
			return null;
		}
		Matcher like = KEY_LIKE.matcher(text);
		if (!like.matches()) {
			return null;
		}
		// The key's letters only, without a regex compiled per line (every header line of every script comes here).
		String key = like.group(1);
		StringBuilder letters = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (isAsciiLetter(c)) {
				letters.append(c);
			}
		}
		String squashed = letters.toString();
		for (String candidate : KEYS) {
			if (candidate.replace(" ", "").equalsIgnoreCase(squashed)) {
				Matcher exact = KEY_LINE.matcher(text);
				boolean written = exact.matches() && candidate.equals(canonicalKey(exact.group(1)));
				return written ? null : candidate;
			}
		}
		return null;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static boolean isExactDirective(String trimmed) {
		Matcher directive = DIRECTIVE.matcher(trimmed);
		return directive.matches() && sectionDirection(directive.group(1)) != null;
	}

	/**
	 * The direction a section marker's word names ({@code upgrade} or {@code downgrade}), or {@code null}.
	 */
	private static Direction sectionDirection(String word) {
		return switch (word) {
			case "upgrade" -> Direction.UPGRADE;
			case "downgrade" -> Direction.DOWNGRADE;
			default -> null;
		};
	}

	private static boolean isDirectiveLike(String line) {
		if (isDirective(line)) {
			return true;
		}
		String trimmed = line.trim();
		return mayBeDirectiveLike(trimmed) && DIRECTIVE_LIKE.matcher(trimmed).matches();
	}

	/**
	 * Whether a trimmed line can match {@link #DIRECTIVE_LIKE}: it starts with {@code --}, whitespace and
	 * {@code migrate} in any case. Every line of every script is tested, most of them SQL or plain comments; this
	 * answers those without a matcher (a line it lets through still has to match the pattern).
	 */
	private static boolean mayBeDirectiveLike(String trimmed) {
		if (!trimmed.startsWith("--")) {
			return false;
		}
		int i = 2;
		while (i < trimmed.length() && Character.isWhitespace(trimmed.charAt(i))) {
			i++;
		}
		return trimmed.regionMatches(true, i, "migrate", 0, 7);
	}

	private static boolean isComment(String line) {
		return line.stripLeading().startsWith("--");
	}

	private static boolean isDirective(String line) {
		String trimmed = line.trim();
		if (!trimmed.startsWith("--")) {
			return false;
		}
		return trimmed.substring(2).stripLeading().startsWith("migrate:");
	}

	private static String commentText(String line) {
		return line.strip().substring(2).strip();
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 37) + "...";
	}

	private ScriptException error(int line, String problem) {
		return new ScriptException(this.location, line, problem);
	}

}
