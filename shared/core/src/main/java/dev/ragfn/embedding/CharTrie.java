package dev.ragfn.embedding;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A set of strings as a trie over UTF-16 units, with several roots, so a walk from a position in a
 * text finds every entry that starts there without building a substring. Immutable once built.
 * <p>
 * Made for speed on a vocabulary of a few ten thousand entries: a node's id carries, in its lowest
 * bit, whether the path to it spells an entry, and every edge is one {@code long} in an
 * open-addressing table (parent, character, child), so a step costs one hash and, mostly, one
 * memory access.
 */
final class CharTrie {

    /** Returned by {@link #step} when no entry continues with that character. */
    static final int NONE = -1;

    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** A free slot. No edge is 0: that would lead to root 0, and no edge leads to a root. */
    private static final long FREE = 0;

    private final long[] edges;
    private final int mask;
    private final int shift;

    private CharTrie(long[] edges) {
        this.edges = edges;
        this.mask = edges.length - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(edges.length);
    }

    /** The node where the walks from root number {@code index} start. */
    static int root(int index) {
        return index << 1;
    }

    static boolean endsEntry(int node) {
        return (node & 1) != 0;
    }

    /** The node reached from {@code node} by {@code c}, or {@link #NONE}. */
    int step(int node, char c) {
        long key = key(node, c);
        for (int slot = slot(key, shift); ; slot = (slot + 1) & mask) {
            long edge = edges[slot];
            if (edge == FREE) {
                return NONE;
            }
            if (edge >>> ID_BITS == key) {
                return (int) (edge & ID_MASK);
            }
        }
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** Collects the entries in a map of edges; {@link #build} numbers the nodes and packs the table. */
    static final class Builder {

        private final Map<Long, Integer> edges = new HashMap<>();
        private final BitSet entries = new BitSet();
        private int nodes;

        Builder(int roots) {
            this.nodes = roots;
        }

        /** Adds {@code entry.substring(from)} under root number {@code root}; an empty one is never found. */
        void add(int root, String entry, int from) {
            if (from >= entry.length()) {
                return;
            }
            int node = root;
            for (int i = from; i < entry.length(); i++) {
                node = edges.computeIfAbsent(key(node, entry.charAt(i)), k -> nodes++);
            }
            entries.set(node);
        }

        CharTrie build() {
            if (nodes >= 1 << (ID_BITS - 1)) {
                throw new IllegalArgumentException("vocabulary too large for a trie of " + (1 << (ID_BITS - 1)) + " nodes");
            }
            // At most 5/8 full, so a lookup rarely probes past its first slot.
            int capacity = Integer.highestOneBit(Math.max(edges.size() * 8 / 5, 1)) * 2;
            long[] table = new long[capacity];
            int shift = 64 - Integer.numberOfTrailingZeros(capacity);
            edges.forEach((key, child) -> {
                long parentAndChar = key(id((int) (key >>> 16)), (char) (key & 0xFFFF));
                int slot = slot(parentAndChar, shift);
                while (table[slot] != FREE) {
                    slot = (slot + 1) & (capacity - 1);
                }
                table[slot] = parentAndChar << ID_BITS | id(child);
            });
            return new CharTrie(table);
        }

        /** A node's final id: its number, and whether it ends an entry in the lowest bit. */
        private int id(int node) {
            return node << 1 | (entries.get(node) ? 1 : 0);
        }
    }
}
