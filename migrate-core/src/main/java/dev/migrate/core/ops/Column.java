package dev.migrate.core.ops;

import java.util.Objects;

/**
 * A column definition.
 *
 * @param name the column name, as the database spells it
 * @param type the SQL type, such as {@code integer}, {@code varchar(255)} or {@code decimal(10,2)}
 * @param nullable whether the column accepts {@code NULL}
 * @param defaultValue the default as an SQL expression (a literal is quoted: {@code 'new'}), or {@code null}
 * @param autoIncrement whether the engine generates values (identity, serial, {@code AUTO_INCREMENT})
 * @param comment the column comment, or {@code null}
 */
public record Column(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement,
		String comment) {

	public Column {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * A nullable column without default.
	 * @param name the name
	 * @param type the SQL type
	 * @return the column
	 */
	public static Column of(String name, String type) {
		return new Column(name, type, true, null, false, null);
	}

	/**
	 * @return this column, {@code NOT NULL}
	 */
	public Column notNull() {
		return withNullable(false);
	}

	/**
	 * @param nullable whether the column accepts {@code NULL}
	 * @return a copy with the nullability
	 */
	public Column withNullable(boolean nullable) {
		return new Column(this.name, this.type, nullable, this.defaultValue, this.autoIncrement, this.comment);
	}

	/**
	 * @param type the SQL type
	 * @return a copy with the type
	 */
	public Column withType(String type) {
		return new Column(this.name, type, this.nullable, this.defaultValue, this.autoIncrement, this.comment);
	}

	/**
	 * @param defaultValue the default SQL expression, or {@code null} for none
	 * @return a copy with the default
	 */
	public Column withDefault(String defaultValue) {
		return new Column(this.name, this.type, this.nullable, defaultValue, this.autoIncrement, this.comment);
	}

	/**
	 * @param name the new name
	 * @return a copy with the name
	 */
	public Column withName(String name) {
		return new Column(name, this.type, this.nullable, this.defaultValue, this.autoIncrement, this.comment);
	}

	/**
	 * @return a copy whose values the engine generates, {@code NOT NULL}
	 */
	public Column autoIncrementing() {
		return new Column(this.name, this.type, false, null, true, this.comment);
	}

	/**
	 * @param comment the comment, or {@code null}
	 * @return a copy with the comment
	 */
	public Column withComment(String comment) {
		return new Column(this.name, this.type, this.nullable, this.defaultValue, this.autoIncrement, comment);
	}

}
