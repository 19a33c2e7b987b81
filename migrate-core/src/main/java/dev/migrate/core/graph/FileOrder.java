package dev.migrate.core.graph;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order Alembic loads revisions in, which breaks ties wherever the graph leaves the order open (which of two
 * parallel branches {@code history} lists first, the order of {@code heads}): by file name, then by id.
 */
final class FileOrder {

	private FileOrder() {
	}

	/**
	 * @param revisions the revisions, sorted by id
	 * @return for each revision, its position in file order
	 */
	static int[] ranks(Revision[] revisions) {
		Integer[] order = new Integer[revisions.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		// indices ascend with ids, so a stable sort by file name leaves ties in id order
		Arrays.sort(order, Comparator.comparing((Integer i) -> fileName(revisions[i].source())));
		int[] rank = new int[revisions.length];
		for (int k = 0; k < order.length; k++) {
			rank[order[k]] = k;
		}
		return rank;
	}

	/**
	 * @param indices revision indices
	 * @param rank the ranks from {@link #ranks(Revision[])}
	 * @return the indices in file order
	 */
	static int[] sort(int[] indices, int[] rank) {
		return Arrays.stream(indices).boxed().sorted(Comparator.comparingInt((Integer i) -> rank[i]))
			.mapToInt(Integer::intValue).toArray();
	}

	private static String fileName(String source) {
		int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
		return source.substring(slash + 1);
	}

}
