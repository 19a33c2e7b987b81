package dev.migrate.core.verify;

import java.util.List;

import dev.migrate.core.MigrateException;

/**
 * The migration tests were refused because the database is not empty: they downgrade to base, which would drop
 * what is there. Nothing was changed.
 */
public class NonEmptyDatabaseException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final List<String> objects;

	/**
	 * @param objects what the database holds, such as {@code table customer} or {@code revision a0001}
	 */
	public NonEmptyDatabaseException(List<String> objects) {
		super("The database is not empty (" + summary(objects) + "); the migration tests downgrade to base and would"
				+ " drop it: point them at an empty scratch database, or allow a non-empty one explicitly");
		this.objects = List.copyOf(objects);
	}

	/**
	 * @return what the database holds, such as {@code table customer} or {@code revision a0001}
	 */
	public List<String> getObjects() {
		return this.objects;
	}

	private static String summary(List<String> objects) {
		int shown = Math.min(objects.size(), 5);
		String listed = String.join(", ", objects.subList(0, shown));
		return (objects.size() > shown) ? listed + " and " + (objects.size() - shown) + " more" : listed;
	}

}
