package dev.migrate.core.lint;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.script.SqlSyntax;

/**
 * Turns one statement (as the statement splitter cut it) into tokens, dropping comments and white space. The
 * splitter has already found where strings, identifiers and comments end for each engine; this pass only needs
 * to step over them the same way, so it keeps their rules and none of the splitter's statement logic.
 */
final class Lexer {

	private final String s;

	private final int n;

	private final SqlSyntax syntax;

	private final boolean mysql;

	private int i;

	private Lexer(String sql, SqlSyntax syntax) {
		this.s = sql;
		this.n = sql.length();
		this.syntax = syntax;
		this.mysql = syntax == SqlSyntax.MYSQL || syntax == SqlSyntax.MARIADB;
	}

	static List<Token> tokens(String sql, SqlSyntax syntax) {
		return new Lexer(sql, syntax).run();
	}

	private List<Token> run() {
		List<Token> tokens = new ArrayList<>();
		while (this.i < this.n) {
			char c = this.s.charAt(this.i);
			int start = this.i;
			if (Character.isWhitespace(c)) {
				this.i++;
			}
			else if (c == '-' && peek(1) == '-' || c == '#' && this.mysql) {
				skipTo('\n');
			}
			else if (c == '/' && peek(1) == '*') {
				skipBlockComment();
			}
			else if (c == '\'') {
				quoted('\'', this.mysql);
				tokens.add(new Token(Token.Kind.STRING, this.s.substring(start, this.i), start));
			}
			else if ((c == 'E' || c == 'e') && peek(1) == '\'' && this.syntax == SqlSyntax.POSTGRESQL) {
				this.i++;
				quoted('\'', true);
				tokens.add(new Token(Token.Kind.STRING, this.s.substring(start, this.i), start));
			}
			else if (c == '"') {
				quoted('"', this.mysql);
				tokens.add(this.mysql ? new Token(Token.Kind.STRING, this.s.substring(start, this.i), start)
						: new Token(Token.Kind.QUOTED, unquote(start), start));
			}
			else if (c == '`') {
				quoted('`', false);
				tokens.add(new Token(Token.Kind.QUOTED, unquote(start), start));
			}
			else if (c == '[' && (this.syntax == SqlSyntax.SQLSERVER || this.syntax == SqlSyntax.SQLITE)) {
				quoted(']', false);
				tokens.add(new Token(Token.Kind.QUOTED, unquote(start), start));
			}
			else if (c == '$' && dollarQuote()) {
				tokens.add(new Token(Token.Kind.STRING, this.s.substring(start, this.i), start));
			}
			else if (Character.isLetter(c) || c == '_') {
				while (this.i < this.n && isWordPart(this.s.charAt(this.i))) {
					this.i++;
				}
				tokens.add(new Token(Token.Kind.WORD, this.s.substring(start, this.i), start));
			}
			else if (Character.isDigit(c)) {
				while (this.i < this.n && (Character.isLetterOrDigit(this.s.charAt(this.i)) || this.s.charAt(this.i) == '.')) {
					this.i++;
				}
				tokens.add(new Token(Token.Kind.NUMBER, this.s.substring(start, this.i), start));
			}
			else {
				this.i++;
				tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
			}
		}
		return tokens;
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	private char peek(int ahead) {
		int at = this.i + ahead;
		return (at < this.n) ? this.s.charAt(at) : '\0';
	}

	private void skipTo(char end) {
		int at = this.s.indexOf(end, this.i);
		this.i = (at < 0) ? this.n : at + 1;
	}

	private void skipBlockComment() {
		int depth = 0;
		while (this.i < this.n) {
			if (this.s.startsWith("/*", this.i)) {
				depth++;
				this.i += 2;
			}
			else if (this.s.startsWith("*/", this.i)) {
				this.i += 2;
				if (--depth == 0 || this.mysql) {
					return;
				}
			}
			else {
				this.i++;
			}
		}
	}

	/** Steps over a quoted run from its opening character; a doubled closing character stays inside. */
	private void quoted(char close, boolean backslashEscapes) {
		this.i++;
		while (this.i < this.n) {
			char c = this.s.charAt(this.i++);
			if (c == '\\' && backslashEscapes) {
				this.i++;
			}
			else if (c == close) {
				if (peek(0) == close) {
					this.i++;
				}
				else {
					return;
				}
			}
		}
	}

	private String unquote(int start) {
		return this.s.substring(start + 1, Math.max(start + 1, this.i - 1));
	}

	/** A PostgreSQL or H2 dollar quote ({@code $$...$$}, {@code $tag$...$tag$}); false for a {@code $1} parameter. */
	private boolean dollarQuote() {
		if (this.syntax != SqlSyntax.POSTGRESQL && this.syntax != SqlSyntax.H2) {
			return false;
		}
		int close = this.s.indexOf('$', this.i + 1);
		if (close < 0) {
			return false;
		}
		for (int k = this.i + 1; k < close; k++) {
			char c = this.s.charAt(k);
			if (!(Character.isLetter(c) || c == '_' || (k > this.i + 1 && Character.isDigit(c)))) {
				return false;
			}
		}
		String tag = this.s.substring(this.i, close + 1);
		int end = this.s.indexOf(tag, close + 1);
		this.i = (end < 0) ? this.n : end + tag.length();
		return true;
	}

}
