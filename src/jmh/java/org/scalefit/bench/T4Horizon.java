package org.scalefit.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scalefit.stats.Parallel;
import org.scalefit.horizon.Logistic;

/**
 * T4: SciPy's METR-style anchor work exactly — 1,000 task resamples ({@code t4_bootstrap_task_indices.csv})
 * of 15 models × 170 tasks × 6 runs, each refitting the 15 penalised logistic regressions of success on
 * log2 task length (runs aggregated to binomial counts per task, penalty 0.5·0.1·b1², warm-started at the
 * full-data fit) and the OLS of log2 h50 on release date. Score: seconds per 1,000 resamples.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar T4Horizon
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class T4Horizon {
    /** Worker threads over the resamples. */
    @Param({"1", "2"})
    public int threads;

    private int models;
    private int tasks;
    private int runs;
    private double[] dates;
    private double[] lx;
    private double[][] successes;
    private int[][] indices;
    private double[] start0;
    private double[] start1;

    /** Reads the runs and fits the full data (the warm starts). */
    @Setup
    public void setUp() {
        List<String> lines = BenchData.lines(BenchData.dir().resolve("t4_metr_runs.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            models = Math.max(models, Integer.parseInt(c[0]) + 1);
            tasks = Math.max(tasks, Integer.parseInt(c[2]) + 1);
            runs = Math.max(runs, Integer.parseInt(c[4]) + 1);
        }
        dates = new double[models];
        lx = new double[tasks];
        successes = new double[models][tasks];
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            int m = Integer.parseInt(c[0]);
            int t = Integer.parseInt(c[2]);
            dates[m] = Double.parseDouble(c[1]);
            lx[t] = Math.log(Double.parseDouble(c[3])) / Math.log(2);
            successes[m][t] += Double.parseDouble(c[5]);
        }
        indices = BenchData.indices("t4_bootstrap_task_indices.csv");
        start0 = new double[models];
        start1 = new double[models];
        Logistic solver = new Logistic();
        double[] w = new double[tasks];
        Arrays.fill(w, runs);
        for (int m = 0; m < models; m++) {
            solver.fit(lx, w, successes[m], tasks, 10.0, Double.NaN, Double.NaN);
            start0[m] = solver.intercept();
            start1[m] = solver.slope();
        }
    }

    /** @return the doubling time (days) of every resample */
    @Benchmark
    public double[] bootstrap() {
        double[] out = new double[indices.length];
        int chunks = Math.min(threads * 8, indices.length);
        Parallel.forEach(threads, chunks, k -> {
            Logistic solver = new Logistic();
            double[] x = new double[tasks];
            double[] w = new double[tasks];
            double[] v = new double[tasks];
            int[] mult = new int[tasks];
            double[] log2h = new double[models];
            for (int b = k * indices.length / chunks; b < (k + 1) * indices.length / chunks; b++) {
                Arrays.fill(mult, 0);
                for (int t : indices[b]) {
                    mult[t]++;
                }
                for (int m = 0; m < models; m++) {
                    int n = 0;
                    for (int t = 0; t < tasks; t++) {
                        if (mult[t] > 0) {
                            x[n] = lx[t];
                            w[n] = mult[t] * (double) runs;
                            v[n] = mult[t] * successes[m][t];
                            n++;
                        }
                    }
                    solver.fit(x, w, v, n, 10.0, start0[m], start1[m]);
                    log2h[m] = -solver.intercept() / solver.slope();
                }
                out[b] = 1 / slope(dates, log2h);
            }
        });
        return out;
    }

    private static double slope(double[] x, double[] y) {
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
}
