/*
 * Chinchilla compute-optimal allocation (Hoffmann et al. 2022, Approach 3): fit
 * L(N, D) = E + A/N^alpha + B/D^beta to IsoFLOP runs, then split each compute budget C = 6·N·D
 * between parameters N and tokens D, with delta-method intervals.
 *
 *     java -cp target/scalefit.jar examples/ComputeOptimal.java
 *
 * Prints the fitted law, the allocation at three budgets and the compute for a target loss, and
 * writes compute-optimal.png.
 */

import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.optimal.Allocation;
import org.scalefit.optimal.OptimalAllocation;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.Layout;
import org.scalefit.plot.Legend;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.MarkerStyle;
import org.scalefit.plot.Panel;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Ticks;

public class ComputeOptimal {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/hoffmann2022-isoflop-synthetic.csv");
        Observations data = DataSpec.builder().predictor("N=params").predictor("D=tokens").response("loss").build()
                .load(file).observations();

        // Epoch AI's objective (Besiroglu et al. 2024): Huber loss (delta 1e-3) on ln L, from Hoffmann's
        // 4,500-start grid; variable projection solves E, A, B exactly, leaving 25 distinct starts.
        FitOptions options = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid())
                .solver(Solver.VARPRO).build();
        Fit fit = Fitter.fit(new ChinchillaLaw(), data, options);
        System.out.println(fit.formulaWithValues());

        OptimalAllocation allocation = OptimalAllocation.delta(fit);
        org.scalefit.optimal.ComputeOptimal opt = allocation.point();   // the closed forms at the fitted values
        System.out.printf("N_opt ∝ C^%.3f, D_opt ∝ C^%.3f (the generating law: 0.452 and 0.548)%n",
                opt.nExponent(), opt.dExponent());
        System.out.println("compute (FLOP)  N_opt (params)                D_opt (tokens)                tokens/param");
        for (double c : new double[] {1e21, 1e23, 1e25}) {
            Allocation a = allocation.at(c);
            System.out.printf("%-15.0e %-29s %-29s %.1f%n", c, text(a.nOpt()), text(a.dOpt()),
                    a.tokensPerParameter().value());
        }
        Estimate needed = allocation.computeForLoss(2.0);
        System.out.println("compute to reach loss 2.0: " + text(needed) + " FLOP");

        // The chart: N_opt and D_opt against C with their bands, and the best run of each IsoFLOP budget.
        int n = 100;
        double[] c = new double[n];
        double[][] nLine = new double[3][n];
        double[][] dLine = new double[3][n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.pow(10, 18 + 8.0 * i / (n - 1));
            Allocation a = allocation.at(c[i]);
            nLine[0][i] = a.nOpt().value();
            nLine[1][i] = a.nOpt().lower();
            nLine[2][i] = a.nOpt().upper();
            dLine[0][i] = a.dOpt().value();
            dLine[1][i] = a.dOpt().lower();
            dLine[2][i] = a.dOpt().upper();
        }
        Map<Double, Integer> best = new TreeMap<>();   // budget → row of its lowest loss
        for (int i = 0; i < data.size(); i++) {
            double budget = 6 * data.x(0, i) * data.x(1, i);
            double key = Math.rint(Math.log10(budget) * 10);
            if (!best.containsKey(key) || data.y(i) < data.y(best.get(key))) {
                best.put(key, i);
            }
        }
        double[] bc = new double[best.size()];
        double[] bn = new double[best.size()];
        double[] bd = new double[best.size()];
        int k = 0;
        for (int i : best.values()) {
            bc[k] = 6 * data.x(0, i) * data.x(1, i);
            bn[k] = data.x(0, i);
            bd[k] = data.x(1, i);
            k++;
        }
        Color blue = Colors.C0;
        Color orange = Colors.ORANGE;
        LineStyle nStyle = LineStyle.solid(blue, 2);
        LineStyle dStyle = LineStyle.solid(orange, 2);
        MarkerStyle nRuns = MarkerStyle.circle(blue, 7);
        MarkerStyle dRuns = MarkerStyle.circle(orange, 7);
        TextStyle small = TextStyle.sans(10.5, Colors.TEXT);
        Panel panel = Panel.builder(
                        Axis.log(1e18, 1e26, Ticks.log(1e18, 1e26, Ticks.LogStyle.SUPERSCRIPT)).withTitle("Compute C (FLOP)"),
                        Axis.log(1e7, 1e14, Ticks.log(1e7, 1e14, Ticks.LogStyle.SUPERSCRIPT))
                                .withTitle("Parameters N, tokens D"))
                .add(new Mark.Band(c, nLine[1], nLine[2], Colors.withAlpha(blue, 0.2)))
                .add(new Mark.Band(c, dLine[1], dLine[2], Colors.withAlpha(orange, 0.2)))
                .add(new Mark.Line(c, nLine[0], nStyle))
                .add(new Mark.Line(c, dLine[0], dStyle))
                .add(new Mark.Points(bc, bn, nRuns))
                .add(new Mark.Points(bc, bd, dRuns))
                .legend(Legend.of(Legend.Corner.UPPER_LEFT, small,
                        Legend.Entry.line(String.format("N_opt = %.3g·(C/6)^{%.3f}", opt.g(), opt.nExponent()), nStyle),
                        Legend.Entry.line(String.format("D_opt = %.3g·(C/6)^{%.3f}", 1 / opt.g(), opt.dExponent()), dStyle),
                        Legend.Entry.marker("best run of each IsoFLOP budget", nRuns),
                        Legend.Entry.patch("95% interval (delta method)", Colors.withAlpha(Color.GRAY, 0.25))))
                .build();
        Figure figure = Figure.builder(640, 440).panel(panel, Layout.plotArea(panel, 0, 0, 640, 440))
                .title("Compute-optimal allocation").build();
        Path png = Path.of("compute-optimal.png");
        FigureWriter.write(figure, png);
        System.out.println("wrote " + png);
    }

    private static String text(Estimate e) {
        return String.format("%.3g [%.3g, %.3g]", e.value(), e.lower(), e.upper());
    }
}
