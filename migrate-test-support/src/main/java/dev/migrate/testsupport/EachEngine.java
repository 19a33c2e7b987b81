package dev.migrate.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per engine, each time with a fresh {@link TestDatabase} parameter that is
 * dropped afterwards. An engine that cannot be reached is reported as a skipped invocation with the reason,
 * or as a failure under {@code CI=true} for PostgreSQL and MariaDB.
 *
 * <pre class="code">
 * &#64;EachEngine
 * void upgradesToHead(TestDatabase database) { ... }
 *
 * &#64;EachEngine(exclude = Engine.SQLITE)
 * void locksAcrossSessions(TestDatabase database) { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachEngineExtension.class)
public @interface EachEngine {

	/**
	 * The engines to run on; all of them by default.
	 * @return the engines
	 */
	Engine[] value() default { Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL, Engine.SQLSERVER, Engine.SQLITE,
			Engine.H2 };

	/**
	 * Engines to leave out, for example those the feature under test does not support.
	 * @return the engines to leave out
	 */
	Engine[] exclude() default {};

}
