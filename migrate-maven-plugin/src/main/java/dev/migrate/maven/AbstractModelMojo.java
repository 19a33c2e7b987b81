package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that compare the database with a model ({@code migrate:revision -Dmigrate.autogenerate} and
 * {@code migrate:check -Dmigrate.model=...}): the model, where its entities are, and the scratch database it is
 * loaded into, read the same way by both.
 */
public abstract class AbstractModelMojo extends AbstractMigrateMojo {

	/**
	 * The model: {@code jpa} (the project's entities, read from its compiled classes), {@code jpa:PACKAGE[,PACKAGE]},
	 * {@code jpa:META-INF/persistence.xml[#unit]}, or a DDL file relative to the project. {@code migrate:revision}
	 * uses {@code jpa} when it is not set; {@code migrate:check} compares with a model only when it is set.
	 */
	@Parameter(property = "migrate.model")
	String model;

	/**
	 * The packages holding the entities, comma separated; by default those of the project's
	 * {@code @EntityScan}, else its {@code @SpringBootApplication} class's package.
	 */
	@Parameter(property = "migrate.entityPackages")
	String entityPackages;

	/**
	 * A scratch database to load the model into (by default an in-memory one for SQLite and H2, a temporary
	 * schema or database on the target's server otherwise; required for SQL Server). Its password is the user
	 * property {@code migrate.devPassword}.
	 */
	@Parameter(property = "migrate.devUrl")
	String devUrl;

	/** The scratch database's user. */
	@Parameter(property = "migrate.devUser")
	String devUser;

	/**
	 * @return whether {@code migrate.model} is set
	 */
	final boolean modelSet() {
		return this.model != null && !this.model.isBlank();
	}

	/**
	 * @return the model settings, with the scratch database's password from the user property
	 */
	final ModelParameters modelParameters() {
		return new ModelParameters(this.model, this.entityPackages, this.devUrl, this.devUser,
				userProperty("migrate.devPassword"));
	}

}
