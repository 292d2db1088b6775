package org.scalefit.fit;

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
     * The same order as {@link #sort} under the lexicographic comparison of primitive key columns (column 0 first,
     * ties to the lower index), without a comparator object: a top-down merge sort whose comparison is inline, for
     * the canonical row order that every fit and every bootstrap replicate needs (a resample's repeated rows tie in
     * every column, and a general comparator called through an interface cost several times the sort itself).
     * A stable sort's result is unique, so the two agree index for index.
     *
     * @param keys key columns of equal length ({@link #sortable} values), most significant first
     * @return the indices 0..n−1 in ascending order; ties keep index order
     */
    static int[] lexicographic(long[][] keys) {
        int n = keys.length == 0 ? 0 : keys[0].length;
        int[] a = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            a[i] = i;
            sorted &= i == 0 || compareRows(keys, i - 1, i) <= 0;
        }
        if (!sorted) {
            mergeSort(keys, a, a.clone(), 0, n);
        }
        return a;
    }

    /** Sorts a[lo, hi) stably, with {@code b} a copy of the same range to merge from. */
    private static void mergeSort(long[][] keys, int[] a, int[] b, int lo, int hi) {
        if (hi - lo <= INSERTION) {
            insertionSort(keys, a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        // Sort both halves of b (using a as scratch), then merge them into a.
        mergeSort(keys, b, a, lo, mid);
        mergeSort(keys, b, a, mid, hi);
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++) {
            if (left < mid && (right >= hi || compareRows(keys, b[left], b[right]) <= 0)) {
                a[out] = b[left++];
            } else {
                a[out] = b[right++];
            }
        }
    }

    /**
     * Ranges up to this long are sorted by insertion: a resample's 30 rows otherwise recurse down to single
     * elements, and the recursion, not the comparisons, was most of the canonical order's cost in a bootstrap.
     */
    static final int INSERTION = 16;

    /** Sorts a[lo, hi) stably by insertion (an element moves left only past strictly greater rows). */
    private static void insertionSort(long[][] keys, int[] a, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && compareRows(keys, a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static int compareRows(long[][] keys, int i, int j) {
        for (long[] column : keys) {
            if (column[i] != column[j]) {
                return column[i] < column[j] ? -1 : 1;
            }
        }
        return 0;
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
