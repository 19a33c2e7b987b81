package dev.migrate.core.lint;

import java.util.Locale;

/**
 * One lexical token of a statement.
 *
 * @param kind what the token is
 * @param text the token's value: a word as written, a quoted identifier without its quotes, a string with its
 * quotes, a number, or one punctuation character
 * @param offset where the token starts in the statement's text, for its line
 */
record Token(Kind kind, String text, int offset) {

	/** The kinds of token the linter tells apart. */
	enum Kind {

		/** An unquoted word: a keyword or an identifier. */
		WORD,

		/** A quoted identifier ({@code "x"}, {@code `x`}, {@code [x]}). */
		QUOTED,

		/** A string literal in any of the engines' forms. */
		STRING,

		/** A numeric literal. */
		NUMBER,

		/** One punctuation character. */
		SYMBOL

	}

	boolean isWord(String word) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
	}

	boolean isSymbol(char symbol) {
		return this.kind == Kind.SYMBOL && this.text.charAt(0) == symbol;
	}

	boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
	}

	/**
	 * The token as an object name to compare: quoted identifiers keep their case, unquoted ones are folded to
	 * lower case (PostgreSQL folds them; MySQL compares table names case-insensitively on most set-ups).
	 */
	String name() {
		return (this.kind == Kind.QUOTED) ? this.text : this.text.toLowerCase(Locale.ROOT);
	}

}
