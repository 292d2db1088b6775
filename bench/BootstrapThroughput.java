import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Starts;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.stats.Quantiles;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * T2 bootstrap throughput: the 1,000 pairs-bootstrap resamples of E + A·C^(−alpha) given in
 * shared/bench/data/t2_bootstrap_indices.csv, fitted like the SciPy anchor (linear residuals, E ≥ 0,
 * 0 ≤ alpha ≤ 2, start (1, 100, 0.1)). Prints one JSON line per variant (min and median seconds over reps,
 * the alpha 95% percentile interval, failures), in the anchor's format.
 *
 * Run from the project root after building the jar:
 *   java -cp target/scalefit.jar bench/BootstrapThroughput.java ../shared/bench/data 5
 */
public class BootstrapThroughput {
    static final double[] P0 = {1.0, 100.0, 0.1};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/data");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> lines = Files.readAllLines(dir.resolve("t2_irreducible.csv"));
        int n = lines.size() - 1;
        double[] c = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            c[i] = Double.parseDouble(cells[0]);
            l[i] = Double.parseDouble(cells[1]);
        }
        List<String> idxLines = Files.readAllLines(dir.resolve("t2_bootstrap_indices.csv"));
        int[][] idx = new int[idxLines.size() - 1][];
        for (int r = 0; r < idx.length; r++) {
            idx[r] = Arrays.stream(idxLines.get(r + 1).split(",")).mapToInt(Integer::parseInt).toArray();
        }
        Observations data = Observations.of(c, l);
        OffsetPowerLaw law = new OffsetPowerLaw();
        FitOptions anchorLike = FitOptions.builder().space(Space.LINEAR).bound("E", new Bound(0, Double.POSITIVE_INFINITY))
                .bound("alpha", new Bound(0, 2)).starts(Starts.warm(P0)).build();
        Fit fit = Fitter.fit(law, data, anchorLike);
        double half = 0.5 * fit.rss();
        System.err.printf(Locale.ROOT, "full-data optimum E=%.4f A=%.1f alpha=%.5f 0.5*SSR=%.7f (%s)%n",
                fit.value("E"), fit.value("A"), fit.value("alpha"), half, fit.convergenceReason());

        // warm-up so that the JIT has compiled the fitting path before anything is timed
        for (int w = 0; w < 3; w++) {
            Bootstrap.fromIndices(fit, idx, 1);
            cold(law, data, idx, anchorLike);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        emit("scalefit Bootstrap.fromIndices, warm start, 1 thread", reps, fit, () -> summary(Bootstrap.fromIndices(fit, idx, 1)));
        emit("scalefit Bootstrap.fromIndices, warm start, " + cores + " threads", reps, fit,
                () -> summary(Bootstrap.fromIndices(fit, idx, cores)));
        emit("scalefit refit from the anchor's fixed p0 (no warm start), 1 thread", reps, fit,
                () -> cold(law, data, idx, anchorLike));
    }

    /** Each resample fitted from the anchor's start (1, 100, 0.1), as the SciPy anchor does. */
    static double[] cold(OffsetPowerLaw law, Observations data, int[][] idx, FitOptions options) {
        double[] alphas = new double[idx.length];
        int failures = 0;
        int ok = 0;
        for (int[] rows : idx) {
            try {
                Fit f = Fitter.fit(law, data.select(rows), options);
                if (f.converged()) {
                    alphas[ok++] = f.value("alpha");
                } else {
                    failures++;
                }
            } catch (RuntimeException e) {
                failures++;
            }
        }
        double[] a = Arrays.copyOf(alphas, ok);
        Arrays.sort(a);
        return new double[] {Quantiles.percentile(a, 0.025), Quantiles.percentile(a, 0.975), failures};
    }

    static double[] summary(BootstrapResult b) {
        double[] a = b.distribution(p -> p[2]);
        double[] ci = BootstrapResult.percentileInterval(a, 0.95);
        return new double[] {ci[0], ci[1], b.failed()};
    }

    interface Work {
        double[] run();
    }

    static void emit(String tool, int reps, Fit fit, Work work) {
        List<Double> times = new ArrayList<>();
        double[] result = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            result = work.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : 0.5 * (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2));
        System.out.printf(Locale.ROOT, "{\"task\": \"T2\", \"tool\": \"%s [1000-resample bootstrap]\", \"seconds_min\": %.6f, "
                        + "\"seconds_median\": %.6f, \"reps\": %d, \"params\": {\"E\": %.6f, \"A\": %.4f, \"alpha\": %.6f}, "
                        + "\"objective\": %.9f, \"bootstrap\": {\"alpha_ci95\": [%.6f, %.6f], \"failures\": %d, \"n_boot\": 1000}, "
                        + "\"java\": \"%s\"}%n",
                tool, sorted.get(0), median, reps, fit.value("E"), fit.value("A"), fit.value("alpha"), 0.5 * fit.rss(),
                result[0], result[1], (int) result[2], System.getProperty("java.version"));
    }
}
