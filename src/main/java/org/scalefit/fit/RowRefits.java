package org.scalefit.fit;

import java.util.Objects;

/**
 * Lean refits of one fit's law near its optimum, each on a selection of the fit's own rows: the replicates of a
 * row, group or hierarchical bootstrap and the deletions of a jackknife. Each refit is
 * {@link Fitter#refitNear Fitter.refitNear(from, from.data().select(rows), options)} bit for bit; the rows are
 * handed to it in the fit's canonical row order (sorted by predictors, response and weight, which every problem
 * sorts its rows into so that row order never changes an answer), found once here, so that a replicate's problem
 * finds its rows already sorted instead of sorting them itself — on a 30-point bootstrap the sort was an eighth
 * of each refit.
 *
 * <pre>{@code
 * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
 * RowRefits refits = RowRefits.of(fit, warm);
 * Refit r = refits.rows(new int[] {0, 0, 2, 3, 5, 5});   // rows may repeat, in any order
 * }</pre>
 */
public final class RowRefits {
    private final Fit from;
    private final FitOptions options;
    /** order[k] = the row of from's data at canonical position k; position[i] = the canonical position of row i. */
    private final int[] order;
    private final int[] position;

    private RowRefits(Fit from, FitOptions options) {
        this.from = from;
        this.options = options;
        this.order = Problem.canonicalOrder(from.data());
        this.position = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
        }
    }

    /**
     * @param from    the fit whose rows are selected and near whose optimum each refit starts
     * @param options the refits' options, typically warm-started at {@code from.values()} on one thread
     * @return the refits
     */
    public static RowRefits of(Fit from, FitOptions options) {
        return new RowRefits(Objects.requireNonNull(from, "from"), Objects.requireNonNull(options, "options"));
    }

    /** @return the refits' options */
    public FitOptions options() {
        return options;
    }

    /**
     * @param rows indices of rows of the fit's data, each in [0, n); repeats count as many times as they appear
     * @return the refit on those rows, as {@link Fitter#refitNear} on {@code from.data().select(rows)}
     * @throws IndexOutOfBoundsException for an index outside the data
     * @throws org.scalefit.FitFailedException as {@link Fitter#refitNear}
     */
    public Refit rows(int[] rows) {
        return Fitter.refitNear(from, from.data().select(canonical(rows)), options);
    }

    /** The same rows (with their repeats) in canonical order: a counting sort on the canonical positions. */
    int[] canonical(int[] rows) {
        int n = order.length;
        int[] times = new int[n];
        for (int i : rows) {
            times[position[i]]++;
        }
        int[] out = new int[rows.length];
        int next = 0;
        for (int k = 0; k < n; k++) {
            for (int t = times[k]; t > 0; t--) {
                out[next++] = order[k];
            }
        }
        return out;
    }
}
