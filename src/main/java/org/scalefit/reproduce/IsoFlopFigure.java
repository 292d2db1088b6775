package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.optimal.IsoFlop;
import org.scalefit.optimal.ScalingFit;
import org.scalefit.plot.Figure;
import org.scalefit.plot.charts.IsoFlopChart;
import org.scalefit.plot.charts.XY;

/**
 * Draws an IsoFLOP fit (Hoffmann et al.'s Approach 2, {@link IsoFlop}) as the paper's Figure 3: the runs of each
 * budget with its parabola, the runs left out in grey, and N_opt and D_opt against compute with their power laws,
 * read off at one budget. Shared by the {@code hoffmann2022-isoflop} reproduction and {@code scalefit isoflop --plot}.
 *
 * <pre>{@code
 * IsoFlop.Result fit = IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), 0.1);
 * Figure f = IsoFlopFigure.draw(fit, params, loss, IsoFlop.GOPHER_FLOPS, "IsoFLOP profiles", "Epoch AI's digitization");
 * }</pre>
 */
public final class IsoFlopFigure {
    /** Half-width, in ln N, by which each parabola is drawn beyond its runs (a quarter of e either side, as in the paper). */
    private static final double BEYOND = 0.25;

    private IsoFlopFigure() {
    }

    /**
     * @param fit     the IsoFLOP fit
     * @param params  the model size of each run (the arrays the fit was made from)
     * @param loss    the loss of each run
     * @param readOff compute at which to read N_opt and D_opt off (teal lines), or NaN for none
     * @param title   the figure's title
     * @param caption a line above the panels saying where the runs come from
     * @return the figure
     */
    public static Figure draw(IsoFlop.Result fit, double[] params, double[] loss, double readOff, String title, String caption) {
        List<IsoFlopChart.Budget> budgets = new ArrayList<>();
        List<Double> cs = new ArrayList<>();
        List<Double> ns = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        for (IsoFlop.Profile p : fit.profiles()) {
            int[] runs = p.runs();
            if (runs.length == 0) {
                continue;
            }
            double[] n = new double[runs.length];
            double[] l = new double[runs.length];
            for (int j = 0; j < runs.length; j++) {
                n[j] = params[runs[j]];
                l[j] = loss[runs[j]];
            }
            XY parabola = new XY(new double[0], new double[0]);
            if (p.valid()) {
                int g = 60;
                double[] px = new double[g];
                double[] py = new double[g];
                double lo = Math.log(n[0]) - BEYOND;
                double hi = Math.log(n[n.length - 1]) + BEYOND;
                for (int j = 0; j < g; j++) {
                    px[j] = Math.exp(lo + (hi - lo) * j / (g - 1));
                    py[j] = p.parabola().lossAt(px[j]);
                }
                parabola = new XY(px, py);
                cs.add(p.compute());
                ns.add(p.nOpt());
                ds.add(p.dOpt());
            }
            budgets.add(new IsoFlopChart.Budget(p.compute(), new XY(n, l), parabola));
        }
        double[] ox = new double[fit.excluded().size()];
        double[] oy = new double[ox.length];
        for (int i = 0; i < ox.length; i++) {
            ox[i] = params[fit.excluded().get(i).run()];
            oy[i] = loss[fit.excluded().get(i).run()];
        }
        double[] c = unbox(cs);
        IsoFlopChart.Optimum n = new IsoFlopChart.Optimum(new XY(c, unbox(ns)), line(fit.nOpt()), fit.nOpt().exponent(),
                Double.isFinite(readOff) ? fit.nOptAt(readOff) : Double.NaN);
        IsoFlopChart.Optimum d = new IsoFlopChart.Optimum(new XY(c, unbox(ds)), line(fit.dOpt()), fit.dOpt().exponent(),
                Double.isFinite(readOff) ? fit.dOptAt(readOff) : Double.NaN);
        return IsoFlopChart.draw(new IsoFlopChart.Input(budgets, new XY(ox, oy), n, d, readOff, title, caption));
    }

    /** The power law over the charts' compute axis, 10¹⁷ to 10²⁵ FLOP. */
    private static XY line(ScalingFit law) {
        int m = 50;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.pow(10, 17 + 8.0 * i / (m - 1));
            y[i] = law.at(x[i]);
        }
        return new XY(x, y);
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
