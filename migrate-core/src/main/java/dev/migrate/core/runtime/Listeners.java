package dev.migrate.core.runtime;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrationResult;

/**
 * The one fan-out to the configured {@link MigrationListener}s: each hears every event in registration order, and a
 * listener that throws is logged and skipped, so a listener never stops a migration.
 */
final class Listeners {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final List<MigrationListener> listeners;

	Listeners(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	void beforeStep(CommandKind command, String revision) {
		notify((listener) -> listener.beforeStep(command, revision));
	}

	void afterStep(AppliedRevision step) {
		notify((listener) -> listener.afterStep(step));
	}

	void onFailure(CommandKind command, String revision, MigrateException failure) {
		notify((listener) -> listener.onFailure(command, revision, failure));
	}

	void afterRun(MigrationResult result) {
		// Every command ends here, an up-to-date boot too: without listeners, no lambda to link.
		if (!this.listeners.isEmpty()) {
			notify((listener) -> listener.afterRun(result));
		}
	}

	private void notify(Consumer<MigrationListener> call) {
		for (MigrationListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.toString());
			}
		}
	}

}
