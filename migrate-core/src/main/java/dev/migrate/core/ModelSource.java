package dev.migrate.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where autogenerate finds the desired schema: a DDL file ({@code schema.sql}) applied to a scratch database of
 * the target's engine.
 *
 * @param file the DDL file
 * @param devUrl a JDBC URL for the scratch work, or {@code null}: SQLite and H2 use an in-memory database,
 * PostgreSQL a temporary schema and MySQL/MariaDB a temporary database on the target's server; SQL Server needs
 * one (an empty database)
 * @param devUser the dev database's user, or {@code null}
 * @param devPassword the dev database's password, or {@code null}; never logged
 * @param renames rename hints, {@code old_table=new_table} or {@code table.old_column=new_column}; without a hint a
 * rename is a drop plus an add
 */
public record ModelSource(Path file, String devUrl, String devUser, String devPassword, List<String> renames) {

	public ModelSource {
		Objects.requireNonNull(file, "file");
		renames = (renames != null) ? List.copyOf(renames) : List.of();
	}

	/**
	 * @param file the DDL file
	 * @return a model source with the default scratch database and no rename hints
	 */
	public static ModelSource of(Path file) {
		return new ModelSource(file, null, null, null, List.of());
	}

	@Override
	public String toString() {
		return "ModelSource[file=" + this.file + ", devUrl=" + ((this.devUrl != null) ? "(set)" : null) + ", renames="
				+ this.renames + "]";
	}

}
