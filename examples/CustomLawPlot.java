/*
 * A law of your own, fitted and drawn on log-log axes: Kaplan et al. (2020)'s data-limited loss in the
 * paper's own parameterisation, L(D) = (Dc/D)^alphaD, written once as a Java class implementing Law
 * (analytic gradient, a data-driven start) and once as a typed formula; both fits must agree, and
 * the paper reports Dc = 5.4e13 tokens, alphaD = 0.095.
 *
 *     java -cp target/scalefit.jar examples/CustomLawPlot.java
 *
 * Prints both fits next to the published values, and writes custom-law-plot.png.
 */

import java.nio.file.Path;
import java.util.List;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.ParameterDomain;
import org.scalefit.model.Space;
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

public class CustomLawPlot {
    /** L(D) = (Dc/D)^alphaD: parameters Dc (tokens) and alphaD, both positive; D in tokens. */
    static final class DataLimitedLoss implements Law {
        @Override
        public String name() {
            return "kaplan-data-limited";
        }

        @Override
        public List<String> predictors() {
            return List.of("D");
        }

        @Override
        public List<String> parameters() {
            return List.of("Dc", "alphaD");
        }

        @Override
        public double value(double[] x, double[] p) {
            return Math.pow(p[0] / x[0], p[1]);
        }

        @Override
        public void gradient(double[] x, double[] p, double[] out) {
            double f = value(x, p);
            out[0] = f * p[1] / p[0];                  // ∂f/∂Dc
            out[1] = f * Math.log(p[0] / x[0]);        // ∂f/∂alphaD
        }

        /** ln L = alphaD·ln Dc − alphaD·ln D: a straight line in log-log coordinates gives the start. */
        @Override
        public double[] initialGuess(Observations data) {
            int n = data.size();
            double su = 0, sv = 0, suu = 0, suv = 0;
            for (int i = 0; i < n; i++) {
                double u = Math.log(data.x(i));
                double v = Math.log(data.y(i));
                su += u;
                sv += v;
                suu += u * u;
                suv += u * v;
            }
            double slope = (n * suv - su * sv) / (n * suu - su * su);
            double intercept = (sv - slope * su) / n;
            double alpha = -slope;
            return new double[] {Math.exp(intercept / alpha), alpha};
        }

        @Override
        public ParameterDomain domain(int j) {
            return ParameterDomain.POSITIVE;
        }

        @Override
        public boolean requiresPositive(int k) {
            return true;
        }

        @Override
        public Space defaultSpace() {
            return Space.LOG;
        }

        @Override
        public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
            return values == null ? responseLabel + " = (Dc/" + predictorLabels.get(0) + ")^alphaD"
                    : String.format("%s = (%.3g/%s)^%.4f", responseLabel, values[0], predictorLabels.get(0), values[1]);
        }
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/kaplan2020-dataset-size.csv");
        Observations data = DataSpec.builder().predictor("D=tokens").response("loss").build().load(file).observations();

        Fit byClass = Fitter.fit(new DataLimitedLoss(), data, FitOptions.defaults());
        // The same law as a formula: every name that is not a predictor is a parameter. A formula has no
        // structure to guess from, so it gets start values, and log space is asked for explicitly.
        Fit byFormula = Fitter.fit(new ExpressionLaw("(Dc/D)^alphaD", List.of("D")), data,
                FitOptions.builder().space(Space.LOG).start("Dc", 1e13).start("alphaD", 0.1).build());

        System.out.println(byClass.formulaWithValues());
        System.out.printf("%-12s %14s %14s %14s%n", "", "Java class", "formula", "Kaplan et al.");
        System.out.printf("%-12s %14.4g %14.4g %14s%n", "Dc (tokens)", byClass.value("Dc"), byFormula.value("Dc"), "5.4e13");
        System.out.printf("%-12s %14.5f %14.5f %14s%n", "alphaD", byClass.value("alphaD"), byFormula.value("alphaD"), "0.095");
        System.out.printf("%-12s %14.3g %14.3g%n", "RSS (ln L)", byClass.rss(), byFormula.rss());

        // A log-log chart of our own: the runs, the fitted law, and the published law for comparison.
        double[] d = new double[80];
        double[] fitted = new double[d.length];
        double[] published = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.pow(10, 7 + 4.0 * i / (d.length - 1));
            fitted[i] = byClass.predict(d[i]);
            published[i] = Math.pow(5.4e13 / d[i], 0.095);
        }
        double[] xs = new double[data.size()];
        double[] ys = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            xs[i] = data.x(i);
            ys[i] = data.y(i);
        }
        MarkerStyle runs = MarkerStyle.circle(Colors.C0, 7);
        LineStyle fitLine = LineStyle.solid(Colors.TOMATO, 2);
        LineStyle paperLine = LineStyle.dashed(Colors.FIT_GREY, 1.5);
        Panel panel = Panel.builder(
                        Axis.log(1e7, 1e11, Ticks.log(1e7, 1e11, Ticks.LogStyle.SUPERSCRIPT)).withTitle("Dataset size D (tokens)"),
                        Axis.log(1.7, 4.6, Ticks.log(1.7, 4.6, Ticks.LogStyle.DECIMAL)).withTitle("Test loss (nats/token)"))
                .add(new Mark.Line(d, published, paperLine))
                .add(new Mark.Line(d, fitted, fitLine))
                .add(new Mark.Points(xs, ys, runs))
                .legend(Legend.of(Legend.Corner.UPPER_RIGHT, TextStyle.sans(10.5, Colors.TEXT),
                        Legend.Entry.marker("runs (n = " + data.size() + ")", runs),
                        Legend.Entry.line("fit: L = (" + tenTo(byClass.value("Dc")) + "/D)^{"
                                + String.format("%.4f", byClass.value("alphaD")) + "}", fitLine),
                        Legend.Entry.line("Kaplan et al. (2020): L = (5.4·10^{13}/D)^{0.095}", paperLine)))
                .build();
        Figure figure = Figure.builder(640, 440).panel(panel, Layout.plotArea(panel, 0, 0, 640, 440)).build();
        Path png = Path.of("custom-law-plot.png");
        FigureWriter.write(figure, png);
        System.out.println("wrote " + png);
    }

    /** 5.398e13 as "5.40·10^{13}": the chart's text markup draws ^{…} as a superscript. */
    static String tenTo(double v) {
        int e = (int) Math.floor(Math.log10(v));
        return String.format("%.2f·10^{%d}", v / Math.pow(10, e), e);
    }
}
