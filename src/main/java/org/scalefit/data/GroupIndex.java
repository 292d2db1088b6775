package org.scalefit.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the first pass of a {@link GroupedReader} learnt about a file: how many rows each group has (counted
 * by a 64-bit hash of its keys, in about 12 bytes per group), how many groups and rows there are, and whether
 * the file is sorted by the keys — every group's rows together — or, if not, where a group first came back
 * after another had begun. The second pass fits a group as soon as its last row has been read.
 *
 * <pre>{@code
 * GroupIndex index = reader.index(file);
 * if (!index.sorted()) {
 *     System.err.println("not sorted: " + index.reappearance().get());
 * }
 * reader.read(file, index, sink);
 * }</pre>
 */
public final class GroupIndex {
    private final Counts counts;
    private final int groups;
    private final long rows;
    private final Reappearance reappearance;

    GroupIndex(Counts counts, int groups, long rows, Reappearance reappearance) {
        this.counts = counts;
        this.groups = groups;
        this.rows = rows;
        this.reappearance = reappearance;
    }

    /**
     * Where a group came back after another group had begun: the row and the group's keys.
     *
     * @param row  the file's row number
     * @param keys the group's keys
     */
    public record Reappearance(int row, List<String> keys) {
        /**
         * @param row  the file's row number
         * @param keys the group's keys
         */
        public Reappearance {
            keys = List.copyOf(keys);
        }
    }

    /** @return the number of groups (distinct key hashes: two groups would count once only if their 64-bit hashes met) */
    public int groups() {
        return groups;
    }

    /** @return the rows that passed the filters and have their keys */
    public long rows() {
        return rows;
    }

    /** @return true when every group's rows follow one another in the file */
    public boolean sorted() {
        return reappearance == null;
    }

    /** @return the first place where a group came back after another group had begun, if the file is not sorted */
    public Optional<Reappearance> reappearance() {
        return Optional.ofNullable(reappearance);
    }

    /** The row count of each key hash (hash 0 is never used: see {@link TextColumn#hash}). */
    Counts counts() {
        return counts;
    }

    /** An open-addressing map from a non-zero 64-bit hash to a row count. */
    static final class Counts {
        private long[] keys = new long[1 << 10];
        private int[] values = new int[1 << 10];
        private int size;

        /** Adds one to the hash's count; returns the count before. */
        int increment(long hash) {
            int slot = slot(hash);
            if (keys[slot] == 0) {
                keys[slot] = hash;
                if (++size * 2 > keys.length) {
                    grow();
                    slot = slot(hash);
                }
            }
            return values[slot]++;
        }

        /** Subtracts one from the hash's count; returns the count after, or -1 for a hash never counted. */
        int decrement(long hash) {
            int slot = slot(hash);
            if (keys[slot] == 0 || values[slot] == 0) {
                return -1;
            }
            return --values[slot];
        }

        int size() {
            return size;
        }

        /** @return an independent copy (the second pass counts down its own) */
        Counts copy() {
            Counts c = new Counts();
            c.keys = keys.clone();
            c.values = values.clone();
            c.size = size;
            return c;
        }

        private int slot(long hash) {
            int mask = keys.length - 1;
            int i = (int) (hash ^ (hash >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != hash) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        @Override
        public String toString() {
            return "Counts[" + size + " hashes, " + Arrays.stream(values).asLongStream().sum() + " rows]";
        }
    }
}
