import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.stats.Parallel;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.horizon.Logistic;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.stats.Quantiles;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * scalefit's side of bench/compare.sh (a benchmark, not a test): the same work as bench/scipy_side.py on the
 * same fixed data, wall clock, min over --reps after a warm-up, on 1 thread and on all cores. One JSON line per
 * workload. From the project root, after building the jar:
 *
 *   java -cp target/scalefit.jar bench/Compare.java --shared ../shared [--reps 5] [--tasks T1,T2,T3,T4] [--t1-out FILE]
 *
 * T1: 10,000 power-law fits, each a full Fit (covariance, diagnostics, warnings), in linear space (curve_fit's
 *     optimum) and in log space (our default; polyfit's optimum). T2: Bootstrap.fromIndices on the anchor's 1,000
 *     resamples (warm start + the 30-fit jackknife for BCa), and the anchor's own work (every resample from its fixed
 *     start). T3: Hoffmann's grid on Epoch's 240 points by L-BFGS from every start and by the automatic solver (variable projection, as a user runs it), the 5,400-start grid on
 *     t3_chinchilla.csv (for the C floor's cost per start), and a 1,000-resample bootstrap warm-started at the
 *     optimum (+ jackknife). T4: the anchor's 1,000 task resamples x 15 logistic fits + OLS.
 */
public final class Compare {
    static int reps = 5;

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        String tasks = "T1,T2,T3,T4";
        Path t1Out = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--tasks" -> tasks = args[i + 1];
                case "--t1-out" -> t1Out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = shared.resolve("bench/data");
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threadCounts = cores > 1 ? new int[] {1, cores} : new int[] {1};
        if (tasks.contains("T1")) {
            t1(data, threadCounts, t1Out);
        }
        if (tasks.contains("T2")) {
            t2(data, threadCounts);
        }
        if (tasks.contains("T3")) {
            t3(shared, threadCounts);
        }
        if (tasks.contains("T4")) {
            t4(data, threadCounts);
        }
    }

    static void t1(Path data, int[] threadCounts, Path out) throws Exception {
        Map<String, List<double[]>> sets = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(data.resolve("t1_powerlaw_points.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            sets.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])});
        }
        Observations[] obs = new Observations[sets.size()];
        int s = 0;
        for (List<double[]> pts : sets.values()) {
            obs[s++] = Observations.of(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
        }
        Map<Space, Fit[]> fits = new LinkedHashMap<>();
        for (Space space : new Space[] {Space.LINEAR, Space.LOG}) {
            FitOptions o = FitOptions.builder().space(space).threads(1).build();
            PowerLaw law = new PowerLaw();
            for (int t : threadCounts) {
                Fit[] f = new Fit[obs.length];
                double sec = time(() -> {
                    Parallel.forEach(t, obs.length, i -> f[i] = Fitter.fit(law, obs[i], o));
                    return f;
                });
                fits.put(space, f);
                long failed = Arrays.stream(f).filter(x -> !x.converged()).count();
                emit("T1", space == Space.LINEAR ? "nls linear" : "log space", t, sec, String.format(Locale.ROOT,
                        "\"sets\": %d, \"not_converged\": %d", obs.length, failed));
            }
        }
        // The same work as curve_fit: one local fit in linear space from its start (the log fit), so no basin scan.
        // The scan's worth is in the answers: count the sets where the single local fit ends above the default's.
        Fit[] logFits = fits.get(Space.LOG);
        Fit[] nls = fits.get(Space.LINEAR);
        FitOptions[] fromLog = new FitOptions[obs.length];
        for (int i = 0; i < obs.length; i++) {
            fromLog[i] = FitOptions.builder().space(Space.LINEAR).threads(1).starts(Starts.warm(logFits[i].values())).build();
        }
        for (int t : threadCounts) {
            Fit[] f = new Fit[obs.length];
            double sec = time(() -> {
                Parallel.forEach(t, obs.length, i -> f[i] = Fitter.fit(new PowerLaw(), obs[i], fromLog[i]));
                return f;
            });
            int worse = 0;
            double worst = 1;
            for (int i = 0; i < obs.length; i++) {
                if (f[i].rss() > nls[i].rss() * (1 + 1e-9)) {
                    worse++;
                    worst = Math.max(worst, f[i].rss() / nls[i].rss());
                }
            }
            emit("T1", "nls linear from the log fit", t, sec, String.format(Locale.ROOT,
                    "\"sets\": %d, \"worse_than_default\": %d, \"worst_rss_ratio\": %.4g", obs.length, worse, worst));
        }
        if (out != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                w.println("set,a_log,alpha_log,a_linear,alpha_linear,rss_linear");
                for (int i = 0; i < obs.length; i++) {
                    Fit lg = fits.get(Space.LOG)[i];
                    Fit ln = fits.get(Space.LINEAR)[i];
                    w.printf(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.17g%n", i, lg.value("a"), lg.value("alpha"),
                            ln.value("a"), ln.value("alpha"), ln.rss());
                }
            }
        }
    }

    static void t2(Path data, int[] threadCounts) throws Exception {
        List<String> lines = Files.readAllLines(data.resolve("t2_irreducible.csv"));
        int n = lines.size() - 1;
        double[] c = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            c[i] = Double.parseDouble(cells[0]);
            l[i] = Double.parseDouble(cells[1]);
        }
        int[][] idx = indices(data.resolve("t2_bootstrap_indices.csv"));
        Observations obs = Observations.of(c, l);
        FitOptions anchorLike = FitOptions.builder().space(Space.LINEAR).bound("E", new Bound(0, Double.POSITIVE_INFINITY))
                .bound("alpha", new Bound(0, 2)).starts(Starts.warm(new double[] {1.0, 100.0, 0.1})).build();
        OffsetPowerLaw law = new OffsetPowerLaw();
        Fit fit = Fitter.fit(law, obs, anchorLike);
        String opt = String.format(Locale.ROOT, "\"params\": {\"E\": %.10g, \"A\": %.10g, \"alpha\": %.10g}, \"objective\": %.12g",
                fit.value("E"), fit.value("A"), fit.value("alpha"), 0.5 * fit.rss());
        for (int t : threadCounts) {
            BootstrapResult[] b = new BootstrapResult[1];
            double sec = time(() -> b[0] = Bootstrap.fromIndices(fit, idx, t));
            double[] ci = BootstrapResult.percentileInterval(b[0].distribution(p -> p[2]), 0.95);
            emit("T2", "bootstrap warm + jackknife", t, sec, opt + String.format(Locale.ROOT,
                    ", \"alpha_ci95\": [%.6f, %.6f], \"failures\": %d", ci[0], ci[1], b[0].failed()));
        }
        for (int t : threadCounts) {
            double[] alpha = new double[idx.length];
            double sec = time(() -> {
                Parallel.forEach(t, idx.length, r -> alpha[r] = Fitter.refit(law, obs.select(idx[r]), anchorLike).value(2));
                return alpha;
            });
            double[] sorted = alpha.clone();
            Arrays.sort(sorted);
            emit("T2", "anchor's work: each resample from (1, 100, 0.1)", t, sec, opt + String.format(Locale.ROOT,
                    ", \"alpha_ci95\": [%.6f, %.6f]", Quantiles.percentile(sorted, 0.025), Quantiles.percentile(sorted, 0.975)));
        }
    }

    static void t3(Path shared, int[] threadCounts) {
        Path epoch = shared.resolve("reference-data/epoch-chinchilla/svg_extracted_data.csv");
        if (Files.exists(epoch)) {
            Observations all = DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)")
                    .response("loss").build().load(epoch).observations();
            double[] y = all.yValues();
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            double threshold = sorted[sorted.length - 5];
            Observations data = all.select(IntStream.range(0, y.length).filter(i -> y[i] < threshold).toArray());
            grid(data, "epoch", Starts.hoffmannGrid(), threadCounts);
            FitOptions base = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).threads(threadCounts[threadCounts.length - 1]).build();
            Fit fit = Fitter.fit(new ChinchillaLaw(), data, base);
            for (int t : threadCounts) {
                BootstrapResult[] b = new BootstrapResult[1];
                double sec = time(() -> b[0] = Bootstrap.run(fit, Resampler.rows(), 1000, 42, t));
                emit("T3", "epoch bootstrap warm + jackknife", t, sec, String.format(Locale.ROOT,
                        "\"alpha_se\": %.5f, \"beta_se\": %.5f, \"failures\": %d", b[0].parameter("alpha").stderr(),
                        b[0].parameter("beta").stderr(), b[0].failed()));
            }
        }
        Path t3 = shared.resolve("bench/data/t3_chinchilla.csv");
        if (Files.exists(t3)) {
            Observations data = DataSpec.builder().predictor("N=N").predictor("D=D").response("L").build().load(t3).observations();
            List<double[]> points = new ArrayList<>();
            for (int ia = 0; ia < 5; ia++) {
                for (int ib = 0; ib < 5; ib++) {
                    for (int ie = 0; ie < 6; ie++) {
                        for (int ja = 0; ja < 6; ja++) {
                            for (int jb = 0; jb < 6; jb++) {
                                points.add(new double[] {Math.exp(-1 + 0.5 * ie), Math.exp(5.0 * ja), Math.exp(5.0 * jb), 0.5 * ia, 0.5 * ib});
                            }
                        }
                    }
                }
            }
            grid(data, "t3", new Starts(false, 0, points, "hoffmann-grid-e1.5", false), threadCounts);
        }
    }

    static void grid(Observations data, String label, Starts starts, int[] threadCounts) {
        FitOptions base = FitOptions.builder().loss(Loss.huber(1e-3)).starts(starts).build();
        // LBFGS: L-BFGS from every start; AUTO: what a user runs (variable projection, checked; Fit.solver() says).
        for (Solver solver : new Solver[] {Solver.LBFGS, Solver.AUTO}) {
            for (int t : threadCounts) {
                FitOptions o = base.toBuilder().solver(solver).threads(t).build();
                Fit[] f = new Fit[1];
                double sec = time(() -> f[0] = Fitter.fit(new ChinchillaLaw(), data, o));
                double[] p = f[0].values();
                emit("T3", label + " grid " + solver.toString().toLowerCase(Locale.ROOT), t, sec, String.format(Locale.ROOT,
                        "\"starts\": %d, \"solver\": \"%s\", \"objective\": %.13g, \"params\": {\"E\": %.10g, \"A\": %.10g, "
                                + "\"B\": %.10g, \"alpha\": %.10g, \"beta\": %.10g}", starts.explicitCount(), f[0].solver(),
                        f[0].objective(), p[0], p[1], p[2], p[3], p[4]));
            }
        }
    }

    static void t4(Path data, int[] threadCounts) throws Exception {
        List<String> lines = Files.readAllLines(data.resolve("t4_metr_runs.csv"));
        int models = 0;
        int tasks = 0;
        int runs = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            models = Math.max(models, Integer.parseInt(c[0]) + 1);
            tasks = Math.max(tasks, Integer.parseInt(c[2]) + 1);
            runs = Math.max(runs, Integer.parseInt(c[4]) + 1);
        }
        double[] dates = new double[models];
        double[] lx = new double[tasks];
        double[][] succ = new double[models][tasks];
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            int m = Integer.parseInt(c[0]);
            int t = Integer.parseInt(c[2]);
            dates[m] = Double.parseDouble(c[1]);
            lx[t] = Math.log(Double.parseDouble(c[3])) / Math.log(2);
            succ[m][t] += Double.parseDouble(c[5]);
        }
        int[][] idx = indices(data.resolve("t4_bootstrap_task_indices.csv"));
        final int nm = models;
        final int nt = tasks;
        final int nr = runs;
        double[] start0 = new double[nm];
        double[] start1 = new double[nm];
        Logistic full = new Logistic();
        double[] w0 = new double[nt];
        Arrays.fill(w0, nr);
        for (int m = 0; m < nm; m++) {
            full.fit(lx, w0, succ[m], nt, 10.0, Double.NaN, Double.NaN);
            start0[m] = full.intercept();
            start1[m] = full.slope();
        }
        for (int th : threadCounts) {
            double[] dt = new double[idx.length];
            int chunks = Math.min(th * 8, idx.length);
            double sec = time(() -> {
                Parallel.forEach(th, chunks, k -> {
                    Logistic solver = new Logistic();
                    double[] x = new double[nt];
                    double[] w = new double[nt];
                    double[] v = new double[nt];
                    int[] mult = new int[nt];
                    double[] log2h = new double[nm];
                    for (int b = k * idx.length / chunks; b < (k + 1) * idx.length / chunks; b++) {
                        Arrays.fill(mult, 0);
                        for (int t : idx[b]) {
                            mult[t]++;
                        }
                        for (int m = 0; m < nm; m++) {
                            int n = 0;
                            for (int t = 0; t < nt; t++) {
                                if (mult[t] > 0) {
                                    x[n] = lx[t];
                                    w[n] = mult[t] * (double) nr;
                                    v[n] = mult[t] * succ[m][t];
                                    n++;
                                }
                            }
                            solver.fit(x, w, v, n, 10.0, start0[m], start1[m]);
                            log2h[m] = -solver.intercept() / solver.slope();
                        }
                        dt[b] = 1 / slope(dates, log2h);
                    }
                });
                return dt;
            });
            double[] sorted = dt.clone();
            Arrays.sort(sorted);
            emit("T4", "task bootstrap", th, sec, String.format(Locale.ROOT, "\"doubling_ci95\": [%.3f, %.3f]",
                    Quantiles.percentile(sorted, 0.025), Quantiles.percentile(sorted, 0.975)));
        }
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    static int[][] indices(Path file) throws Exception {
        List<String> l = Files.readAllLines(file);
        int[][] idx = new int[l.size() - 1][];
        for (int r = 1; r < l.size(); r++) {
            idx[r - 1] = Arrays.stream(l.get(r).split(",")).mapToInt(Integer::parseInt).toArray();
        }
        return idx;
    }

    /** Min wall seconds over reps, after warm-up runs (at least 2 and at least 1 s) so that the JIT has compiled the path. */
    static double time(Supplier<Object> work) {
        long warmStart = System.nanoTime();
        for (int w = 0; w < 5 || System.nanoTime() - warmStart < 3_000_000_000L && w < 50; w++) {
            work.get();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    static void emit(String task, String work, int threads, double seconds, String extra) {
        System.out.printf(Locale.ROOT, "{\"task\": \"%s\", \"tool\": \"scalefit\", \"work\": \"%s\", \"threads\": %d, \"seconds\": %.6f%s%s}%n",
                task, work, threads, seconds, extra.isEmpty() ? "" : ", ", extra);
    }
}
