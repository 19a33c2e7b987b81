package dev.migrate.core.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.graph.Direction;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.graph.Step;
import dev.migrate.core.graph.Target;
import dev.migrate.core.runtime.MigrationPlanner.Checked;
import dev.migrate.core.script.IndexedScript;
import dev.migrate.core.script.Placeholders;
import dev.migrate.core.script.ScriptIndex;
import dev.migrate.core.script.SqlSyntax;

/**
 * The revisions of a location as its {@link ScriptIndex} records them, for an upgrade that has work to do: the
 * graph, validation against the history and the plan come from the index's facts, and the scripts' bodies are
 * read during the run, each just ahead of its turn ({@link IndexedSteps}), instead of all of them before the
 * first revision. Only for what the facts fully describe: one location whose index still matches its files (size
 * and time, or size and CRC-32, per file, as for the up-to-date check), holding revisions only (a repeatable
 * script or callback takes the usual path), with no Java migrations. Immutable.
 */
final class IndexedScripts {

	private final ScriptIndex index;

	private final Map<String, IndexedScript> byId;

	private final RevisionGraph graph;

	private IndexedScripts(ScriptIndex index, Map<String, IndexedScript> byId, RevisionGraph graph) {
		this.index = index;
		this.byId = byId;
		this.graph = graph;
	}

	/**
	 * Whether an upgrade may look for an index to plan from (cheap: no file is read).
	 * @param config the configuration
	 * @param scripts the commands' script cache: a pinned one (a fleet run's tenant) has its scripts read already
	 * @return whether to try {@link #find}
	 */
	static boolean mayApply(MigrateConfig config, ScriptCache scripts) {
		return config.javaMigrations().isEmpty() && !scripts.isPinned()
				&& ScriptIndex.present(config.locations(), config.classLoader());
	}

	/**
	 * The index's revisions, when the index still describes its files and its facts cover them.
	 * @param config the configuration
	 * @param checked the index the up-to-date check of this upgrade found matching its files, or {@code null}
	 * to check it now
	 * @return the revisions, or {@code null} for the usual path (which reports whatever is wrong)
	 */
	static IndexedScripts find(MigrateConfig config, ScriptIndex checked) {
		ScriptIndex index = (checked != null) ? checked
				: ScriptIndex.find(config.locations(), config.classLoader()).orElse(null);
		List<IndexedScript> scripts = (index != null) ? index.scripts().orElse(null) : null;
		if (scripts == null) {
			return null;
		}
		Map<String, IndexedScript> byId = new HashMap<>();
		for (IndexedScript script : scripts) {
			if (script.kind() != IndexedScript.Kind.REVISION || byId.put(script.revision().id(), script) != null) {
				return null;
			}
		}
		List<Revision> revisions = scripts.stream()
			.map(IndexedScript::revision)
			.sorted(java.util.Comparator.comparing(Revision::id))
			.toList();
		try {
			RevisionGraph graph = RevisionGraph.of(revisions);
			List<String> heads = graph.heads().stream().map(Revision::id).sorted().toList();
			return heads.equals(index.heads()) ? new IndexedScripts(index, byId, graph) : null;
		}
		catch (MigrateException ex) {
			return null;
		}
	}

	RevisionGraph graph() {
		return this.graph;
	}

	/**
	 * @return the digest of the indexed scripts, as {@link dev.migrate.core.script.ScriptDirectory#digest()}
	 */
	String digest() {
		return this.index.digest();
	}

	/**
	 * @param id a revision id
	 * @return what validation compares of its script, or {@code null} when no script defines it
	 */
	Checked checked(String id) {
		IndexedScript script = this.byId.get(id);
		return (script != null) ? new Checked(script.revision().source(), script.checksum()) : null;
	}

	/**
	 * Plans an upgrade and starts reading its scripts, when the facts show every step can run as planned: each
	 * script has an upgrade section for the engine that splits, and no placeholder to replace. Otherwise the
	 * usual planner, which reads every script first, reports what is wrong before anything runs.
	 * @param rows the version rows
	 * @param target the target
	 * @param dialect the session's dialect
	 * @param placeholders the session's placeholders
	 * @return the steps, read as the run reaches them, or {@code null} to plan from the scripts instead
	 */
	IndexedSteps plan(Collection<String> rows, Target target, Dialect dialect, Placeholders placeholders) {
		SqlSyntax syntax = (dialect.engine() != null) ? SqlSyntax.of(dialect.engine()) : null;
		if (syntax == null) {
			return null;
		}
		List<Step> steps = this.graph.plan(rows, target, Direction.UPGRADE);
		List<IndexedScript> scripts = new java.util.ArrayList<>(steps.size());
		for (Step step : steps) {
			IndexedScript script = this.byId.get(step.revision().id());
			if (!script.upgradable().contains(syntax)
					|| (placeholders.enabled() && script.placeholders() && script.placeholderText())) {
				return null;
			}
			scripts.add(script);
		}
		return IndexedSteps.start(this.index, steps, scripts,
				new MigrationPlanner(this.graph, null, dialect, placeholders));
	}

}
