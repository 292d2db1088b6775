/*
 * Which law is it, and what does it say two decades beyond the data? Compare five laws on the same
 * synthetic loss-vs-compute runs, then extrapolate the offset power law with a bootstrap band.
 *
 *     java -cp target/scalefit.jar examples/CompareAndExtrapolate.java
 *
 * Prints the ranking and verdict, the prediction at 1e25 FLOP with its bands, and writes
 * compare-and-extrapolate.png.
 */

import java.nio.file.Path;
import java.util.List;
import org.scalefit.compare.Candidate;
import org.scalefit.compare.Comparison;
import org.scalefit.compare.ComparisonOptions;
import org.scalefit.compare.ModelComparison;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.BrokenPowerLaw;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.QuadraticInLog;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.FitPlot;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Prediction;
import org.scalefit.uncertainty.Resampler;

public class CompareAndExtrapolate {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/synthetic-loss-vs-compute.csv");
        Observations data = DataSpec.builder().predictor("compute").response("loss").build()
                .load(file).observations();

        // Every law fitted in the same (log) residual space, ranked by AICc, leave-one-out error and a
        // backtest that predicts the 3 largest-compute runs from the others.
        List<Law> laws = List.of(new PowerLaw(), new OffsetPowerLaw(), new Exponential(),
                QuadraticInLog.centredOn(data), new BrokenPowerLaw(1));
        Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
        System.out.println("rank  law                  ΔAICc   weight   backtest RMSE");
        for (Candidate k : c.ranking()) {
            System.out.printf("%-5d %-18s %7.2f   %6.3f   %.4f%n", k.rank(), k.law(), k.delta(), k.weight(),
                    k.backtest().rmse());
        }
        System.out.println("verdict: " + c.verdict());

        // Extrapolate with the offset power law (the irreducible loss E keeps it from running to zero),
        // with a 1,000-replicate row bootstrap: seeded, so the numbers are the same on every machine.
        Fit fit = Fitter.fit(new OffsetPowerLaw(), data, FitOptions.defaults());
        BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 1000, FitOptions.DEFAULT_SEED, 2);
        Prediction p = Bands.bootstrap(boot, 1e25);
        System.out.println(fit.formulaWithValues());
        System.out.printf("loss at 1e25 FLOP: %.3f; curve in [%.3f, %.3f], a new run in [%.3f, %.3f] (95%%, bootstrap)%n",
                p.value(), p.confidence().lower(), p.confidence().upper(), p.prediction().lower(), p.prediction().upper());
        System.out.println(p.extrapolation().message());

        // The chart: points, curve (dashed beyond the data) and the bootstrap band from the data out to
        // 1e25 FLOP; the curve follows the band.
        double[] xs = new double[120];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.pow(10, 17 + (25 - 17) * i / (xs.length - 1.0));
        }
        FitPlot.Options options = FitPlot.Options.defaults().withBand(Bands.bootstrapBand(boot, xs)).withExtend(0)
                .withTitle("Offset power law, extrapolated with a bootstrap band");
        Path png = Path.of("compare-and-extrapolate.png");
        FigureWriter.write(FitPlot.of(fit, options), png);
        System.out.println("wrote " + png);
    }
}
