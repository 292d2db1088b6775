package org.scalefit.fit;

import java.util.Arrays;

/**
 * A stable merge sort of the indices 0..n−1 under a comparator on primitive ints: the engine sorts
 * points on every fit (canonical row order, residual runs), and boxing each index into an
 * {@code Integer} cost more than the sort itself on bootstrap-sized problems.
 */
final class IndexSort {
    /** Compares two indices. */
    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /**
     * The same order as {@link #sort} under a comparator whose first criterion is {@code key} (equal keys exactly
     * when that criterion ties), found faster: a merge sort on the primitive keys, then {@code cmp} only within
     * runs of equal keys. A stable sort's result is unique, so the two agree index for index.
     *
     * @param key a key per index, in the order of {@code cmp}'s first criterion ({@link #sortable})
     * @param cmp the whole comparator
     * @return the indices 0..n−1 in ascending order under {@code cmp}; ties keep index order
     */
    static int[] sortByKey(long[] key, IndexComparator cmp) {
        int n = key.length;
        int[] order = sort(n, (x, y) -> Long.compare(key[x], key[y]));
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && key[order[end]] == key[order[start]]) {
                end++;
            }
            if (end - start > 1) {
                int[] tied = Arrays.copyOfRange(order, start, end);
                int[] run = sort(tied.length, (x, y) -> cmp.compare(tied[x], tied[y]));
                for (int r = 0; r < run.length; r++) {
                    order[start + r] = tied[run[r]];
                }
            }
            start = end;
        }
        return order;
    }

    /**
     * @param v a value
     * @return a long whose signed order is {@link Double#compare}'s order of the values (−0.0 below 0.0, NaN on top)
     */
    static long sortable(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** @return the indices 0..n−1 in ascending order under {@code cmp}; ties keep index order */
    static int[] sort(int n, IndexComparator cmp) {
        int[] a = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            a[i] = i;
            if (i > 0 && sorted && cmp.compare(i - 1, i) > 0) {
                sorted = false;
            }
        }
        if (sorted) {
            return a;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = cmp.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    tmp[k++] = a[i++];
                }
                while (j < hi) {
                    tmp[k++] = a[j++];
                }
            }
            int[] t = a;
            a = tmp;
            tmp = t;
        }
        return a;
    }
}
