/*
 * Fit a power law to experiment data: Kaplan et al. (2020)'s test loss against model size,
 * L(N) = (Nc/N)^alphaN, and compare the exponent with the paper's alphaN = 0.076.
 *
 * Run from the project directory after building the jar (./scalefit --version builds it):
 *
 *     java -cp target/scalefit.jar examples/FitPowerLaw.java
 *
 * Prints the fitted law with 95% intervals and a prediction, and writes fit-power-law.png.
 */

import java.nio.file.Path;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.PowerLaw;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.FitPlot;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.Prediction;

public class FitPowerLaw {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/kaplan2020-parameters.csv");
        Observations data = DataSpec.builder().predictor("params").response("loss").build()
                .load(file).observations();

        // y = a·x^(−alpha), fitted to ln(loss): the noise of a loss curve is multiplicative.
        Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());

        System.out.println(fit.formulaWithValues());
        for (Parameter p : fit.parameters()) {
            System.out.printf("%-6s %.5g  (95%% interval %.5g to %.5g)%n", p.name(), p.value(), p.lower(), p.upper());
        }
        System.out.printf("R² %.4f on %d points; Kaplan et al. (2020) report alphaN = 0.076%n", fit.r2(), fit.n());

        Prediction at1e11 = Bands.delta(fit, 1e11);
        System.out.printf("loss at N = 1e11: %.4f, a new run in [%.4f, %.4f] (%s)%n", at1e11.value(),
                at1e11.prediction().lower(), at1e11.prediction().upper(), at1e11.extrapolation().message());

        Path png = Path.of("fit-power-law.png");
        FigureWriter.write(FitPlot.of(fit, FitPlot.Options.defaults().withResiduals(true).withExtend(0.15)), png);
        System.out.println("wrote " + png);
    }
}
