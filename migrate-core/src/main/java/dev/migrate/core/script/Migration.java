package dev.migrate.core.script;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision metadata of a {@link JavaMigration}: the same facts a SQL script's header carries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Migration {

	/**
	 * @return the revision id
	 */
	String id();

	/**
	 * @return the ids this revision revises; empty for a base
	 */
	String[] revises() default {};

	/**
	 * @return the one-line description
	 */
	String message() default "";

	/**
	 * @return branch labels
	 */
	String[] branchLabels() default {};

	/**
	 * @return ids this revision depends on
	 */
	String[] dependsOn() default {};

	/**
	 * @return the creation date as {@code yyyy-MM-dd HH:mm:ss}, or empty
	 */
	String createDate() default "";

	/**
	 * @return whether the revision runs inside a transaction
	 */
	boolean transactional() default true;

}
