package org.scalefit.horizon;

import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * How the runs of one model are weighted in its logistic fit. Weights are computed from the runs,
 * never read, and normalised to sum to 1 over the model's runs — as in METR's pipeline, where the
 * sum fixes the strength of the L2 penalty (see {@link HorizonOptions#regularization()}).
 *
 * <pre>{@code
 * HorizonOptions o = HorizonOptions.defaults().withWeighting(Weighting.parse("equal"));
 * }</pre>
 */
public enum Weighting {
    /**
     * METR's headline "diversity" weighting ({@code invsqrt_task_weight}): each run weighs
     * 1/(runs of this model on the task) × 1/√(tasks of the family this model ran), so every task
     * counts equally within a family and a family of k tasks counts as √k tasks.
     */
    INVSQRT("invsqrt"),
    /** Each task counts equally ({@code equal_task_weight}): a run weighs 1/(runs of this model on the task). */
    EQUAL_TASK("equal"),
    /** Every run counts equally: each weighs 1/(runs of this model). */
    PER_RUN("none");

    private final String label;

    Weighting(String label) {
        this.label = label;
    }

    /** @return the name the command line uses: {@code invsqrt}, {@code equal} or {@code none} */
    public String label() {
        return label;
    }

    /**
     * @param text {@code invsqrt}, {@code equal} or {@code none} (any case)
     * @return the weighting
     * @throws InvalidDataException for any other text
     */
    public static Weighting parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Weighting w : values()) {
            if (w.label.equals(t)) {
                return w;
            }
        }
        throw new InvalidDataException("unknown weighting \"" + text + "\": use invsqrt, equal or none");
    }

    /**
     * The weight of one run in each (model, task) group of a model, normalised so that the runs'
     * weights sum to 1.
     *
     * @param runs  the runs
     * @param model the model index
     * @return one per-run weight for each of the model's groups, in group order
     */
    double[] groupWeights(Runs runs, int model) {
        int from = runs.modelStart[model];
        int to = runs.modelStart[model + 1];
        double[] w = new double[to - from];
        int[] tasksInFamily = null;
        if (this == INVSQRT) {
            tasksInFamily = new int[runs.familyCount()];
            for (int g = from; g < to; g++) {
                tasksInFamily[runs.taskFamily[runs.groupTask[g]]]++;
            }
        }
        double total = 0;
        for (int g = from; g < to; g++) {
            int n = runs.groupRuns[g];
            double v = switch (this) {
                case INVSQRT -> 1.0 / n / Math.sqrt(tasksInFamily[runs.taskFamily[runs.groupTask[g]]]);
                case EQUAL_TASK -> 1.0 / n;
                case PER_RUN -> 1.0;
            };
            w[g - from] = v;
            total += v * n;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }
}
