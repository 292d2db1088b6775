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
