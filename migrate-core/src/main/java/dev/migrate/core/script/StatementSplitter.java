package dev.migrate.core.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a script section into statements, the way each engine's own command-line client would, keeping
 * every statement's starting line.
 *
 * <p>Everywhere: {@code --} line comments and {@code /* *&#47;} block comments (skipped before a statement,
 * kept inside one), {@code '...'} strings with doubled quotes, {@code "..."} identifiers, and semicolons
 * inside parentheses. Trigger, procedure, function and event bodies ({@code CREATE ... TRIGGER ... BEGIN ...
 * END;}) end at the {@code END} that closes their {@code BEGIN}; {@code CASE ... END} and
 * {@code END IF}/{@code END LOOP}/{@code END WHILE}/{@code END REPEAT}/{@code END FOR} are matched on the way.
 * Per engine:
 * <ul>
 * <li>PostgreSQL: nested block comments, dollar quotes ({@code $$}, {@code $tag$}) around function bodies and
 * {@code DO} blocks, {@code E'...'} strings with backslash escapes, and {@code COPY ... FROM stdin} followed by
 * data lines up to a {@code \.} line (the data goes to {@link SqlStatement#copyData()}).</li>
 * <li>MySQL and MariaDB: {@code #} comments, {@code --} comments only when followed by a space, backslash
 * escapes in strings, {@code "..."} strings, backtick identifiers, {@code /*! ... *&#47;} kept as statements,
 * and {@code DELIMITER} lines that change the delimiter (the custom delimiter ends a statement whatever
 * {@code BEGIN}/{@code END} nesting it is in).</li>
 * <li>SQLite: backtick and {@code [bracket]} identifiers.</li>
 * <li>SQL Server: a line holding only {@code GO} (optionally {@code GO n}, which repeats the batch) ends a
 * batch; {@code [bracket]} identifiers; nested block comments; {@code BEGIN ... END} blocks (not
 * {@code BEGIN TRAN}); {@code CREATE}/{@code ALTER} of a procedure, function, trigger or view runs to the
 * next {@code GO}, because such a statement must be alone in its batch.</li>
 * <li>H2: {@code $$} strings.</li>
 * </ul>
 *
 * <p>Over 400 lines because it is one hand-written scanner (a hot loop) with every engine's quoting and delimiter rules.
 */
public final class StatementSplitter {

	private StatementSplitter() {
	}

	/**
	 * Splits SQL into statements.
	 * @param sql the SQL, with {@code \n} or {@code \r\n} line ends
	 * @param syntax the engine whose rules apply
	 * @param firstLine the line number of the first line of {@code sql} in its file (1 for a whole file)
	 * @return the statements, in order; unmodifiable
	 * @throws ScriptException for an unterminated string, quoted identifier, comment or dollar quote, naming
	 * the line where it starts
	 */
	public static List<SqlStatement> split(String sql, SqlSyntax syntax, int firstLine) {
		return split(sql, syntax, firstLine, null);
	}

	static List<SqlStatement> split(String sql, SqlSyntax syntax, int firstLine, String location) {
		return Collections.unmodifiableList(new Scanner(sql, syntax, firstLine, location).run());
	}

	/**
	 * One pass over the text. Hot loop: a switch per character; keywords are compared only where they matter.
	 */
	private static final class Scanner {

		private static final int KIND_OTHER = 0;

		private static final int KIND_CREATE = 1;

		private static final int KIND_COPY = 2;

		private final String s;

		private final int n;

		private final SqlSyntax syntax;

		private final String location;

		private final boolean postgres;

		private final boolean mysql;

		private final boolean sqlServer;

		private final boolean nestedComments;

		private final boolean backslashStrings;

		private final boolean backticks;

		private final boolean brackets;

		private final List<SqlStatement> statements = new ArrayList<>();

		private int pos;

		private int line;

		private String delimiter;

		// Per statement
		private int start = -1;

		private int startLine;

		private int kind;

		private int words;

		private boolean routineDecided;

		private boolean routine;

		private int definerWords;

		private int depth;

		private int parens;

		private boolean sawParen;

		private boolean batchOnly;

		private boolean afterFrom;

		private boolean copyStdin;

		Scanner(String s, SqlSyntax syntax, int firstLine, String location) {
			this.s = s;
			this.n = s.length();
			this.syntax = syntax;
			this.location = location;
			this.line = firstLine;
			this.postgres = syntax == SqlSyntax.POSTGRESQL;
			this.mysql = syntax == SqlSyntax.MYSQL || syntax == SqlSyntax.MARIADB;
			this.sqlServer = syntax == SqlSyntax.SQLSERVER;
			this.nestedComments = this.postgres || this.sqlServer;
			this.backslashStrings = this.mysql;
			this.backticks = this.mysql || syntax == SqlSyntax.SQLITE;
			this.brackets = syntax == SqlSyntax.SQLITE || this.sqlServer;
		}

		List<SqlStatement> run() {
			final String s = this.s;
			final int n = this.n;
			while (this.pos < n) {
				char c = s.charAt(this.pos);
				if (this.delimiter != null && c == this.delimiter.charAt(0) && s.startsWith(this.delimiter, this.pos)) {
					int end = this.pos;
					this.pos += this.delimiter.length();
					endStatement(end);
					continue;
				}
				switch (c) {
					case '\n' -> {
						this.line++;
						this.pos++;
					}
					case ' ', '\t', '\r', '\f' -> this.pos++;
					case '-' -> {
						if (this.pos + 1 < n && s.charAt(this.pos + 1) == '-'
								&& (!this.mysql || this.pos + 2 >= n || isSpace(s.charAt(this.pos + 2)))) {
							skipLineComment();
						}
						else {
							mark();
							this.pos++;
						}
					}
					case '#' -> {
						if (this.mysql) {
							skipLineComment();
						}
						else {
							mark();
							this.pos++;
						}
					}
					case '/' -> {
						if (this.pos + 1 < n && s.charAt(this.pos + 1) == '*') {
							if (this.mysql && this.pos + 2 < n
									&& (s.charAt(this.pos + 2) == '!' || s.charAt(this.pos + 2) == '+')) {
								mark();
							}
							skipBlockComment();
						}
						else {
							mark();
							this.pos++;
						}
					}
					case '\'' -> {
						mark();
						skipQuoted('\'', this.backslashStrings, "string");
					}
					case '"' -> {
						mark();
						skipQuoted('"', this.backslashStrings, this.mysql ? "string" : "quoted identifier");
					}
					case '`' -> {
						mark();
						if (this.backticks) {
							skipQuoted('`', false, "quoted identifier");
						}
						else {
							this.pos++;
						}
					}
					case '[' -> {
						mark();
						if (this.brackets) {
							skipQuoted(']', false, "bracketed identifier");
						}
						else {
							this.pos++;
						}
					}
					case '\\' -> {
						if (this.postgres && this.start < 0 && onlySpaceBefore(this.pos)) {
							psqlMetaCommand();
						}
						else {
							mark();
							this.pos++;
						}
					}
					case '$' -> {
						mark();
						if (!dollarQuote()) {
							this.pos++;
						}
					}
					case ';' -> {
						if (this.delimiter == null && this.depth == 0 && this.parens == 0 && !this.batchOnly) {
							int end = this.pos++;
							endStatement(end);
						}
						else {
							mark();
							this.pos++;
						}
					}
					case '(' -> {
						mark();
						this.parens++;
						this.sawParen = true;
						this.pos++;
					}
					case ')' -> {
						mark();
						if (this.parens > 0) {
							this.parens--;
						}
						this.pos++;
					}
					default -> {
						if (isWordStart(c)) {
							word();
						}
						else {
							mark();
							this.pos++;
						}
					}
				}
			}
			endStatement(n);
			return this.statements;
		}

		private void mark() {
			if (this.start < 0) {
				this.start = this.pos;
				this.startLine = this.line;
			}
		}

		private void word() {
			final String s = this.s;
			int from = this.pos;
			int to = from + 1;
			if (this.delimiter == null) {
				while (to < this.n && isWordPart(s.charAt(to))) {
					to++;
				}
			}
			else {
				char d = this.delimiter.charAt(0);
				while (to < this.n && isWordPart(s.charAt(to)) && !(s.charAt(to) == d && s.startsWith(this.delimiter, to))) {
					to++;
				}
			}
			boolean first = this.start < 0;
			if (first && this.mysql && matches(from, to, "DELIMITER") && onlySpaceBefore(from)) {
				delimiterCommand(to);
				return;
			}
			if (this.sqlServer && to - from == 2 && matches(from, to, "GO") && onlySpaceBefore(from) && goCommand(to)) {
				return;
			}
			mark();
			this.pos = to;
			this.words++;
			if (first) {
				this.kind = KIND_OTHER;
				if (matches(from, to, "CREATE") || (this.sqlServer && matches(from, to, "ALTER"))) {
					this.kind = KIND_CREATE;
				}
				else if (this.postgres && matches(from, to, "COPY")) {
					this.kind = KIND_COPY;
				}
				if (this.sqlServer) {
					block(from, to);
				}
				return;
			}
			if (this.postgres && to - from == 1 && (s.charAt(from) == 'E' || s.charAt(from) == 'e') && to < this.n
					&& s.charAt(to) == '\'') {
				skipQuoted('\'', true, "string");
				return;
			}
			if (this.kind == KIND_CREATE && !this.routineDecided) {
				decideRoutine(from, to);
			}
			else if (this.kind == KIND_COPY) {
				if (this.afterFrom && matches(from, to, "STDIN")) {
					this.copyStdin = true;
				}
				this.afterFrom = matches(from, to, "FROM");
			}
			if (this.routine || this.sqlServer) {
				block(from, to);
			}
		}

		private void decideRoutine(int from, int to) {
			if (this.sawParen) {
				this.routineDecided = true;
			}
			else if (matches(from, to, "TRIGGER") || matches(from, to, "PROCEDURE") || matches(from, to, "FUNCTION")
					|| matches(from, to, "EVENT") || (this.sqlServer && matches(from, to, "VIEW"))
					|| (this.sqlServer && matches(from, to, "PROC"))) {
				this.routine = true;
				this.routineDecided = true;
				this.batchOnly = this.sqlServer;
			}
			else if (matches(from, to, "DEFINER")) {
				this.definerWords = 3;
			}
			else if (this.definerWords > 0) {
				this.definerWords--;
			}
			else if (!(matches(from, to, "OR") || matches(from, to, "REPLACE") || matches(from, to, "ALTER")
					|| matches(from, to, "TEMP") || matches(from, to, "TEMPORARY") || matches(from, to, "CONSTRAINT")
					|| matches(from, to, "AGGREGATE") || matches(from, to, "SQL") || matches(from, to, "SECURITY")
					|| matches(from, to, "INVOKER") || matches(from, to, "NONEDITIONABLE"))) {
				this.routineDecided = true;
			}
		}

		private void block(int from, int to) {
			int length = to - from;
			if (length == 5 && matches(from, to, "BEGIN")) {
				if (!this.sqlServer || !nextWordIsAnyOf("TRAN", "TRANSACTION", "DISTRIBUTED", "DIALOG",
						"CONVERSATION")) {
					this.depth++;
				}
			}
			else if (length == 4 && matches(from, to, "CASE")) {
				this.depth++;
			}
			else if (length == 3 && matches(from, to, "END") && this.depth > 0) {
				// END IF, END LOOP... close constructs that were not counted; END CASE closes a counted CASE.
				int after = nextWordEnd("IF", "LOOP", "WHILE", "REPEAT", "FOR");
				if (after >= 0) {
					this.pos = after;
				}
				else {
					after = nextWordEnd("CASE");
					this.pos = (after >= 0) ? after : this.pos;
					this.depth--;
				}
			}
		}

		private boolean nextWordIsAnyOf(String... candidates) {
			return nextWordEnd(candidates) >= 0;
		}

		private int nextWordEnd(String... candidates) {
			int p = this.pos;
			while (p < this.n && isSpace(this.s.charAt(p))) {
				if (this.s.charAt(p) == '\n') {
					return -1;
				}
				p++;
			}
			int to = p;
			while (to < this.n && isWordPart(this.s.charAt(to))) {
				to++;
			}
			for (String candidate : candidates) {
				if (matches(p, to, candidate)) {
					return to;
				}
			}
			return -1;
		}

		private void delimiterCommand(int afterKeyword) {
			int p = afterKeyword;
			while (p < this.n && (this.s.charAt(p) == ' ' || this.s.charAt(p) == '\t')) {
				p++;
			}
			int to = p;
			while (to < this.n && !isSpace(this.s.charAt(to))) {
				to++;
			}
			if (to == p) {
				throw error(this.line, "DELIMITER needs the new delimiter on the same line, e.g. 'DELIMITER //'");
			}
			String value = this.s.substring(p, to);
			this.delimiter = value.equals(";") ? null : value;
			this.pos = endOfLine(to);
		}

		private boolean goCommand(int afterKeyword) {
			int p = afterKeyword;
			while (p < this.n && (this.s.charAt(p) == ' ' || this.s.charAt(p) == '\t')) {
				p++;
			}
			int countStart = p;
			while (p < this.n && Character.isDigit(this.s.charAt(p))) {
				p++;
			}
			int count = (p > countStart) ? Integer.parseInt(this.s.substring(countStart, Math.min(p, countStart + 6))) : 1;
			while (p < this.n && (this.s.charAt(p) == ' ' || this.s.charAt(p) == '\t' || this.s.charAt(p) == '\r')) {
				p++;
			}
			boolean comment = p + 1 < this.n && this.s.charAt(p) == '-' && this.s.charAt(p + 1) == '-';
			if (p < this.n && this.s.charAt(p) != '\n' && !comment) {
				return false;
			}
			int batchEnd = this.pos;
			this.pos = endOfLine(p);
			if (this.start >= 0) {
				int before = this.statements.size();
				endStatement(batchEnd);
				for (int i = 1; i < count && this.statements.size() > before; i++) {
					this.statements.add(this.statements.get(before));
				}
			}
			resetStatement();
			return true;
		}

		private int endOfLine(int from) {
			int eol = this.s.indexOf('\n', from);
			return (eol < 0) ? this.n : eol;
		}

		private void endStatement(int end) {
			if (this.start >= 0) {
				int to = end;
				while (to > this.start && isSpace(this.s.charAt(to - 1))) {
					to--;
				}
				String sql = this.s.substring(this.start, to);
				if (this.copyStdin) {
					this.statements.add(new SqlStatement(sql, this.startLine, copyData()));
				}
				else {
					this.statements.add(new SqlStatement(sql, this.startLine));
				}
			}
			resetStatement();
		}

		private String copyData() {
			int eol = this.s.indexOf('\n', this.pos);
			if (eol < 0) {
				throw error(this.startLine, "COPY ... FROM stdin has no data lines; put the rows on the lines after it"
						+ " and end them with a line holding only '\\.'");
			}
			this.line++;
			int dataStart = eol + 1;
			int p = dataStart;
			while (p < this.n) {
				int end = this.s.indexOf('\n', p);
				int lineEnd = (end < 0) ? this.n : end;
				int contentEnd = (lineEnd > p && this.s.charAt(lineEnd - 1) == '\r') ? lineEnd - 1 : lineEnd;
				if (contentEnd - p == 2 && this.s.charAt(p) == '\\' && this.s.charAt(p + 1) == '.') {
					String data = this.s.substring(dataStart, p);
					this.pos = lineEnd;
					return data;
				}
				if (end < 0) {
					break;
				}
				this.line++;
				p = end + 1;
			}
			throw error(this.startLine, "COPY ... FROM stdin data is not terminated; end it with a line holding only"
					+ " '\\.'");
		}

		private void resetStatement() {
			this.start = -1;
			this.kind = KIND_OTHER;
			this.words = 0;
			this.routineDecided = false;
			this.routine = false;
			this.definerWords = 0;
			this.depth = 0;
			this.parens = 0;
			this.sawParen = false;
			this.batchOnly = false;
			this.afterFrom = false;
			this.copyStdin = false;
		}

		/**
		 * A psql meta-command line (a backslash, then a word) between statements. pg_dump writes the restrict
		 * and unrestrict commands around its output so that psql runs no meta-command smuggled into the dump; over
		 * JDBC no meta-command runs at all, so the pair is skipped. Any other one is psql's, not SQL: an error.
		 */
		private void psqlMetaCommand() {
			int eol = endOfLine(this.pos);
			String command = this.s.substring(this.pos, eol).strip();
			String name = command.split("\\s+", 2)[0];
			if (!name.equals("\\restrict") && !name.equals("\\unrestrict")) {
				throw error(this.line, "'" + name + "' is a psql meta-command, which only psql runs; remove it (or"
						+ " turn it into SQL) to run the file through migrate");
			}
			this.pos = eol;
		}

		private void skipLineComment() {
			this.pos = endOfLine(this.pos);
		}

		private void skipBlockComment() {
			final String s = this.s;
			int openLine = this.line;
			int nesting = 1;
			int p = this.pos + 2;
			while (p < this.n) {
				char c = s.charAt(p);
				if (c == '\n') {
					this.line++;
				}
				else if (c == '*' && p + 1 < this.n && s.charAt(p + 1) == '/') {
					p += 2;
					if (--nesting == 0) {
						this.pos = p;
						return;
					}
					continue;
				}
				else if (this.nestedComments && c == '/' && p + 1 < this.n && s.charAt(p + 1) == '*') {
					nesting++;
					p += 2;
					continue;
				}
				p++;
			}
			throw error(openLine, "block comment is not closed; add '*/'");
		}

		private void skipQuoted(char close, boolean backslash, String what) {
			final String s = this.s;
			int openLine = this.line;
			int p = this.pos + 1;
			while (p < this.n) {
				char c = s.charAt(p);
				if (c == close) {
					if (p + 1 < this.n && s.charAt(p + 1) == close) {
						p += 2;
						continue;
					}
					this.pos = p + 1;
					return;
				}
				if (c == '\n') {
					this.line++;
				}
				else if (backslash && c == '\\' && p + 1 < this.n) {
					p++;
					if (s.charAt(p) == '\n') {
						this.line++;
					}
				}
				p++;
			}
			throw error(openLine, what + " starting here is not closed; add the closing " + close);
		}

		private boolean dollarQuote() {
			final String s = this.s;
			if (!(this.postgres || this.syntax == SqlSyntax.H2)) {
				return false;
			}
			if (this.pos > 0 && isWordPart(s.charAt(this.pos - 1))) {
				return false;
			}
			int p = this.pos + 1;
			if (this.postgres && p < this.n && isTagStart(s.charAt(p))) {
				while (p < this.n && isWordPart(s.charAt(p)) && s.charAt(p) != '$') {
					p++;
				}
			}
			if (p >= this.n || s.charAt(p) != '$') {
				return false;
			}
			String tag = s.substring(this.pos, p + 1);
			int close = s.indexOf(tag, p + 1);
			if (close < 0) {
				throw error(this.line, "dollar-quoted string " + tag + " starting here is not closed; add the closing "
						+ tag);
			}
			for (int i = p + 1; i < close; i++) {
				if (s.charAt(i) == '\n') {
					this.line++;
				}
			}
			this.pos = close + tag.length();
			return true;
		}

		private boolean onlySpaceBefore(int from) {
			for (int p = from - 1; p >= 0; p--) {
				char c = this.s.charAt(p);
				if (c == '\n') {
					return true;
				}
				if (c != ' ' && c != '\t') {
					return false;
				}
			}
			return true;
		}

		private boolean matches(int from, int to, String keyword) {
			return to - from == keyword.length() && this.s.regionMatches(true, from, keyword, 0, keyword.length());
		}

		private ScriptException error(int atLine, String problem) {
			return new ScriptException(this.location, atLine, problem);
		}

		private static boolean isSpace(char c) {
			return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
		}

		private static boolean isWordStart(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')
					|| (c > 127 && Character.isLetter(c));
		}

		private static boolean isTagStart(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
		}

		private static boolean isWordPart(char c) {
			return isWordStart(c) || c == '$';
		}

	}

}
