import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.stats.Parallel;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * Times scalefit on the T3 workloads of ../shared/bench (a benchmark, not a test). Run from the
 * project root after building the jar:
 *
 *   java -cp target/scalefit.jar bench/ChinchillaBench.java --csv FILE [--drop-top-loss 5] [--e-max 1.0] [--reps 3]
 *
 * FILE has columns N, D, L (the shared synthetic t3_chinchilla.csv) or Epoch's "Model Size",
 * "Training FLOP", "loss" (D = FLOP/(6N)). Prints one JSON line per workload and thread count:
 * the Hoffmann grid (alpha, beta in {0..2}, e in {-1..e-max}, a, b in {0..25}) fitted with Huber
 * delta = 1e-3 by L-BFGS from every start and by variable projection; a 1,000-resample row bootstrap
 * (warm-started at the full-data optimum, as Bootstrap.run does); and an Epoch-style bootstrap (each
 * resample one L-BFGS fit from Hoffmann's published parameters), as SciPy's anchor times it. Seconds
 * are wall clock, min over --reps, after one warm-up run.
 */
public final class ChinchillaBench {
    private static final double[] HOFFMANN = {1.69, 406.4, 410.7, 0.34, 0.28};

    public static void main(String[] args) {
        String csv = null;
        int drop = 0;
        double eMax = 1.0;
        int reps = 3;
        int resamples = 1000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--csv" -> csv = args[i + 1];
                case "--drop-top-loss" -> drop = Integer.parseInt(args[i + 1]);
                case "--e-max" -> eMax = Double.parseDouble(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--resamples" -> resamples = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Observations data = load(Path.of(csv), drop);
        String label = Path.of(csv).getFileName().toString();
        Starts grid = grid(eMax);
        int cores = Runtime.getRuntime().availableProcessors();
        FitOptions base = FitOptions.builder().loss(Loss.huber(1e-3)).starts(grid).build();
        for (int threads : new int[] {1, cores}) {
            // AUTO is what a user runs (variable projection, checked); LBFGS is L-BFGS from every start.
            for (Solver solver : new Solver[] {Solver.LBFGS, Solver.AUTO}) {
                FitOptions o = base.toBuilder().solver(solver).threads(threads).build();
                Fit[] last = new Fit[1];
                double s = time(reps, () -> last[0] = Fitter.fit(new ChinchillaLaw(), data, o));
                emit("grid " + grid.explicitCount() + " starts, " + last[0].solver(), label, data.size(), threads, s, last[0], null);
            }
        }
        // Bootstrap refits start at this optimum with the fit's own options: L-BFGS (the default for Huber).
        Fit fit = Fitter.fit(new ChinchillaLaw(), data, base.toBuilder().solver(Solver.AUTO).threads(cores).build());
        for (int threads : new int[] {1, cores}) {
            final int r = resamples;
            BootstrapResult[] last = new BootstrapResult[1];
            double s = time(reps, () -> last[0] = Bootstrap.run(fit, Resampler.rows(), r, 42, threads));
            emit("bootstrap " + resamples + " resamples, warm at the optimum", label, data.size(), threads, s, fit, last[0]);
            double[][] epochStyle = new double[resamples][];
            double e = time(reps, () -> epochStyleBootstrap(data, r, threads, epochStyle));
            emit("Epoch-style bootstrap " + resamples + " resamples, start at Hoffmann's parameters", label, data.size(),
                    threads, e, fit, null);
        }
    }

    /** Each resample: one L-BFGS fit from Hoffmann et al.'s parameters (as Epoch's notebook, and SciPy's anchor, do). */
    private static void epochStyleBootstrap(Observations data, int resamples, int threads, double[][] out) {
        FitOptions o = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.warm(HOFFMANN)).build();
        Parallel.forEach(threads, resamples, i -> {
            SplittableRandom rng = org.scalefit.stats.Seeds.random(42, 7, i);
            int n = data.size();
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) {
                idx[k] = rng.nextInt(n);
            }
            out[i] = Fitter.fit(new ChinchillaLaw(), data.select(idx), o).values();
        });
    }

    private static Observations load(Path file, int drop) {
        String header;
        try {
            header = java.nio.file.Files.readAllLines(file).get(0);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file, e);
        }
        DataSpec spec = header.contains("Model Size")
                ? DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)").response("loss").build()
                : DataSpec.builder().predictor("N=N").predictor("D=D").response("L").build();
        Observations all = spec.load(file).observations();
        if (drop == 0) {
            return all;
        }
        double[] y = all.yValues();
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length - drop];
        return all.select(java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] < threshold).toArray());
    }

    /** Hoffmann's grid with e up to eMax (1.0: Epoch's 4,500 starts; 1.5: the 5,400 of the shared anchor). */
    private static Starts grid(double eMax) {
        if (eMax == 1.0) {
            return Starts.hoffmannGrid();
        }
        List<double[]> points = new ArrayList<>();
        int ne = (int) Math.round((eMax + 1) / 0.5) + 1;
        for (int ia = 0; ia < 5; ia++) {
            for (int ib = 0; ib < 5; ib++) {
                for (int ie = 0; ie < ne; ie++) {
                    for (int ja = 0; ja < 6; ja++) {
                        for (int jb = 0; jb < 6; jb++) {
                            points.add(new double[] {Math.exp(-1 + 0.5 * ie), Math.exp(5.0 * ja), Math.exp(5.0 * jb), 0.5 * ia, 0.5 * ib});
                        }
                    }
                }
            }
        }
        return new Starts(false, 0, points, "hoffmann-grid-e" + eMax, false);
    }

    private static double time(int reps, Runnable r) {
        r.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static void emit(String work, String data, int n, int threads, double seconds, Fit fit, BootstrapResult b) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "{\"tool\": \"scalefit\", \"work\": \"%s\", \"data\": \"%s\", \"n_points\": %d, "
                + "\"threads\": %d, \"seconds_min\": %.6f", work, data, n, threads, seconds));
        if (fit != null && b == null && work.startsWith("grid")) {
            double[] p = fit.values();
            s.append(String.format(Locale.ROOT, ", \"objective\": %.12g, \"E\": %.6g, \"A\": %.6g, \"B\": %.6g, \"alpha\": %.6g, "
                    + "\"beta\": %.6g, \"starts\": %d", fit.objective(), p[0], p[1], p[2], p[3], p[4], fit.startsTried()));
        }
        if (b != null) {
            s.append(String.format(Locale.ROOT, ", \"succeeded\": %d", b.succeeded()));
            for (String name : fit.parameterNames()) {
                s.append(String.format(Locale.ROOT, ", \"se_%s\": %.6g", name, b.parameter(name).stderr()));
            }
        }
        System.out.println(s.append('}'));
    }
}
