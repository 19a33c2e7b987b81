package dev.migrate.core.graph;

/**
 * Revision id to index: an open-addressing hash table over two arrays, without boxing or per-entry objects (the
 * graph looks ids up once per edge, so this is the hot path of building a large graph).
 */
final class IdIndex {

	private final String[] keys;

	private final int[] hashes;

	private final int[] values;

	private final int mask;

	/**
	 * @param ids the ids, distinct; {@code ids[i]} maps to {@code i}
	 */
	IdIndex(String[] ids) {
		int capacity = Integer.highestOneBit(Math.max(4, ids.length) * 2) * 2;
		this.keys = new String[capacity];
		this.hashes = new int[capacity];
		this.values = new int[capacity];
		this.mask = capacity - 1;
		for (int i = 0; i < ids.length; i++) {
			put(ids[i], i);
		}
	}

	private void put(String key, int value) {
		int hash = mix(key.hashCode());
		int slot = hash & this.mask;
		while (this.keys[slot] != null) {
			if (this.hashes[slot] == hash && this.keys[slot].equals(key)) {
				this.values[slot] = value;
				return;
			}
			slot = (slot + 1) & this.mask;
		}
		this.keys[slot] = key;
		this.hashes[slot] = hash;
		this.values[slot] = value;
	}

	/**
	 * @param key an id
	 * @return its index, or -1
	 */
	int get(String key) {
		int hash = mix(key.hashCode());
		int slot = hash & this.mask;
		String candidate;
		while ((candidate = this.keys[slot]) != null) {
			if (this.hashes[slot] == hash && candidate.equals(key)) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	boolean contains(String key) {
		return get(key) >= 0;
	}

	private static int mix(int h) {
		h *= 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
