package dev.migrate.core.graph;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The version rows at every point of a plan, stored as changes instead of copies. Each revision is a row during at
 * most one interval of a plan, so "is it a row after step k" is two array reads, and a plan of n steps costs O(n)
 * memory however wide the version table gets. Listing the rows at one point starts from the nearest checkpoint (a
 * sorted copy, taken whenever the changes since the previous one outnumber the rows) and applies the changes since:
 * O(rows + changes log changes) per listing, O(n) for all checkpoints together.
 * <p>
 * Times run from 0 (before the first step) to the number of steps; step k moves from time k to time k + 1. Revision
 * indices order like ids, so ascending indices are sorted ids.
 */
final class RowTimeline {

	private static final int NEVER = Integer.MAX_VALUE;

	private final RevisionGraph graph;

	private final int[] addedAt;

	private final int[] removedAt;

	private int[] changes = new int[16];

	private int changeCount;

	/** stepStart[k]: index of the first change of step k; stepStart[steps]: changeCount. */
	private int[] stepStart = new int[16];

	private int[] sizes = new int[16];

	private int steps;

	private int size;

	private int[] checkpointTimes = new int[4];

	private int[][] checkpointRows = new int[4][];

	private int checkpoints;

	private int changesSinceCheckpoint;

	/**
	 * @param graph the graph
	 * @param initialRows the rows before the first step, as ascending revision indices
	 */
	RowTimeline(RevisionGraph graph, int[] initialRows) {
		this.graph = graph;
		int n = graph.revisions.length;
		this.addedAt = new int[n];
		this.removedAt = new int[n];
		Arrays.fill(this.addedAt, NEVER);
		Arrays.fill(this.removedAt, NEVER);
		for (int row : initialRows) {
			this.addedAt[row] = 0;
		}
		this.size = initialRows.length;
		this.sizes[0] = this.size;
		this.checkpointTimes[0] = 0;
		this.checkpointRows[0] = initialRows.clone();
		this.checkpoints = 1;
	}

	/**
	 * @return whether the revision is a row now, counting the current step's changes so far
	 */
	boolean isRow(int revision) {
		return present(revision, this.steps + 1);
	}

	void add(int revision) {
		if (this.addedAt[revision] != NEVER) {
			throw new IllegalStateException("Revision '" + this.graph.id(revision) + "' would become a row twice");
		}
		this.addedAt[revision] = this.steps + 1;
		record(revision);
		this.size++;
	}

	void remove(int revision) {
		if (!isRow(revision)) {
			throw new IllegalStateException("Revision '" + this.graph.id(revision) + "' is not a row");
		}
		this.removedAt[revision] = this.steps + 1;
		record(revision);
		this.size--;
	}

	/**
	 * Closes the current step.
	 */
	void endStep() {
		this.changesSinceCheckpoint += this.changeCount - this.stepStart[this.steps];
		this.steps++;
		if (this.steps >= this.stepStart.length) {
			this.stepStart = Arrays.copyOf(this.stepStart, this.stepStart.length * 2);
			this.sizes = Arrays.copyOf(this.sizes, this.sizes.length * 2);
		}
		this.stepStart[this.steps] = this.changeCount;
		this.sizes[this.steps] = this.size;
		if (this.changesSinceCheckpoint >= Math.max(32, this.size)) {
			int[] rows = rows(this.steps);
			if (this.checkpoints == this.checkpointTimes.length) {
				this.checkpointTimes = Arrays.copyOf(this.checkpointTimes, this.checkpoints * 2);
				this.checkpointRows = Arrays.copyOf(this.checkpointRows, this.checkpoints * 2);
			}
			this.checkpointTimes[this.checkpoints] = this.steps;
			this.checkpointRows[this.checkpoints++] = rows;
			this.changesSinceCheckpoint = 0;
		}
	}

	/**
	 * @param time from 0 to the number of steps
	 * @return a view of the rows at that time
	 */
	Snapshot at(int time) {
		return new Snapshot(this, time);
	}

	private boolean present(int revision, int time) {
		return this.addedAt[revision] <= time && time < this.removedAt[revision];
	}

	/**
	 * @return the rows at a time, as ascending revision indices
	 */
	int[] rows(int time) {
		int lo = 0;
		int hi = this.checkpoints - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (this.checkpointTimes[mid] <= time) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		int since = this.checkpointTimes[lo];
		int[] base = this.checkpointRows[lo];
		int from = this.stepStart[since];
		int to = this.stepStart[time];
		int[] extra = new int[to - from];
		int extras = 0;
		for (int k = from; k < to; k++) {
			int revision = this.changes[k];
			if (this.addedAt[revision] > since && present(revision, time)) {
				extra[extras++] = revision;
			}
		}
		Arrays.sort(extra, 0, extras);
		int[] result = new int[this.sizes[time]];
		int count = 0;
		int b = 0;
		int e = 0;
		while (b < base.length || e < extras) {
			if (e >= extras || (b < base.length && base[b] < extra[e])) {
				int next = base[b++];
				if (present(next, time)) {
					result[count++] = next;
				}
			}
			else {
				result[count++] = extra[e++];
			}
		}
		return result;
	}

	private void record(int revision) {
		if (this.changeCount == this.changes.length) {
			this.changes = Arrays.copyOf(this.changes, this.changeCount * 2);
		}
		this.changes[this.changeCount++] = revision;
	}

	/**
	 * The rows at one time of a plan: an unmodifiable set iterated in sorted order.
	 */
	static final class Snapshot extends AbstractSet<String> {

		private final RowTimeline timeline;

		private final int time;

		Snapshot(RowTimeline timeline, int time) {
			this.timeline = timeline;
			this.time = time;
		}

		@Override
		public int size() {
			return this.timeline.sizes[this.time];
		}

		@Override
		public boolean contains(Object o) {
			if (!(o instanceof String id)) {
				return false;
			}
			int revision = this.timeline.graph.index.get(id);
			return revision >= 0 && this.timeline.present(revision, this.time);
		}

		@Override
		public Iterator<String> iterator() {
			int[] rows = this.timeline.rows(this.time);
			RevisionGraph graph = this.timeline.graph;
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < rows.length;
				}

				@Override
				public String next() {
					if (this.next >= rows.length) {
						throw new NoSuchElementException();
					}
					return graph.id(rows[this.next++]);
				}

			};
		}

	}

}
