package dev.migrate.core.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.autogen.Autogenerate;
import dev.migrate.core.autogen.Comparison;
import dev.migrate.core.autogen.SchemaModel;
import dev.migrate.core.autogen.SchemaModel.View;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.ops.CheckConstraint;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.Constraint;
import dev.migrate.core.ops.ForeignKey;
import dev.migrate.core.ops.Index;
import dev.migrate.core.ops.Operation;
import dev.migrate.core.verify.SchemaDifference.Kind;

/**
 * The differences between a schema found and the schema expected, object by object, each with the SQL that turns
 * the one found into the one expected. Tables go through autogenerate's diff and renderers (so the SQL is what a
 * revision would hold, SQLite rebuilds included); views and sequences, which autogenerate leaves alone, are
 * compared here by name and definition.
 */
final class SchemaComparison {

	/** The sequence a statement autogenerate wrote for a sequence names ({@code DROP SEQUENCE "s"}). */
	private static final Pattern SEQUENCE = Pattern.compile("(?i)^\\s*(?:CREATE|DROP|ALTER)\\s+SEQUENCE\\s+(\\S+)");

	private final Autogenerate autogenerate;

	private final Dialect dialect;

	SchemaComparison(Autogenerate autogenerate, Dialect dialect) {
		this.autogenerate = autogenerate;
		this.dialect = dialect;
	}

	List<SchemaDifference> compare(SchemaModel found, SchemaModel expected) {
		List<SchemaDifference> differences = new ArrayList<>();
		// views first: a view left behind must go before the tables it reads change
		differences.addAll(objects(found.views(), expected.views(), View::name, SchemaComparison::sameView,
				"view", this::createView, (view) -> "DROP VIEW " + this.dialect.quote(view.name())));
		Comparison tables = this.autogenerate.compare(found, expected);
		for (int i = 0; i < tables.upgrade().size(); i++) {
			Operation operation = tables.upgrade().get(i);
			differences.add(new SchemaDifference(kind(operation), object(operation),
					tables.changes().get(i).upgradeSql()));
		}
		for (String note : tables.notGenerated()) {
			differences.add(new SchemaDifference(Kind.CHANGED, note, List.of()));
		}
		return differences;
	}

	private <T> List<SchemaDifference> objects(List<T> found, List<T> expected, Function<T, String> name,
			java.util.function.BiPredicate<T, T> same, String noun, Function<T, String> create,
			Function<T, String> drop) {
		Map<String, T> byName = new TreeMap<>();
		found.forEach((item) -> byName.put(name.apply(item).toLowerCase(Locale.ROOT), item));
		List<SchemaDifference> differences = new ArrayList<>();
		for (T wanted : expected) {
			T present = byName.remove(name.apply(wanted).toLowerCase(Locale.ROOT));
			if (present == null) {
				differences.add(new SchemaDifference(Kind.MISSING, noun + " " + name.apply(wanted),
						List.of(create.apply(wanted))));
			}
			else if (!same.test(present, wanted)) {
				differences.add(new SchemaDifference(Kind.CHANGED, noun + " " + name.apply(wanted),
						List.of(drop.apply(present), create.apply(wanted))));
			}
		}
		byName.values().forEach((extra) -> differences
			.add(new SchemaDifference(Kind.EXTRA, noun + " " + name.apply(extra), List.of(drop.apply(extra)))));
		return differences;
	}

	private String createView(View view) {
		return "CREATE VIEW " + this.dialect.quote(view.name()) + " AS " + view.definition();
	}

	private static boolean sameView(View a, View b) {
		return normalized(a.definition()).equals(normalized(b.definition()));
	}

	private static String normalized(String sql) {
		String text = sql.trim();
		if (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1);
		}
		return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static Kind kind(Operation operation) {
		if (operation instanceof Operation.Execute execute) {
			// autogenerate writes sequence changes as statements
			String sql = execute.sql().toUpperCase(Locale.ROOT);
			return sql.startsWith("DROP ") ? Kind.EXTRA : sql.startsWith("CREATE ") ? Kind.MISSING : Kind.CHANGED;
		}
		if (operation instanceof Operation.AlterColumn || operation instanceof Operation.RenameTable
				|| operation instanceof Operation.RenameColumn) {
			return Kind.CHANGED;
		}
		if (operation instanceof Operation.DropTable || operation instanceof Operation.DropColumn
				|| operation instanceof Operation.DropIndex || operation instanceof Operation.DropConstraint) {
			return Kind.EXTRA;
		}
		return Kind.MISSING;
	}

	/**
	 * The object an operation creates, drops or changes, as a person names it.
	 */
	private static String object(Operation operation) {
		if (operation instanceof Operation.CreateTable create) {
			return "table " + create.table().name();
		}
		if (operation instanceof Operation.DropTable drop) {
			return "table " + drop.table();
		}
		if (operation instanceof Operation.AddColumn add) {
			return "column " + add.table() + "." + add.column().name() + " (" + column(add.column()) + ")";
		}
		if (operation instanceof Operation.DropColumn drop) {
			return "column " + drop.table() + "." + drop.column()
					+ ((drop.definition() != null) ? " (" + column(drop.definition()) + ")" : "");
		}
		if (operation instanceof Operation.AlterColumn alter) {
			return "column " + alter.table() + "." + alter.desired().name() + " (" + column(alter.existing())
					+ ", expected " + column(alter.desired()) + ")";
		}
		if (operation instanceof Operation.CreateIndex create) {
			return index(create.index());
		}
		if (operation instanceof Operation.DropIndex drop) {
			return (drop.definition() != null) ? index(drop.definition())
					: "index " + drop.name() + " on " + drop.table();
		}
		if (operation instanceof Operation.CreateUniqueConstraint create) {
			return constraint(create.constraint());
		}
		if (operation instanceof Operation.CreateCheckConstraint create) {
			return constraint(create.constraint());
		}
		if (operation instanceof Operation.CreateForeignKey create) {
			return constraint(create.foreignKey());
		}
		if (operation instanceof Operation.DropConstraint drop) {
			return constraint(drop.constraint());
		}
		if (operation instanceof Operation.Execute execute) {
			Matcher sequence = SEQUENCE.matcher(execute.sql());
			if (sequence.find()) {
				return "sequence " + sequence.group(1).replaceAll("[\"`\\[\\]]", "");
			}
		}
		return operation.describe();
	}

	private static String column(Column column) {
		return column.type() + (column.nullable() ? " null" : " not null")
				+ ((column.defaultValue() != null) ? " default " + column.defaultValue() : "")
				+ (column.autoIncrement() ? " generated" : "");
	}

	private static String index(Index index) {
		return (index.unique() ? "unique index " : "index ") + index.name() + " on " + index.table() + " ("
				+ String.join(", ", index.columns()) + ")";
	}

	private static String constraint(Constraint constraint) {
		String name = (constraint.name() != null) ? constraint.name() + " " : "";
		if (constraint instanceof ForeignKey fk) {
			return "foreign key " + name + "on " + fk.table() + " (" + String.join(", ", fk.columns())
					+ ") references " + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ")";
		}
		if (constraint instanceof CheckConstraint check) {
			return "check constraint " + name + "on " + check.table() + " (" + check.expression() + ")";
		}
		return "unique constraint " + name + "on " + constraint.table() + " ("
				+ String.join(", ", ((dev.migrate.core.ops.UniqueConstraint) constraint).columns()) + ")";
	}

}
