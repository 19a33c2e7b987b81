package dev.migrate.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where autogenerate finds the desired schema: DDL ({@code schema.sql}), from a file, given as text, or generated
 * for the target's engine (from JPA entities, by {@code migrate-jpa}), applied to a scratch database of that engine.
 *
 * @param file the DDL file, or {@code null} when {@code text} holds the DDL
 * @param devUrl a JDBC URL for the scratch work, or {@code null}: SQLite and H2 use an in-memory database,
 * PostgreSQL a temporary schema and MySQL/MariaDB a temporary database on the target's server; SQL Server needs
 * one (an empty database)
 * @param devUser the dev database's user, or {@code null}
 * @param devPassword the dev database's password, or {@code null}; never logged
 * @param renames rename hints, {@code old_table=new_table} or {@code table.old_column=new_column}; without a hint a
 * rename is a drop plus an add
 * @param text the DDL given as text (such as a classpath resource's content), or {@code null} when {@code file}
 * names it
 */
public record ModelSource(Path file, String devUrl, String devUser, String devPassword, List<String> renames,
		Text text) {

	public ModelSource {
		if ((file == null) == (text == null)) {
			throw new IllegalArgumentException("A model source needs either a file or a text, not both");
		}
		renames = (renames != null) ? List.copyOf(renames) : List.of();
	}

	/**
	 * A model source read from a file.
	 * @param file the DDL file
	 * @param devUrl a JDBC URL for the scratch work, or {@code null}
	 * @param devUser the dev database's user, or {@code null}
	 * @param devPassword the dev database's password, or {@code null}
	 * @param renames rename hints
	 */
	public ModelSource(Path file, String devUrl, String devUser, String devPassword, List<String> renames) {
		this(Objects.requireNonNull(file, "file"), devUrl, devUser, devPassword, renames, null);
	}

	/**
	 * @param file the DDL file
	 * @return a model source with the default scratch database and no rename hints
	 */
	public static ModelSource of(Path file) {
		return new ModelSource(file, null, null, null, List.of());
	}

	/**
	 * A model given as text, such as the content of {@code classpath:schema.sql}.
	 * @param name where the text came from, for messages (such as {@code classpath:schema.sql})
	 * @param ddl the DDL
	 * @return a model source with the default scratch database and no rename hints
	 */
	public static ModelSource ofText(String name, String ddl) {
		return new ModelSource(null, null, null, null, List.of(), new Text(name, ddl));
	}

	/**
	 * A model whose DDL depends on the target's engine, such as the schema Hibernate exports for its dialect:
	 * {@code ddl} is called once the engine is known.
	 * @param name what the model is, for messages (such as {@code jpa:com.example.shop})
	 * @param ddl the DDL for an engine
	 * @return a model source with the default scratch database and no rename hints
	 */
	public static ModelSource generated(String name, DdlGenerator ddl) {
		return new ModelSource(null, null, null, null, List.of(), new Text(name, ddl));
	}

	/**
	 * @param hints rename hints, {@code old_table=new_table} or {@code table.old_column=new_column}
	 * @return a copy with these hints
	 */
	public ModelSource withRenames(List<String> hints) {
		return new ModelSource(this.file, this.devUrl, this.devUser, this.devPassword, hints, this.text);
	}

	/**
	 * @param url the JDBC URL of a scratch database for the model, or {@code null} for the default
	 * @param user its user, or {@code null}
	 * @param password its password, or {@code null}
	 * @return a copy that loads the model there
	 */
	public ModelSource withDevDatabase(String url, String user, String password) {
		return new ModelSource(this.file, url, user, password, this.renames, this.text);
	}

	/**
	 * @return the file or the text's name, for messages
	 */
	public String name() {
		return (this.file != null) ? this.file.toString() : this.text.name();
	}

	@Override
	public String toString() {
		return "ModelSource[" + ((this.file != null) ? "file=" + this.file : "text=" + this.text.name()) + ", devUrl="
				+ ((this.devUrl != null) ? "(set)" : null) + ", renames=" + this.renames + "]";
	}

	/**
	 * Model DDL given as text, or generated for the target's engine.
	 *
	 * @param name where it came from, for messages
	 * @param ddl the DDL for an engine
	 */
	public record Text(String name, DdlGenerator ddl) {

		public Text {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(ddl, "ddl");
		}

		/**
		 * @param name where it came from, for messages
		 * @param ddl the DDL, the same for every engine
		 */
		public Text(String name, String ddl) {
			this(name, fixed(Objects.requireNonNull(ddl, "ddl")));
		}

		private static DdlGenerator fixed(String ddl) {
			return (engine) -> ddl;
		}

		@Override
		public String toString() {
			return "Text[" + this.name + "]";
		}

	}

	/**
	 * Produces the model's DDL for the engine of the database it is compared with.
	 */
	@FunctionalInterface
	public interface DdlGenerator {

		/**
		 * @param engine the target's engine name ({@code postgresql}, {@code mariadb}, {@code sqlite}, ...)
		 * @return the DDL, statements separated by semicolons
		 */
		String ddl(String engine);

	}

}
