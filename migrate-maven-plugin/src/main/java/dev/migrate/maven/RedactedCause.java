package dev.migrate.maven;

import dev.migrate.core.report.Redactor;

/**
 * A copy of a failure's cause chain for a goal's exception, each message redacted. Maven prints a failure's message
 * followed by every cause's message it does not already contain, so the original chain would print the engine's
 * message again after its reworded form (the advice naming a plugin parameter, then the same text naming the
 * engine's setting) and without the plugin's redaction. The copy keeps each link's class name and stack trace for
 * {@code -e}.
 */
final class RedactedCause extends Exception {

	private static final long serialVersionUID = 1L;

	private final String type;

	private RedactedCause(Throwable original, String message, Redactor redactor) {
		super(message, (original.getCause() != null && original.getCause() != original)
				? new RedactedCause(original.getCause(), redactor.redact(original.getCause().getMessage()), redactor)
				: null, false, true);
		this.type = original.getClass().getName();
		setStackTrace(original.getStackTrace());
	}

	/**
	 * @param failure the failure
	 * @param message what the goal says instead of its message, already reworded and redacted
	 * @param redactor redacts the messages of the failure's causes
	 * @return the chain to give the goal's exception as its cause
	 */
	static RedactedCause of(Throwable failure, String message, Redactor redactor) {
		return new RedactedCause(failure, message, redactor);
	}

	@Override
	public String toString() {
		String message = getMessage();
		return (message != null) ? this.type + ": " + message : this.type;
	}

}
