package dev.migrate.core.ops;

import dev.migrate.core.MigrateException;

/**
 * Thrown by {@link Operation#reverse()} when an operation's inverse cannot be derived, for example a
 * {@code dropTable} that does not carry the dropped table's definition.
 */
public class IrreversibleOperationException extends MigrateException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param operation the operation
	 * @param fix what to do instead
	 */
	public IrreversibleOperationException(Operation operation, String fix) {
		super("Cannot derive the inverse of '" + operation.describe() + "': " + fix);
	}

}
