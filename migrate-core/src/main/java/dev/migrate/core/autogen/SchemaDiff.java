package dev.migrate.core.autogen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.ops.CheckConstraint;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.Constraint;
import dev.migrate.core.ops.ForeignKey;
import dev.migrate.core.ops.Index;
import dev.migrate.core.ops.Operation;
import dev.migrate.core.ops.Table;
import dev.migrate.core.ops.UniqueConstraint;

/**
 * Compares two schemas of the same engine and returns the operations that turn the current one into the
 * desired one, ordered so each can run: renames (only on explicit hint), dropped foreign keys, dropped indexes
 * and constraints, created tables (referenced ones first), column changes, created constraints and indexes,
 * created foreign keys, dropped tables (referencing ones first). The downgrade is the inverse of each, in
 * reverse order.
 *
 * <p>Types compare after normalization ({@code int4} = {@code integer}); defaults ignoring case and redundant
 * parentheses; constraints by what they enforce, not by name (names are often engine-generated); indexes by
 * name and columns.
 *
 * <p>Over 400 lines because the order above is one algorithm: each kind of object's comparison feeds the next.
 */
final class SchemaDiff {

	/** Engine-generated constraint names that are not portable: H2's and SQL Server's. */
	private static final Pattern GENERATED_NAME = Pattern
		.compile("(?i)(CONSTRAINT_[0-9A-F_]+|(UQ|FK|CK|PK|DF)__.+)");

	/** A PostgreSQL cast such as {@code ::character varying} or {@code ::text[]}. */
	private static final Pattern CAST = Pattern.compile("::\\s*[a-z_][a-z0-9_]*(\\s+varying)?(\\s*\\[\\])?");

	private final Engine engine;

	private final RenameHints hints;

	SchemaDiff(Engine engine, RenameHints hints) {
		this.engine = engine;
		this.hints = (hints != null) ? hints : RenameHints.NONE;
	}

	List<Operation> compare(SchemaModel current, SchemaModel desired) {
		Map<String, Table> before = new LinkedHashMap<>();
		current.tables().forEach((table) -> before.put(table.name(), table));
		Map<String, Table> after = new LinkedHashMap<>();
		desired.tables().forEach((table) -> after.put(table.name(), table));
		List<Operation> renames = new ArrayList<>();
		this.hints.tables().forEach((hintFrom, hintTo) -> {
			String from = actual(before.keySet(), hintFrom);
			String to = actual(after.keySet(), hintTo);
			if (before.containsKey(from) && after.containsKey(to) && !before.containsKey(to)) {
				renames.add(new Operation.RenameTable(from, to));
				before.put(to, before.remove(from).renamed(to));
				before.replaceAll((name, table) -> retarget(table, from, to));
			}
		});
		List<String> kept = after.keySet().stream().filter(before::containsKey).toList();
		List<Table> created = after.values().stream().filter((t) -> !before.containsKey(t.name())).toList();
		List<Table> dropped = before.values().stream().filter((t) -> !after.containsKey(t.name())).toList();

		List<Operation> ops = new ArrayList<>(renames);
		List<Operation> droppedSequences = new ArrayList<>();
		sequenceChanges(current.sequences(), desired.sequences(), ops, droppedSequences);
		// foreign keys first, so the tables and columns they use can change
		for (String name : kept) {
			for (ForeignKey fk : missing(before.get(name).foreignKeys(), after.get(name).foreignKeys(),
					SchemaDiff::sameForeignKey)) {
				ops.add(new Operation.DropConstraint(fk));
			}
		}
		for (String name : kept) {
			Table from = before.get(name);
			Table to = after.get(name);
			for (Index index : missing(from.indexes(), to.indexes(), SchemaDiff::sameIndex)) {
				ops.add(new Operation.DropIndex(name, index.name(), index));
			}
			for (UniqueConstraint unique : missing(from.uniqueConstraints(), to.uniqueConstraints(),
					SchemaDiff::sameUnique)) {
				ops.add(new Operation.DropConstraint(unique));
			}
			for (CheckConstraint check : missing(from.checkConstraints(), to.checkConstraints(),
					SchemaDiff::sameCheck)) {
				ops.add(new Operation.DropConstraint(check));
			}
		}
		List<ForeignKey> deferred = new ArrayList<>();
		for (Table table : createOrder(created, deferred)) {
			ops.add(new Operation.CreateTable(forCreate(table, deferred)));
		}
		for (String name : kept) {
			ops.addAll(columnChanges(before.get(name), after.get(name)));
		}
		for (String name : kept) {
			Table from = before.get(name);
			Table to = after.get(name);
			for (UniqueConstraint unique : missing(to.uniqueConstraints(), from.uniqueConstraints(),
					SchemaDiff::sameUnique)) {
				ops.add(new Operation.CreateUniqueConstraint(named(unique)));
			}
			for (CheckConstraint check : missing(to.checkConstraints(), from.checkConstraints(),
					SchemaDiff::sameCheck)) {
				ops.add(new Operation.CreateCheckConstraint(named(check)));
			}
			for (Index index : missing(to.indexes(), from.indexes(), SchemaDiff::sameIndex)) {
				ops.add(new Operation.CreateIndex(index));
			}
		}
		for (String name : kept) {
			for (ForeignKey fk : missing(after.get(name).foreignKeys(), before.get(name).foreignKeys(),
					SchemaDiff::sameForeignKey)) {
				ops.add(new Operation.CreateForeignKey(named(fk)));
			}
		}
		for (ForeignKey fk : deferred) {
			ops.add(new Operation.CreateForeignKey(named(fk)));
		}
		List<ForeignKey> droppedCycles = new ArrayList<>();
		List<Table> dropOrder = new ArrayList<>(createOrder(dropped, droppedCycles));
		java.util.Collections.reverse(dropOrder);
		for (ForeignKey fk : droppedCycles) {
			ops.add(new Operation.DropConstraint(fk));
		}
		for (Table table : dropOrder) {
			ops.add(new Operation.DropTable(table.name(), forCreate(table, droppedCycles)));
		}
		ops.addAll(droppedSequences);
		return ops;
	}

	/**
	 * New sequences first (the tables may use them), changed increments next, dropped ones last; written as
	 * statements with their inverse, since the same three statements work on every engine that has sequences.
	 */
	private void sequenceChanges(List<SchemaModel.Sequence> before, List<SchemaModel.Sequence> after,
			List<Operation> ops, List<Operation> dropped) {
		Dialect dialect = DialectResolver.byName(this.engine.id());
		for (SchemaModel.Sequence sequence : after) {
			SchemaModel.Sequence old = before.stream()
				.filter((s) -> s.name().equalsIgnoreCase(sequence.name()))
				.findFirst()
				.orElse(null);
			String name = dialect.quote(sequence.name());
			if (old == null) {
				ops.add(new Operation.Execute(createSequence(name, sequence), "DROP SEQUENCE " + name));
			}
			else if (old.increment() != sequence.increment()) {
				ops.add(new Operation.Execute("ALTER SEQUENCE " + name + " INCREMENT BY " + sequence.increment(),
						"ALTER SEQUENCE " + name + " INCREMENT BY " + old.increment()));
			}
		}
		for (SchemaModel.Sequence sequence : before) {
			if (after.stream().noneMatch((s) -> s.name().equalsIgnoreCase(sequence.name()))) {
				String name = dialect.quote(sequence.name());
				dropped.add(new Operation.Execute("DROP SEQUENCE " + name, createSequence(name, sequence)));
			}
		}
	}

	private static String createSequence(String quotedName, SchemaModel.Sequence sequence) {
		return "CREATE SEQUENCE " + quotedName + " START WITH " + sequence.start() + " INCREMENT BY "
				+ sequence.increment();
	}

	/**
	 * Differences no operation is generated for: a changed primary key.
	 */
	List<String> notGenerated(SchemaModel current, SchemaModel desired) {
		List<String> notes = new ArrayList<>();
		for (Table to : desired.tables()) {
			String oldName = this.hints.tables()
				.entrySet()
				.stream()
				.filter((hint) -> hint.getValue().equalsIgnoreCase(to.name()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(to.name());
			current.tables()
				.stream()
				.filter((from) -> from.name().equalsIgnoreCase(oldName) || from.name().equals(to.name()))
				.findFirst()
				.ifPresent((from) -> {
					List<String> before = lower(from.primaryKey().stream()
						.map((column) -> renamedColumn(to.name(), column))
						.toList());
					if (!before.equals(lower(to.primaryKey()))) {
						notes.add("the primary key of " + to.name() + " differs (database " + from.primaryKey()
								+ ", model " + to.primaryKey() + "); autogenerate does not write primary key changes,"
								+ " add them to the revision by hand");
					}
				});
		}
		return notes;
	}

	private String renamedColumn(String table, String column) {
		for (Map.Entry<String, String> hint : this.hints.columns().entrySet()) {
			int dot = hint.getKey().lastIndexOf('.');
			if (hint.getKey().substring(0, dot).equalsIgnoreCase(table)
					&& hint.getKey().substring(dot + 1).equalsIgnoreCase(column)) {
				return hint.getValue();
			}
		}
		return column;
	}

	private List<Operation> columnChanges(Table from, Table to) {
		List<Operation> ops = new ArrayList<>();
		Map<String, Column> existing = new LinkedHashMap<>();
		from.columns().forEach((column) -> existing.put(column.name(), column));
		for (Column column : to.columns()) {
			String hinted = hintedOldName(to.name(), column.name(), existing);
			if (hinted != null) {
				ops.add(new Operation.RenameColumn(to.name(), hinted, column.name()));
				existing.put(column.name(), existing.remove(hinted).withName(column.name()));
			}
		}
		for (Column column : to.columns()) {
			Column old = existing.get(column.name());
			if (old == null) {
				ops.add(new Operation.AddColumn(to.name(), column));
			}
			else if (!sameColumn(old, column)) {
				ops.add(new Operation.AlterColumn(to.name(), old, column));
			}
		}
		for (Column column : existing.values()) {
			if (to.column(column.name()).isEmpty()) {
				ops.add(new Operation.DropColumn(to.name(), column.name(), column));
			}
		}
		return ops;
	}

	private String hintedOldName(String table, String column, Map<String, Column> existing) {
		for (Map.Entry<String, String> hint : this.hints.columns().entrySet()) {
			int dot = hint.getKey().lastIndexOf('.');
			String hintTable = hint.getKey().substring(0, dot);
			String oldName = actual(existing.keySet(), hint.getKey().substring(dot + 1));
			if (hintTable.equalsIgnoreCase(table) && hint.getValue().equalsIgnoreCase(column)
					&& existing.containsKey(oldName) && !existing.containsKey(column)) {
				return oldName;
			}
		}
		return null;
	}

	/**
	 * Tables in an order where each comes after the tables it references; foreign keys that close a cycle are
	 * collected into {@code deferred} to be added after the tables exist.
	 */
	private static List<Table> createOrder(List<Table> tables, List<ForeignKey> deferred) {
		Map<String, Table> byName = new LinkedHashMap<>();
		tables.forEach((table) -> byName.put(table.name(), table));
		List<Table> ordered = new ArrayList<>();
		Set<String> done = new HashSet<>();
		Set<String> visiting = new LinkedHashSet<>();
		for (Table table : tables) {
			visit(table, byName, done, visiting, ordered, deferred);
		}
		return ordered;
	}

	private static void visit(Table table, Map<String, Table> byName, Set<String> done, Set<String> visiting,
			List<Table> ordered, List<ForeignKey> deferred) {
		if (done.contains(table.name())) {
			return;
		}
		visiting.add(table.name());
		for (ForeignKey fk : table.foreignKeys()) {
			Table target = byName.get(fk.referencedTable());
			if (target == null || target.name().equals(table.name())) {
				continue;
			}
			if (visiting.contains(target.name())) {
				deferred.add(fk);
			}
			else {
				visit(target, byName, done, visiting, ordered, deferred);
			}
		}
		visiting.remove(table.name());
		done.add(table.name());
		ordered.add(table);
	}

	/**
	 * The table as a create statement should state it: without deferred foreign keys, and without names the
	 * engine generated (it generates new ones).
	 */
	private Table forCreate(Table table, List<ForeignKey> deferred) {
		return table.withKeys(table.indexes(),
				table.uniqueConstraints().stream().map((u) -> (UniqueConstraint) portable(u)).toList(),
				table.foreignKeys().stream().filter((fk) -> !deferred.contains(fk))
					.map((fk) -> (ForeignKey) portable(fk)).toList(),
				table.checkConstraints().stream().map((c) -> (CheckConstraint) portable(c)).toList());
	}

	private static Constraint portable(Constraint constraint) {
		return (constraint.name() != null && GENERATED_NAME.matcher(constraint.name()).matches())
				? constraint.withName(null) : constraint;
	}

	/**
	 * A constraint added to an existing table gets a conventional name when it has none (or an engine-generated
	 * one), so that the downgrade can drop it by name: {@code uq_<table>_<columns>}, {@code fk_<table>_<columns>},
	 * {@code ck_<table>_<n>}. SQLite keeps constraints unnamed: its rebuild finds them by content.
	 */
	@SuppressWarnings("unchecked")
	private <C extends Constraint> C named(C constraint) {
		if (this.engine == Engine.SQLITE
				|| (constraint.name() != null && !GENERATED_NAME.matcher(constraint.name()).matches())) {
			return constraint;
		}
		String name;
		if (constraint instanceof UniqueConstraint unique) {
			name = "uq_" + unique.table() + "_" + String.join("_", unique.columns());
		}
		else if (constraint instanceof ForeignKey fk) {
			name = "fk_" + fk.table() + "_" + String.join("_", fk.columns());
		}
		else {
			name = "ck_" + constraint.table() + "_"
					+ Integer.toHexString(normalizeExpression(((CheckConstraint) constraint).expression()).hashCode());
		}
		name = name.replaceAll("[^A-Za-z0-9_]", "_");
		if (name.length() > 60) {
			name = name.substring(0, 51) + "_" + Integer.toHexString(name.hashCode());
		}
		if (this.engine == Engine.H2) {
			name = name.toUpperCase(Locale.ROOT);
		}
		return (C) constraint.withName(name);
	}

	private static String actual(java.util.Collection<String> names, String name) {
		return names.stream().filter((n) -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
	}

	private static Table retarget(Table table, String from, String to) {
		return table.withKeys(table.indexes(), table.uniqueConstraints(),
				table.foreignKeys().stream().map((fk) -> fk.referencedTable().equals(from)
						? new ForeignKey(fk.name(), fk.table(), fk.columns(), to, fk.referencedColumns(), fk.onDelete(),
								fk.onUpdate())
						: fk).toList(),
				table.checkConstraints());
	}

	private static <T> List<T> missing(List<T> source, List<T> other, BiPredicate<T, T> same) {
		return source.stream().filter((item) -> other.stream().noneMatch((o) -> same.test(item, o))).toList();
	}

	static boolean sameColumn(Column a, Column b) {
		return a.name().equals(b.name()) && TypeNames.normalize(a.type()).equals(TypeNames.normalize(b.type()))
				&& a.nullable() == b.nullable() && a.autoIncrement() == b.autoIncrement()
				&& Objects.equals(normalizeDefault(a), normalizeDefault(b))
				&& Objects.equals(a.comment(), b.comment());
	}

	private static String normalizeDefault(Column column) {
		if (column.autoIncrement() || column.defaultValue() == null) {
			return null;
		}
		String text = column.defaultValue().trim();
		while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
			text = text.substring(1, text.length() - 1).trim();
		}
		return text.equalsIgnoreCase("null") ? null : text.toLowerCase(Locale.ROOT);
	}

	private static boolean balanced(String text) {
		int depth = 0;
		for (char c : text.toCharArray()) {
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	static boolean sameIndex(Index a, Index b) {
		return a.name().equalsIgnoreCase(b.name()) && a.unique() == b.unique()
				&& lower(a.columns()).equals(lower(b.columns()));
	}

	static boolean sameUnique(UniqueConstraint a, UniqueConstraint b) {
		return lower(a.columns()).equals(lower(b.columns()));
	}

	static boolean sameCheck(CheckConstraint a, CheckConstraint b) {
		return normalizeExpression(a.expression()).equals(normalizeExpression(b.expression()));
	}

	static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
		return lower(a.columns()).equals(lower(b.columns()))
				&& a.referencedTable().equalsIgnoreCase(b.referencedTable())
				&& lower(a.referencedColumns()).equals(lower(b.referencedColumns()))
				&& Objects.equals(a.onDelete(), b.onDelete()) && Objects.equals(a.onUpdate(), b.onUpdate());
	}

	static String normalizeExpression(String expression) {
		// PostgreSQL reports casts it adds itself (status::text = ANY (ARRAY['A'::character varying])), and adds
		// them again to an expression that already has them; the comparison is by what is left without them
		String uncast = CAST.matcher(expression.toLowerCase(Locale.ROOT)).replaceAll("");
		return uncast.replaceAll("[\\s()\"`\\[\\]]", "");
	}

	private static List<String> lower(List<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
	}


}
