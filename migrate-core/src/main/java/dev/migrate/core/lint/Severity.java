package dev.migrate.core.lint;

import java.util.Locale;

/**
 * How much a finding matters. {@link #ERROR} fails {@code migrate lint}; {@link #OFF} turns a rule off.
 */
public enum Severity {

	/** Blocks reads or writes on an existing table, or fails when it runs. */
	ERROR,

	/** Destructive or backward-incompatible: old application code breaks, or data is gone. */
	WARNING,

	/** Worth knowing; never fails anything. */
	INFO,

	/** The rule does not run. */
	OFF;

	/**
	 * @return the name as configuration spells it, e.g. {@code error}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a severity as configuration spells it.
	 * @param text {@code error}, {@code warning}, {@code info} or {@code off} (any case)
	 * @return the severity, or {@code null} when the text names none
	 */
	public static Severity parse(String text) {
		for (Severity severity : values()) {
			if (severity.name().equalsIgnoreCase(text.strip())) {
				return severity;
			}
		}
		return null;
	}

}
