package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scalefit.fit.Estimate;
import org.scalefit.optimal.Allocation;
import org.scalefit.optimal.ComputeOptimal;
import org.scalefit.optimal.OptimalAllocation;
import org.scalefit.plot.Ticks.LogStyle;

/**
 * The picture of a compute-optimal allocation, as Hoffmann et al. (2022) draw it in Figure 3's centre and
 * right panels: the optimal model size N_opt and the optimal number of training tokens D_opt against the
 * compute budget, log-log, each with its confidence band (delta method or bootstrap, as the allocation was
 * computed), and the requested budgets marked with their intervals and read-offs ({@code 63B}, {@code 1.4T}).
 *
 * <pre>{@code
 * OptimalAllocation a = OptimalAllocation.delta(fit);
 * Figure f = OptimalPlot.of(a, List.of(5.76e23), 960, 440, LogStyle.SUPERSCRIPT);
 * }</pre>
 */
public final class OptimalPlot {
    private static final Color N_COLOR = new Color(0x2a538e);
    private static final Color D_COLOR = new Color(0x1b8d9e);
    private static final int GRID = 120;
    private static final Color EDGE = new Color(0x777777);

    private OptimalPlot() {
    }

    /**
     * @param allocation the allocation (its interval method decides the bands)
     * @param budgets    budgets in FLOP to mark, at least one
     * @param width      figure width in points
     * @param height     figure height in points
     * @param logStyle   how the decades of compute are labelled
     * @return the two-panel chart
     * @throws IllegalArgumentException without a budget
     */
    public static Figure of(OptimalAllocation allocation, List<Double> budgets, double width, double height,
                            LogStyle logStyle) {
        return of(allocation, budgets, Double.NaN, width, height, logStyle);
    }

    /**
     * The same chart, with the compute of the fit's largest run marked: the curves are solid up to it and
     * dashed beyond, where the allocation is an extrapolation of the law.
     *
     * <pre>{@code
     * Figure f = OptimalPlot.of(a, List.of(5.76e23), 3e21, 960, 440, LogStyle.SUPERSCRIPT);
     * }</pre>
     *
     * @param allocation the allocation (its interval method decides the bands)
     * @param budgets    budgets in FLOP to mark, at least one
     * @param largestRun compute 6·N·D of the fit's largest run in FLOP; NaN when unknown (nothing marked)
     * @param width      figure width in points
     * @param height     figure height in points
     * @param logStyle   how the decades of compute are labelled
     * @return the two-panel chart
     * @throws IllegalArgumentException without a budget
     */
    public static Figure of(OptimalAllocation allocation, List<Double> budgets, double largestRun, double width,
                            double height, LogStyle logStyle) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("an allocation plot needs at least one budget");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double c : budgets) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        // At least four decades, centred on the budgets asked for.
        double decades = Math.log10(hi / lo);
        double pad = Math.max(1, (4 - decades) / 2);
        double from = lo / Math.pow(10, pad);
        double to = hi * Math.pow(10, pad);
        boolean marked = largestRun > 0 && Double.isFinite(largestRun);
        if (marked) {
            from = Math.min(from, largestRun / 10);
        }
        double[] grid = Curves.grid(Scale.LOG, from, to, GRID);
        List<Allocation> curve = new ArrayList<>();
        for (double c : grid) {
            curve.add(allocation.at(c));
        }
        List<Allocation> asked = new ArrayList<>();
        for (double c : budgets) {
            asked.add(allocation.at(c));
        }
        ComputeOptimal point = allocation.point();
        String method = switch (allocation.method()) {
            case "none" -> "";
            case "delta", "delta-log" -> "delta method";
            default -> allocation.method().startsWith("bootstrap") ? "bootstrap" : allocation.method();
        };
        AxisStyle xs = AxisStyle.log(logStyle);
        double[] xr = new Extent(Scale.LOG).add(from).add(to).padded(0.02);
        Axis x = xs.axis(xr[0], xr[1], "training compute C (FLOP)");
        // Where the read-off labels go is decided on a plot area of about the size each panel will get.
        Figure.Rect area = new Figure.Rect(0, 0, Math.max(100, width / 2 - 90), Math.max(100, height - 120));
        double edge = marked ? largestRun : Double.POSITIVE_INFINITY;
        Panel n = panel(x, grid, curve, asked, Allocation::nOpt, "parameters N_{opt}", N_COLOR, area, edge);
        Panel d = panel(x, grid, curve, asked, Allocation::dOpt, "training tokens D_{opt}", D_COLOR, area, edge);
        String pct = TickLabels.decimal(100 * allocation.level()) + "%";
        List<Legend.Entry> ne = entries(String.format(Locale.ROOT, "N_{opt} = G·(C/6)^{%.3f}", point.nExponent()), N_COLOR,
                method, pct, marked);
        List<Legend.Entry> de = entries(String.format(Locale.ROOT, "D_{opt} = G^{−1}·(C/6)^{%.3f}", point.dExponent()),
                D_COLOR, method, pct, marked);
        String subtitle = String.format(Locale.ROOT, "from the joint law L = E + A/N^{α} + B/D^{β} with C = 6ND; G = %.4g",
                point.g()) + (method.isEmpty() ? "" : "; " + pct + " bands: " + method);
        return Figures.row("compute-optimal allocation", "Compute-optimal model size and data against compute", subtitle,
                List.of(new Figures.Cell(n, ne), new Figures.Cell(d, de)), width, height);
    }

    private static List<Legend.Entry> entries(String law, Color c, String method, String pct, boolean marked) {
        List<Legend.Entry> out = new ArrayList<>();
        out.add(Legend.Entry.line(law, LineStyle.solid(c, 2)));
        if (marked) {
            out.add(Legend.Entry.line("beyond the fit's largest run (dashed)", LineStyle.dashed(c, 2)));
            out.add(Legend.Entry.line("the fit's largest run", LineStyle.dotted(EDGE, 1.2)));
        }
        if (!method.isEmpty()) {
            out.add(Legend.Entry.patch(pct + " band (" + method + ")", Colors.withAlpha(c, 0.18)));
        }
        out.add(Legend.Entry.marker("budgets asked for", MarkerStyle.circle(c.darker(), 7).withEdge(Color.WHITE, 0.7)));
        return out;
    }

    private static Panel panel(Axis x, double[] grid, List<Allocation> curve, List<Allocation> marked,
                               Function<Allocation, Estimate> what, String title, Color c, Figure.Rect area, double edge) {
        int m = grid.length;
        double[] v = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        Extent ye = new Extent(Scale.LOG);
        for (int i = 0; i < m; i++) {
            Estimate e = what.apply(curve.get(i));
            v[i] = e.value();
            lo[i] = e.lower();
            hi[i] = e.upper();
            ye.add(v[i]);
            if (hi[i] / lo[i] < 1e4) {
                ye.add(lo[i]).add(hi[i]);
            }
        }
        int k = marked.size();
        double[] mx = new double[k];
        double[] mv = new double[k];
        double[] ml = new double[k];
        double[] mh = new double[k];
        for (int i = 0; i < k; i++) {
            Estimate e = what.apply(marked.get(i));
            mx[i] = marked.get(i).compute();
            mv[i] = e.value();
            ml[i] = e.lower();
            mh[i] = e.upper();
        }
        double[] yr = ye.padded(0.06);
        Axis y = AxisStyle.log(LogStyle.SUFFIX).axis(yr[0], yr[1], title);
        Panel.Builder b = Panel.builder(x, y).theme(Theme.clean())
                .add(new Mark.Band(grid, lo, hi, Colors.withAlpha(c, 0.18)));
        // Solid where the fit had runs, dashed beyond the largest: there the allocation extrapolates the law.
        int split = 0;
        while (split < m && grid[split] <= edge) {
            split++;
        }
        if (split > 1) {
            b.add(new Mark.Line(Arrays.copyOfRange(grid, 0, split), Arrays.copyOfRange(v, 0, split), LineStyle.solid(c, 2)));
        }
        if (split < m) {
            int start = Math.max(0, split - 1);
            b.add(new Mark.Line(Arrays.copyOfRange(grid, start, m), Arrays.copyOfRange(v, start, m),
                    split == 0 ? LineStyle.solid(c, 2) : LineStyle.dashed(c, 2)));
        }
        if (Double.isFinite(edge)) {
            b.add(new Mark.Line(new double[] {edge, edge}, new double[] {y.min(), y.max()}, LineStyle.dotted(EDGE, 1.2)));
        }
        MarkerStyle marker = MarkerStyle.circle(c.darker(), 7).withEdge(Color.WHITE, 0.7);
        b.add(new Mark.ErrorBars(mx, ml, mh, LineStyle.solid(c.darker(), 1.3), 4));
        b.add(new Mark.Points(mx, mv, marker));
        Panel probe = b.build();
        List<LabelPlacer.Label> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            labels.add(new LabelPlacer.Label(mx[i], mv[i], TickLabels.withSuffix(mv[i]), TextStyle.sans(10.5, c.darker()), 7,
                    List.of(LabelPlacer.Direction.LEFT_ABOVE, LabelPlacer.Direction.RIGHT_BELOW, LabelPlacer.Direction.LEFT,
                            LabelPlacer.Direction.RIGHT), true));
        }
        return probe.toBuilder().addAll(LabelPlacer.place(probe, area, labels)).build();
    }
}
