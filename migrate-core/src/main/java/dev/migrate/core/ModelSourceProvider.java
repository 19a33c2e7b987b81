package dev.migrate.core;

/**
 * Turns a model named with a scheme ({@code jpa:com.example.shop}) into a {@link ModelSource}. Implementations
 * live in optional modules ({@code migrate-jpa}) and are found with {@link java.util.ServiceLoader}, so the core
 * and the command line need none of their libraries.
 */
public interface ModelSourceProvider {

	/**
	 * @return the scheme this provider answers to, such as {@code jpa}
	 */
	String scheme();

	/**
	 * @param argument what follows the scheme and its colon, such as {@code com.example.shop}
	 * @param classLoader the loader that sees the application's classes
	 * @return the model
	 */
	ModelSource modelSource(String argument, ClassLoader classLoader);

}
