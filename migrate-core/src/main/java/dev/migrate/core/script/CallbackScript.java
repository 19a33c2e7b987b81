package dev.migrate.core.script;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SQL callback file ({@code beforeUpgrade.sql}, {@code afterEachRevision.sql}, ...): plain SQL that runs at its
 * {@link CallbackEvent}. It is not a revision: the graph never sees it and the history table does not record it.
 */
public final class CallbackScript {

	private final CallbackEvent event;

	private final String location;

	private final String text;

	private final String checksum;

	// An each-revision callback runs around every revision of a run: split once per engine, not once per revision.
	private final Map<SqlSyntax, List<SqlStatement>> statements = new ConcurrentHashMap<>();

	CallbackScript(CallbackEvent event, String location, String text, String checksum) {
		this.event = event;
		this.location = location;
		this.text = text;
		this.checksum = checksum;
	}

	/**
	 * @return when it runs
	 */
	public CallbackEvent event() {
		return this.event;
	}

	/**
	 * @return the file's path for messages, such as {@code db/migrations/beforeUpgrade.sql}
	 */
	public String location() {
		return this.location;
	}

	/**
	 * @return the SHA-256 of the file's normalized content, as for revisions
	 */
	public String checksum() {
		return this.checksum;
	}

	/**
	 * @param syntax the engine
	 * @return the file's statements, each with its line in the file
	 * @throws ScriptException if a string or comment is not closed
	 */
	public List<SqlStatement> statements(SqlSyntax syntax) {
		return this.statements.computeIfAbsent(syntax,
				(key) -> List.copyOf(StatementSplitter.split(this.text, key, 1, this.location)));
	}

	@Override
	public String toString() {
		return "CallbackScript[" + this.event.fileName() + " " + this.location + "]";
	}

}
