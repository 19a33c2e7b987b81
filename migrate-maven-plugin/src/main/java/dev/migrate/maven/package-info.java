/**
 * The {@code migrate:} Maven goals, one class per command ({@code UpgradeMojo}, {@code CheckMojo}...), each on top of
 * {@link dev.migrate.maven.AbstractMigrateMojo}, which resolves the connection (parameters, {@code settings.xml}
 * servers, the project's {@code spring.datasource.*}) and runs the goal with the project's runtime classpath.
 */
package dev.migrate.maven;
