package dev.migrate.core.runtime;

import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.Step;
import dev.migrate.core.script.IndexedScript;
import dev.migrate.core.script.IndexedScriptReader;
import dev.migrate.core.script.ScriptException;
import dev.migrate.core.script.ScriptIndex;

/**
 * The steps of an upgrade planned from a {@link ScriptIndex}, whose scripts a second thread reads, parses, checks
 * against the index and splits in plan order while the runner runs the steps before them: {@link #get(int)}
 * waits for its step only. A script that is not as indexed fails {@link #get(int)} of its step, so the runner
 * stops before that revision, with the revisions before it applied and recorded as usual. {@link #close()} stops
 * the reading (after a failure, the rest is not needed).
 */
final class IndexedSteps extends AbstractList<PlannedStep> implements AutoCloseable {

	private final List<Step> steps;

	private final List<IndexedScript> scripts;

	private final List<CompletableFuture<PlannedStep>> planned;

	private volatile boolean closed;

	private IndexedSteps(List<Step> steps, List<IndexedScript> scripts) {
		this.steps = List.copyOf(steps);
		this.scripts = List.copyOf(scripts);
		this.planned = steps.stream().map((step) -> new CompletableFuture<PlannedStep>()).toList();
	}

	/**
	 * Starts reading the scripts of the steps, in order.
	 * @param index the index the steps were planned from
	 * @param steps the graph's steps
	 * @param scripts each step's facts
	 * @param planner what turns a step and its script into a runnable step
	 * @return the steps
	 */
	static IndexedSteps start(ScriptIndex index, List<Step> steps, List<IndexedScript> scripts,
			MigrationPlanner planner) {
		IndexedSteps indexed = new IndexedSteps(steps, scripts);
		if (!steps.isEmpty()) {
			Thread reader = new Thread(() -> indexed.read(index, planner), "migrate-script-reader");
			reader.setDaemon(true);
			reader.start();
		}
		return indexed;
	}

	private void read(ScriptIndex index, MigrationPlanner planner) {
		int n = 0;
		try (IndexedScriptReader reader = index.openReader()) {
			for (; n < this.steps.size() && !this.closed; n++) {
				this.planned.get(n).complete(planner.toPlanned(this.steps.get(n), reader.read(this.scripts.get(n))));
			}
		}
		catch (IOException ex) {
			failFrom(n, new ScriptException(this.scripts.get(Math.min(n, this.scripts.size() - 1)).revision().source(),
					0, "cannot read the location the index was found in: " + ex, ex));
			return;
		}
		catch (RuntimeException | Error ex) {
			failFrom(n, ex);
			return;
		}
		failFrom(n, new CancellationException("the upgrade stopped"));
	}

	// The steps from n on fail as that one did: the runner stops at the first, and none after it waits forever.
	private void failFrom(int n, Throwable failure) {
		for (int i = n; i < this.planned.size(); i++) {
			this.planned.get(i).completeExceptionally(failure);
		}
	}

	@Override
	public int size() {
		return this.steps.size();
	}

	/**
	 * Waits for a step's script.
	 * @param n the step
	 * @return the step, ready to run
	 * @throws MigrateException when its script could not be read or is not as indexed: nothing of that revision
	 * ran
	 */
	@Override
	public PlannedStep get(int n) {
		try {
			return this.planned.get(n).get();
		}
		catch (ExecutionException ex) {
			throw stopped(n, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while reading the script of revision '"
					+ this.steps.get(n).revision().id() + "'", ex);
		}
	}

	/**
	 * The next step when its script is ready and as indexed, for a runner that looks one step ahead: a failure
	 * is reported when that step's turn comes, after the steps before it ran.
	 * @param n the step
	 * @return the step, or {@code null} when its script failed
	 */
	PlannedStep peek(int n) {
		try {
			return get(n);
		}
		catch (MigrateException ex) {
			return null;
		}
	}

	private MigrateException stopped(int n, Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		String id = this.steps.get(n).revision().id();
		String before = (n == 0) ? "nothing ran"
				: "the " + MigrationCommands.describeCount(n) + " before it " + ((n == 1) ? "is" : "are")
						+ " applied and recorded";
		return new MigrateException("The upgrade stopped before revision '" + id + "', which did not run (" + before
				+ "): " + cause.getMessage(), cause);
	}

	@Override
	public void close() {
		this.closed = true;
	}

}
