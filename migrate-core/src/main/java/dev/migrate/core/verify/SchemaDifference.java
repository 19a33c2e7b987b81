package dev.migrate.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * One object that differs between the schema a check expected and the schema it found.
 *
 * @param kind whether the object is extra, missing or changed in the schema found
 * @param object the object, such as {@code index ix_customer_name on customer} or {@code column customer.email}
 * @param fixSql the statements that turn the schema found into the one expected (empty when none can be derived)
 */
public record SchemaDifference(Kind kind, String object, List<String> fixSql) {

	public SchemaDifference {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(object, "object");
		fixSql = List.copyOf(fixSql);
	}

	/**
	 * How the object differs.
	 */
	public enum Kind {

		/** The schema found has it, the expected one does not (a downgrade left it behind). */
		EXTRA,

		/** The expected schema has it, the schema found does not (a downgrade dropped too much). */
		MISSING,

		/** Both have it, defined differently. */
		CHANGED

	}

}
