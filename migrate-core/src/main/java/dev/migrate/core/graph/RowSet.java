package dev.migrate.core.graph;

import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable set of version rows, iterated in sorted order, that shares structure with the set it was derived
 * from: {@link #with} and {@link #without} cost O(log n) instead of a copy, so a plan can hand every step its own
 * before/after snapshot even when the version table is wide. A persistent treap (priorities from the key's hash),
 * written without recursion.
 */
final class RowSet extends AbstractSet<String> {

	static final RowSet EMPTY = new RowSet(null, 0);

	private final Node root;

	private final int size;

	private RowSet(Node root, int size) {
		this.root = root;
		this.size = size;
	}

	static RowSet of(Collection<String> rows) {
		if (rows instanceof RowSet rowSet) {
			return rowSet;
		}
		RowSet set = EMPTY;
		for (String row : rows) {
			set = set.with(row);
		}
		return set;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public boolean contains(Object o) {
		if (!(o instanceof String key)) {
			return false;
		}
		Node node = this.root;
		while (node != null) {
			int c = key.compareTo(node.key);
			if (c == 0) {
				return true;
			}
			node = (c < 0) ? node.left : node.right;
		}
		return false;
	}

	/**
	 * @param key the row to add
	 * @return this set plus the row (this set itself if it holds the row already)
	 */
	RowSet with(String key) {
		int priority = priority(key);
		List<Node> path = new ArrayList<>();
		Node node = this.root;
		while (node != null && above(node, priority, key)) {
			int c = key.compareTo(node.key);
			if (c == 0) {
				return this;
			}
			path.add(node);
			node = (c < 0) ? node.left : node.right;
		}
		// split the subtree that the new node takes the place of
		Node leftRoot = null;
		Node leftTail = null;
		Node rightRoot = null;
		Node rightTail = null;
		while (node != null) {
			Node copy = new Node(node.key, node.priority, node.left, node.right);
			if (node.key.compareTo(key) < 0) {
				if (leftTail == null) {
					leftRoot = copy;
				}
				else {
					leftTail.right = copy;
				}
				leftTail = copy;
				node = node.right;
				copy.right = null;
			}
			else {
				if (rightTail == null) {
					rightRoot = copy;
				}
				else {
					rightTail.left = copy;
				}
				rightTail = copy;
				node = node.left;
				copy.left = null;
			}
		}
		Node child = new Node(key, priority, leftRoot, rightRoot);
		return new RowSet(rebuild(path, key, child), this.size + 1);
	}

	/**
	 * @param key the row to remove
	 * @return this set without the row (this set itself if it does not hold the row)
	 */
	RowSet without(String key) {
		List<Node> path = new ArrayList<>();
		Node node = this.root;
		while (node != null) {
			int c = key.compareTo(node.key);
			if (c == 0) {
				break;
			}
			path.add(node);
			node = (c < 0) ? node.left : node.right;
		}
		if (node == null) {
			return this;
		}
		// merge the removed node's subtrees, top-down
		Node a = node.left;
		Node b = node.right;
		Node head = null;
		Node tail = null;
		boolean tailRight = false;
		while (a != null && b != null) {
			Node copy;
			boolean takeA = above(a, b.priority, b.key);
			if (takeA) {
				copy = new Node(a.key, a.priority, a.left, null);
				a = a.right;
			}
			else {
				copy = new Node(b.key, b.priority, null, b.right);
				b = b.left;
			}
			if (tail == null) {
				head = copy;
			}
			else if (tailRight) {
				tail.right = copy;
			}
			else {
				tail.left = copy;
			}
			tail = copy;
			tailRight = takeA;
		}
		Node rest = (a != null) ? a : b;
		if (tail == null) {
			head = rest;
		}
		else if (tailRight) {
			tail.right = rest;
		}
		else {
			tail.left = rest;
		}
		return new RowSet(rebuild(path, key, head), this.size - 1);
	}

	private static Node rebuild(List<Node> path, String key, Node child) {
		for (int i = path.size() - 1; i >= 0; i--) {
			Node parent = path.get(i);
			child = (key.compareTo(parent.key) < 0) ? new Node(parent.key, parent.priority, child, parent.right)
					: new Node(parent.key, parent.priority, parent.left, child);
		}
		return child;
	}

	// whether node sits above a node with the given priority and key in the heap order (ties broken by key)
	private static boolean above(Node node, int priority, String key) {
		return node.priority > priority || (node.priority == priority && node.key.compareTo(key) <= 0);
	}

	private static int priority(String key) {
		int h = key.hashCode() * 0x9E3779B9;
		h ^= h >>> 15;
		h *= 0x85EBCA6B;
		return h ^ (h >>> 13);
	}

	@Override
	public Iterator<String> iterator() {
		return new Iterator<>() {

			private final ArrayDeque<Node> stack = new ArrayDeque<>();

			private Node next = RowSet.this.root;

			@Override
			public boolean hasNext() {
				return this.next != null || !this.stack.isEmpty();
			}

			@Override
			public String next() {
				while (this.next != null) {
					this.stack.push(this.next);
					this.next = this.next.left;
				}
				if (this.stack.isEmpty()) {
					throw new NoSuchElementException();
				}
				Node node = this.stack.pop();
				this.next = node.right;
				return node.key;
			}

		};
	}

	// fields are assigned only while a new version is being built, never after it is published
	private static final class Node {

		final String key;

		final int priority;

		Node left;

		Node right;

		Node(String key, int priority, Node left, Node right) {
			this.key = key;
			this.priority = priority;
			this.left = left;
			this.right = right;
		}

	}

}
