package dev.migrate.core.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.runtime.ScriptCache.Scripts;

/**
 * A database session, and the scripts loading beside it on a second thread: on a cold JVM each takes about as long
 * as the other (class loading, reading and parsing files; loading the driver, the handshake), and every boot pays
 * both. A script error wins over a database error, as it would if the scripts loaded first. The caller closes
 * the {@link #session()}.
 */
final class SessionWithScripts {

	private final FutureTask<Scripts> loading;

	private final DatabaseSession session;

	private SessionWithScripts(FutureTask<Scripts> loading, DatabaseSession session) {
		this.loading = loading;
		this.session = session;
	}

	/**
	 * Starts loading the scripts and opens a session.
	 * @param config the configuration
	 * @param connections where the session's connection comes from
	 * @param scripts what loads the scripts (from the cache when unchanged)
	 * @return the session, with the scripts on their way
	 */
	static SessionWithScripts open(MigrateConfig config, ConnectionFactory connections, Supplier<Scripts> scripts) {
		return open(config, connections, scripts, false);
	}

	/**
	 * Opens a session with scripts that are already at hand (cached, nothing to check): no second thread.
	 * @param config the configuration
	 * @param connections where the session's connection comes from
	 * @param scripts the scripts
	 * @return the session and the scripts
	 */
	static SessionWithScripts openWith(MigrateConfig config, ConnectionFactory connections, Scripts scripts) {
		return open(config, connections, () -> scripts, true);
	}

	private static SessionWithScripts open(MigrateConfig config, ConnectionFactory connections,
			Supplier<Scripts> scripts, boolean ready) {
		FutureTask<Scripts> loading = new FutureTask<>(scripts::get);
		if (ready) {
			loading.run();
		}
		else {
			Thread loader = new Thread(loading, "migrate-script-loader");
			loader.setDaemon(true);
			loader.start();
		}
		try {
			return new SessionWithScripts(loading, DatabaseSession.open(config, connections));
		}
		catch (RuntimeException ex) {
			throw scriptErrorOr(loading, ex);
		}
	}

	DatabaseSession session() {
		return this.session;
	}

	/**
	 * Waits for the scripts.
	 * @return them
	 */
	Scripts scripts() {
		try {
			return this.loading.get();
		}
		catch (ExecutionException ex) {
			throw loadFailure(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while loading the migration scripts", ex);
		}
	}

	/**
	 * What to throw for a failure while the scripts were loading.
	 * @param ex the failure
	 * @return the script error, when loading them failed too, else {@code ex}
	 */
	RuntimeException scriptErrorOr(RuntimeException ex) {
		return scriptErrorOr(this.loading, ex);
	}

	// What the loader thread threw, to throw again on this one (an Error is thrown from here).
	private static RuntimeException loadFailure(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new MigrateException("Could not load the migration scripts: " + cause, cause);
	}

	private static RuntimeException scriptErrorOr(FutureTask<Scripts> loading, RuntimeException databaseError) {
		try {
			loading.get();
			return databaseError;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause == databaseError) {
				return databaseError;
			}
			cause.addSuppressed(databaseError);
			return loadFailure(cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return databaseError;
		}
	}

}
