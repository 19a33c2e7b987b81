package dev.migrate.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One step of a plan: run one revision's upgrade or downgrade, and change the version table from
 * {@code rowsBefore} to {@code rowsAfter}.
 * <p>
 * The version table holds one row per current head: the applied revisions that nothing else applied revises or
 * depends on. An upgrade step adds its revision and removes the rows of its parents (and dependencies) that were
 * rows; a downgrade step removes its revision's row and adds back each parent (or dependency) that no other applied
 * revision builds on. {@link #rowsDeleted()} and {@link #rowsInserted()} give the difference, so the runtime can turn
 * it into one {@code UPDATE} (one row out, one in), {@code INSERT}s and {@code DELETE}s, as Alembic's
 * {@code HeadMaintainer} does.
 *
 * @param revision the revision to run
 * @param direction whether to run its upgrade or its downgrade
 * @param rowsBefore the whole version table before the step: unmodifiable, iterated in sorted order
 * @param rowsAfter the whole version table after the step: unmodifiable, iterated in sorted order
 */
public record Step(Revision revision, Direction direction, Set<String> rowsBefore, Set<String> rowsAfter) {

	/**
	 * Checks the arguments; sets that are not already immutable snapshots are copied.
	 */
	public Step {
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(direction, "direction");
		rowsBefore = snapshot(rowsBefore);
		rowsAfter = snapshot(rowsAfter);
	}

	/**
	 * @return the rows this step deletes, sorted
	 */
	public List<String> rowsDeleted() {
		if (this.direction == Direction.UPGRADE) {
			return parentsWhere(this.rowsBefore, this.rowsAfter);
		}
		return this.rowsBefore.contains(this.revision.id()) ? List.of(this.revision.id()) : List.of();
	}

	/**
	 * @return the rows this step inserts, sorted
	 */
	public List<String> rowsInserted() {
		if (this.direction == Direction.DOWNGRADE) {
			return parentsWhere(this.rowsAfter, this.rowsBefore);
		}
		return this.rowsBefore.contains(this.revision.id()) ? List.of() : List.of(this.revision.id());
	}

	// the revision's parents and dependencies that are in one set and not in the other
	private List<String> parentsWhere(Set<String> in, Set<String> notIn) {
		TreeSet<String> result = new TreeSet<>();
		for (String parent : this.revision.revises()) {
			if (in.contains(parent) && !notIn.contains(parent)) {
				result.add(parent);
			}
		}
		for (String parent : this.revision.dependsOn()) {
			if (in.contains(parent) && !notIn.contains(parent)) {
				result.add(parent);
			}
		}
		return List.copyOf(result);
	}

	private static Set<String> snapshot(Set<String> rows) {
		Objects.requireNonNull(rows, "rows");
		if (rows instanceof RowTimeline.Snapshot) {
			return rows;
		}
		return Collections.unmodifiableSortedSet(new TreeSet<>(rows));
	}

	@Override
	public String toString() {
		return ((this.direction == Direction.UPGRADE) ? "upgrade " : "downgrade ") + this.revision.id() + " "
				+ new ArrayList<>(this.rowsBefore) + " -> " + new ArrayList<>(this.rowsAfter);
	}

}
