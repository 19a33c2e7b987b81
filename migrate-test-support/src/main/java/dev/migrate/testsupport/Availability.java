package dev.migrate.testsupport;

/**
 * Whether an engine can be used by tests in this JVM, and if not, why.
 */
sealed interface Availability {

	record Available(Server server) implements Availability {
	}

	/**
	 * @param reason why the engine cannot be used, naming the URL that was tried
	 * @param required whether the run must fail rather than skip ({@code CI=true} and a required engine)
	 */
	record Unavailable(Engine engine, String reason, boolean required) implements Availability {
	}

}
