import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.Interval;
import org.scalefit.horizon.Logistic;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.Runs;

/**
 * Times scalefit's horizon bootstraps; prints one JSON line per workload (seconds = min over reps).
 *
 *   java -cp target/scalefit.jar bench/HorizonBench.java [--reps 5] [--threads 2]
 *
 * Workloads:
 *  t4:   SciPy's T4 anchor work exactly: 1,000 task resamples of ../shared/bench/data/t4_metr_runs.csv (the fixed
 *        index matrix t4_bootstrap_task_indices.csv), each refitting 15 logistic regressions (runs aggregated to
 *        binomial counts per task, penalty 0.5·0.1·b1², as the anchor) + OLS of log2 h50 on date → doubling time.
 *  metr: 1,000-replicate hierarchical (families → tasks → runs) bootstrap of METR's run snapshot with METR's
 *        weights and penalty (Horizons.fit), on 1 and on N threads; plus the time to read the file.
 */
public class HorizonBench {
    public static void main(String[] args) throws Exception {
        int reps = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        Path shared = Path.of("../shared");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--shared" -> shared = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Path t4 = shared.resolve("bench/data");
        if (Files.exists(t4.resolve("t4_metr_runs.csv"))) {
            t4(t4, reps);
        }
        Path metr = shared.resolve("reference-data/metr/all_runs_2025-02-27_prepaper.jsonl");
        if (Files.exists(metr)) {
            metr(metr, reps, threads);
        }
    }

    static void t4(Path dir, int reps) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("t4_metr_runs.csv"));
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
        List<String> idxLines = Files.readAllLines(dir.resolve("t4_bootstrap_task_indices.csv"));
        int[][] idx = new int[idxLines.size() - 1][];
        for (int b = 1; b < idxLines.size(); b++) {
            idx[b - 1] = Arrays.stream(idxLines.get(b).split(",")).mapToInt(Integer::parseInt).toArray();
        }
        final int nRuns = runs;
        final int nModels = models;
        final int nTasks = tasks;
        double[] dt = new double[idx.length];
        Runnable work = () -> {
            Logistic solver = new Logistic();
            double[] x = new double[nTasks];
            double[] w = new double[nTasks];
            double[] v = new double[nTasks];
            int[] mult = new int[nTasks];
            double[] log2h = new double[nModels];
            double[] start0 = new double[nModels];
            double[] start1 = new double[nModels];
            // Full-data fits: the warm starts of every resample (as scalefit's bootstrap does).
            for (int m = 0; m < nModels; m++) {
                for (int t = 0; t < nTasks; t++) {
                    x[t] = lx[t];
                    w[t] = nRuns;
                    v[t] = succ[m][t];
                }
                solver.fit(x, w, v, nTasks, 10.0, Double.NaN, Double.NaN);
                start0[m] = solver.intercept();
                start1[m] = solver.slope();
            }
            for (int b = 0; b < idx.length; b++) {
                Arrays.fill(mult, 0);
                for (int t : idx[b]) {
                    mult[t]++;
                }
                for (int m = 0; m < nModels; m++) {
                    int n = 0;
                    for (int t = 0; t < nTasks; t++) {
                        if (mult[t] > 0) {
                            x[n] = lx[t];
                            w[n] = mult[t] * (double) nRuns;
                            v[n] = mult[t] * succ[m][t];
                            n++;
                        }
                    }
                    solver.fit(x, w, v, n, 10.0, start0[m], start1[m]);
                    log2h[m] = -solver.intercept() / solver.slope();
                }
                dt[b] = 1 / olsSlope(dates, log2h);
            }
        };
        double best = time(work, reps);
        double[] sorted = dt.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"task\":\"T4\",\"tool\":\"scalefit Logistic (Newton, binomial aggregates, warm starts) + OLS\","
                + "\"workload\":\"1000 task resamples x 15 logistic fits + OLS\",\"threads\":1,\"seconds\":%.6f,"
                + "\"doubling_days_ci95\":[%.2f,%.2f]}%n", best, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    static void metr(Path file, int reps, int threads) {
        double read = time(() -> RunReader.read(file), reps);
        Runs runs = RunReader.read(file);
        System.out.printf(Locale.ROOT, "{\"task\":\"metr-read\",\"tool\":\"scalefit RunReader (Jackson streaming)\",\"runs\":%d,"
                + "\"seconds\":%.6f}%n", runs.runCount() + runs.humanRunCount(), read);
        for (int t : new int[] {1, threads}) {
            HorizonOptions o = HorizonOptions.defaults().withBootstrap(1000).withSeed(42).withThreads(t);
            HorizonResult[] last = new HorizonResult[1];
            double s = time(() -> last[0] = Horizons.fit(runs, o), reps);
            Interval ci = last[0].interval("o1", 0.5);
            System.out.printf(Locale.ROOT, "{\"task\":\"metr-ftr-bootstrap\",\"tool\":\"scalefit Horizons.fit\",\"workload\":"
                    + "\"10 models, 6852 runs; 1000 family->task->run replicates, each refitting every model\",\"threads\":%d,"
                    + "\"seconds\":%.6f,\"o1_p50_ci95\":[%.3f,%.3f]}%n", t, s, ci.lower(), ci.upper());
            if (threads == 1) {
                break;
            }
        }
    }

    static double olsSlope(double[] x, double[] y) {
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

    static double quantile(double[] s, double q) {
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** Min wall time over reps after 3 warm-up runs. */
    static double time(Runnable r, int reps) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
