package dev.migrate.core.graph;

/**
 * Reachability over the graph's adjacency arrays, with an explicit stack (no recursion).
 */
final class Walks {

	private Walks() {
	}

	/**
	 * @param edges the adjacency to follow (parents or children)
	 * @param starts where to start
	 * @param includeStarts whether the starts themselves count as reached
	 * @return marks of the revisions reached
	 */
	static boolean[] reach(int[][] edges, int[] starts, boolean includeStarts) {
		boolean[] reached = new boolean[edges.length];
		int[] stack = new int[Math.max(16, starts.length)];
		int top = 0;
		for (int start : starts) {
			if (includeStarts) {
				reached[start] = true;
			}
			if (top == stack.length) {
				stack = java.util.Arrays.copyOf(stack, stack.length * 2);
			}
			stack[top++] = start;
		}
		while (top > 0) {
			int node = stack[--top];
			for (int next : edges[node]) {
				if (!reached[next]) {
					reached[next] = true;
					if (top == stack.length) {
						stack = java.util.Arrays.copyOf(stack, stack.length * 2);
					}
					stack[top++] = next;
				}
			}
		}
		return reached;
	}

}
