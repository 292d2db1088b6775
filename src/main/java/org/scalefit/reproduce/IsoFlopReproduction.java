package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.Progress;
import org.scalefit.data.Cells;
import org.scalefit.data.Table;
import org.scalefit.optimal.IsoFlop;
import org.scalefit.optimal.IsoFlopBootstrap;
import org.scalefit.stats.Interval;

/**
 * Hoffmann et al. (2022), Figure 3 (IsoFLOP curves, Approach 2), from the 245 final training runs Epoch AI digitized
 * from the paper's Figure 4 (Besiroglu et al. 2024; D = C/(6N)). Each run goes to the nearest of the paper's nine
 * IsoFLOP budgets (6e18 … 3e21 FLOP) in log₁₀ C when it lies within 0.1 decade of it (182 runs; the 63 others are
 * drawn grey and listed in the report); a parabola in ln N per budget gives N_opt, and N_opt ∝ C^a, D_opt ∝ C^b are
 * fitted by least squares in log-log space over the nominal budgets and read off at Gopher's budget, 5.76·10²³ FLOP
 * ({@link IsoFlop}). Intervals: 2,000 bootstrap resamples of the runs within each budget ({@link IsoFlopBootstrap}).
 *
 * <p>Compared with the paper (digitized data): a = 0.49, b = 0.51 (Table 2, Approach 2) and the read-offs 63 B
 * parameters and 1.4 T tokens (Figure 3). The same method in NumPy ({@code bench/peers/chinchilla_isoflop.py}) gives
 * a = 0.500050, 66.314 B and 1.4477 T. Approach 1 needs the runs' training curves, which were not published.
 *
 * <pre>{@code
 * FigureResult r = new IsoFlopReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class IsoFlopReproduction implements Reproduction {
    /** Epoch AI's digitization of the paper's runs. */
    public static final String RUNS = "epoch2024-chinchilla-runs.csv";
    /** Gopher's training compute, the budget Hoffmann et al. read their fits off at. */
    public static final double GOPHER_FLOPS = IsoFlop.GOPHER_FLOPS;
    /** Runs within this many decades of log₁₀ C from a budget belong to it (below half the closest spacing, 0.111). */
    public static final double TOLERANCE = 0.1;
    /** Bootstrap resamples behind the intervals. */
    public static final int REPLICATES = 2000;
    /** The bootstrap's seed. */
    public static final long SEED = 2022;
    private static final String PAPER = "Hoffmann et al. (2022)";

    /** Creates the reproduction. */
    public IsoFlopReproduction() {
    }

    @Override
    public String id() {
        return "hoffmann2022-isoflop";
    }

    @Override
    public FigureResult run(Datasets data) {
        Table t = data.table(RUNS);
        int rows = t.rowCount();
        double[] flops = new double[rows];
        double[] params = new double[rows];
        double[] loss = new double[rows];
        for (int r = 0; r < rows; r++) {
            flops[r] = Cells.number(t, r, t.columnIndex("flops"));
            params[r] = Cells.number(t, r, t.columnIndex("params"));
            loss[r] = Cells.number(t, r, t.columnIndex("loss"));
        }
        IsoFlop.Result fit = IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), TOLERANCE);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        IsoFlopBootstrap.Result boot = IsoFlopBootstrap.run(fit, params, loss, new double[] {GOPHER_FLOPS}, REPLICATES, SEED,
                0.95, threads, Progress.NONE);

        double a = fit.nOpt().exponent();
        double b = fit.dOpt().exponent();
        double nG = fit.nOptAt(GOPHER_FLOPS);
        double dG = fit.dOptAt(GOPHER_FLOPS);
        Interval nCi = boot.nOpt().get(0);
        Interval dCi = boot.dOpt().get(0);
        String peer = "same method in NumPy (bench/peers/chinchilla_isoflop.py): ";
        List<PublishedComparison> numbers = new ArrayList<>();
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "a in N_opt ∝ C^a", a, boot.a().lower(), boot.a().upper(),
                0.49, PAPER + " Table 2, Approach 2 (10th–90th percentile 0.462–0.534)", peer + "0.500050"));
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "b in D_opt ∝ C^b", b, boot.b().lower(), boot.b().upper(),
                0.51, PAPER + " Table 2, Approach 2 (10th–90th percentile 0.483–0.529)", peer + "0.499950"));
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "N_opt at the Gopher budget (5.76×10²³ FLOPs)", nG,
                nCi.lower(), nCi.upper(), 63e9, PAPER + " Figure 3 (63 B)", peer + "66.314 B"));
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "D_opt at the Gopher budget", dG, dCi.lower(), dCi.upper(),
                1.4e12, PAPER + " Figure 3 (1.4 T)", peer + "1.4477 T"));
        List<String> notes = List.of(
                String.format(Locale.ROOT, "Runs: the %d final training runs Epoch AI digitized from the paper's Figure 4 "
                        + "(Besiroglu et al. 2024; datasets/epoch2024-chinchilla-runs.csv, CC-BY). Each is assigned to the "
                        + "nearest of the paper's nine IsoFLOP budgets (6e18 … 3e21 FLOP) in log10 C when within %.1f decade "
                        + "of it (half the closest spacing is 0.111): %d runs assigned, %d left out (drawn grey): %s.",
                        rows, TOLERANCE, fit.runsAssigned(), fit.excluded().size(), excludedList(fit, t)),
                "Method (org.scalefit.optimal.IsoFlop, Hoffmann's Approach 2): per budget, least squares of loss on a "
                        + "parabola in ln N, N_opt at its vertex; N_opt = k·C^a by least squares of ln N_opt on ln C over "
                        + "the nine nominal budgets; D_opt = C/(6·N_opt), so b = 1 − a. Read off at Gopher's 5.76e23 FLOP.",
                String.format(Locale.ROOT, "Intervals: percentile bootstrap, %d resamples of the runs within each budget "
                        + "(seed %d); %d resamples in which some budget's parabola had no minimum are left out.",
                        REPLICATES, SEED, boot.withoutMinimum()),
                "Approach 1 (the lower envelope of loss against FLOPs over training curves) is not possible here: Figure 4, "
                        + "and so Epoch's digitization, holds one final point per run, not the training curves the envelope "
                        + "is taken over.",
                "With the tolerance at 0.05 to 0.3 decade a stays between 0.497 and 0.512 and N_opt(Gopher) between 64 B "
                        + "and 77 B; at 0.03 decade (88 runs) a is 0.462 (peer variants).");
        String caption = "Runs: Hoffmann et al. (2022) Figure 4, digitized by Epoch AI (Besiroglu et al. 2024); "
                + fit.runsAssigned() + " runs in 9 IsoFLOP budgets (±" + TOLERANCE + " decade), " + fit.excluded().size()
                + " outside (grey)\nparabolas, power laws and the Gopher read-off fitted by scalefit";
        return new FigureResult(id(), "IsoFLOP curves and compute-optimal parameters and tokens", PAPER + ", Figure 3",
                IsoFlopFigure.draw(fit, params, loss, GOPHER_FLOPS, "Hoffmann et al. (2022), Figure 3 (reproduced)", caption),
                numbers, notes, List.of(data.describe(RUNS)));
    }

    /** The excluded runs as "run 44 (4.7e18 FLOP, −0.102 dec)", Epoch's row index. */
    private static String excludedList(IsoFlop.Result fit, Table t) {
        int runColumn = t.hasColumn("run") ? t.columnIndex("run") : -1;
        StringBuilder s = new StringBuilder();
        double near = Double.POSITIVE_INFINITY;
        double far = 0;
        for (IsoFlop.Excluded e : fit.excluded()) {
            s.append(s.length() == 0 ? "" : ", ").append(runColumn >= 0 ? t.cell(e.run(), runColumn).strip() : e.run() + 1);
            near = Math.min(near, Math.abs(e.decades()));
            far = Math.max(far, Math.abs(e.decades()));
        }
        return String.format(Locale.ROOT, "runs %s of Epoch's file (their log10 C lies %.3f to %.3f decade from the nearest "
                + "budget)", s, near, far);
    }
}
