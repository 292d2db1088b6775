package org.scalefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.data.TableReader;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.GroupFit;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.ModelHorizon;
import org.scalefit.horizon.RunColumns;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.Runs;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.IntervalMethod;
import org.scalefit.uncertainty.Resampler;

/**
 * The library called from many threads at once, as a Spark executor calls it (several tasks in one JVM):
 * eight threads run a mix of different work — several laws, both spaces, robust losses, multi-start, a
 * formula law (whose gradient keeps per-thread registers), variable projection, bootstrap, horizon fits
 * with their bootstrap, and the CSV and JSON Lines readers — each thread in its own order, and every result
 * must be bit-identical to the same work run alone on one thread. Some inputs (the law and data objects) are
 * shared by all threads on purpose: a law or data set is immutable and may be used concurrently.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 1;

    @Test
    void eightThreadsGetExactlyTheSequentialResults() throws Exception {
        Map<String, Callable<List<Double>>> work = work();
        Map<String, List<Double>> sequential = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<List<Double>>> e : work.entrySet()) {
            sequential.put(e.getKey(), e.getValue().call());
        }
        List<String> names = new ArrayList<>(work.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, List<Double>>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int shift = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    Map<String, List<Double>> out = new LinkedHashMap<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int k = 0; k < names.size(); k++) {
                            // Each thread walks the work in its own rotation, so different work overlaps.
                            String name = names.get((k + shift * 3 + round) % names.size());
                            List<Double> result = work.get(name).call();
                            List<Double> before = out.putIfAbsent(name, result);
                            if (before != null) {
                                assertBitIdentical(before, result, name + " (round " + round + ")");
                            }
                        }
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<Map<String, List<Double>>> f : futures) {
                Map<String, List<Double>> concurrent = f.get(10, TimeUnit.MINUTES);
                for (String name : names) {
                    assertBitIdentical(sequential.get(name), concurrent.get(name), name);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sequential.size() >= 12, "work items: " + sequential.size());
    }

    private static void assertBitIdentical(List<Double> expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.get(i)), Double.doubleToRawLongBits(actual.get(i)),
                    what + ": value " + i + " is " + actual.get(i) + ", alone " + expected.get(i));
        }
    }

    /** The work: name → a computation returning the numbers that must not depend on concurrency. */
    private static Map<String, Callable<List<Double>>> work() {
        Map<String, Callable<List<Double>>> w = new LinkedHashMap<>();
        Observations curve = curve(40, 1.8, 900, 0.16, 0.02, 11L);
        Observations pure = curve(30, 0, 12, 0.08, 0.01, 12L);
        Law formula = Laws.create("b1*(1-exp(-b2*x))", new Laws.Context(List.of("x"), saturating(), OptionalDouble.empty()));
        Observations saturating = saturating();
        Observations chinchilla = chinchilla();
        w.put("power-law log", () -> summary(Fitter.fit(Laws.create("power-law", context(pure)), pure, FitOptions.defaults())));
        w.put("power-law linear grid", () -> summary(Fitter.fit(Laws.create("power-law", context(pure)), pure,
                FitOptions.builder().space(Space.LINEAR).starts(Starts.grid()).build())));
        w.put("offset-power-law", () -> summary(Fitter.fit(Laws.create("offset-power-law", context(curve)), curve,
                FitOptions.defaults())));
        w.put("offset-power-law huber random starts", () -> summary(Fitter.fit(Laws.create("offset-power-law", context(curve)),
                curve, FitOptions.builder().loss(Loss.parse("huber:0.01")).starts(Starts.random(8)).seed(5).build())));
        w.put("exponential", () -> summary(Fitter.fit(Laws.create("exponential", context(saturating)), saturating,
                FitOptions.defaults())));
        w.put("quadratic", () -> summary(Fitter.fit(Laws.create("quadratic", context(curve)), curve, FitOptions.defaults())));
        w.put("broken-power-law", () -> summary(Fitter.fit(Laws.create("broken-power-law", context(curve)), curve,
                FitOptions.defaults())));
        w.put("formula (shared law)", () -> summary(Fitter.fit(formula, saturating,
                FitOptions.builder().start("b1", 200).start("b2", 0.05).build())));
        w.put("chinchilla varpro", () -> summary(Fitter.fit(Laws.create("chinchilla",
                new Laws.Context(List.of("N", "D"), chinchilla, OptionalDouble.empty())), chinchilla,
                FitOptions.builder().solver(Solver.parse("varpro")).loss(Loss.parse("huber:1e-3")).build())));
        w.put("chinchilla lbfgs grid", () -> summary(Fitter.fit(Laws.create("chinchilla",
                new Laws.Context(List.of("N", "D"), chinchilla, OptionalDouble.empty())), chinchilla,
                FitOptions.builder().loss(Loss.parse("huber:1e-3")).starts(Starts.grid()).build())));
        w.put("doubling (dates from CSV)", ConcurrencyTest::doublingFromCsv);
        w.put("bootstrap rows BCa", () -> bootstrap(curve, Resampler.rows()));
        w.put("bootstrap residuals", () -> {
            Fit fit = Fitter.fit(Laws.create("offset-power-law", context(curve)), curve, FitOptions.defaults());
            return bootstrap(curve, Resampler.residuals(fit));
        });
        w.put("group fits", () -> {
            List<Double> out = new ArrayList<>();
            for (GroupFit g : GroupFit.fitEach(groups(), d -> Laws.create("power-law", context(d)), FitOptions.defaults(), 1)) {
                out.addAll(g.fit().map(ConcurrencyTest::summary).orElse(List.of(Double.NaN)));
            }
            return out;
        });
        w.put("horizons with bootstrap (JSON Lines)", ConcurrencyTest::horizons);
        return w;
    }

    private static Laws.Context context(Observations data) {
        return new Laws.Context(data.predictorNames(), data, OptionalDouble.empty());
    }

    private static List<Double> summary(Fit fit) {
        List<Double> out = new ArrayList<>();
        for (double v : fit.values()) {
            out.add(v);
        }
        fit.parameters().forEach(p -> {
            out.add(p.stderr());
            out.add(p.lower());
            out.add(p.upper());
        });
        out.add(fit.rss());
        out.add(fit.r2());
        out.add(fit.aic());
        out.add(fit.converged() ? 1.0 : 0.0);
        out.add((double) fit.warnings().size());
        out.add((double) String.join("|", fit.warnings()).hashCode());
        return out;
    }

    private static List<Double> bootstrap(Observations data, Resampler resampler) {
        Fit fit = Fitter.fit(Laws.create("offset-power-law", context(data)), data, FitOptions.defaults());
        BootstrapResult b = Bootstrap.run(fit, resampler, 120, 42, 1);
        List<Double> out = new ArrayList<>();
        for (var e : b.parameters(IntervalMethod.BCA)) {
            out.add(e.value());
            out.add(e.stderr());
            out.add(e.lower());
            out.add(e.upper());
        }
        out.add((double) b.failed());
        return out;
    }

    private static List<Double> doublingFromCsv() {
        StringBuilder csv = new StringBuilder("release_date,p50\n");
        Random rng = new Random(3);
        for (int i = 0; i < 25; i++) {
            int day = 17_900 + 70 * i + rng.nextInt(30);
            csv.append(java.time.LocalDate.ofEpochDay(day)).append(',')
                    .append(0.5 * Math.pow(2, (day - 17_900) / 210.0) * Math.exp(0.3 * rng.nextGaussian())).append('\n');
        }
        Observations data = DataSpec.builder().datePredictor("release_date").response("p50").build()
                .load(TableReader.parse(csv.toString(), "horizons.csv")).observations();
        return summary(Fitter.fit(Laws.create("doubling", context(data)), data, FitOptions.defaults()));
    }

    private static List<Double> horizons() {
        StringBuilder jsonl = new StringBuilder();
        Random rng = new Random(8);
        String[] models = {"m1", "m2", "m3"};
        for (int m = 0; m < models.length; m++) {
            for (int t = 0; t < 24; t++) {
                double minutes = Math.pow(2, t / 2.0);
                for (int r = 0; r < 3; r++) {
                    double p = 1 / (1 + Math.exp(0.7 * (Math.log(minutes) / Math.log(2) - 3 - 2 * m)));
                    jsonl.append("{\"alias\":\"").append(models[m]).append("\",\"task_id\":\"f").append(t % 7).append("/t")
                            .append(t).append("\",\"task_family\":\"f").append(t % 7).append("\",\"human_minutes\":")
                            .append(minutes).append(",\"score_binarized\":").append(rng.nextDouble() < p ? 1 : 0).append("}\n");
                }
            }
        }
        Runs runs = RunReader.readJsonLines(new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)),
                "runs.jsonl", RunColumns.metr(), false);
        HorizonResult result = Horizons.fit(runs, HorizonOptions.defaults().withBootstrap(150).withThreads(1).withSeed(9));
        List<Double> out = new ArrayList<>();
        for (ModelHorizon h : result.models()) {
            out.add(h.intercept());
            out.add(h.slope());
            out.add(h.p50());
            out.add(result.interval(h.model(), 0.5).lower());
            out.add(result.interval(h.model(), 0.5).upper());
        }
        return out;
    }

    private static Observations curve(int n, double e, double a, double alpha, double noise, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 15 + 8.0 * i / (n - 1));
            y[i] = (e + a * Math.pow(x[i], -alpha)) * Math.exp(noise * rng.nextGaussian());
        }
        return Observations.builder().predictor("compute", x).response("loss", y).build();
    }

    private static Observations saturating() {
        Random rng = new Random(4);
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = 1 + 3 * i;
            y[i] = 240 * (1 - Math.exp(-0.04 * x[i])) + rng.nextGaussian();
        }
        return Observations.builder().predictor("x", x).response("y", y).build();
    }

    private static Observations chinchilla() {
        Random rng = new Random(6);
        int n = 60;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, 7 + 4 * rng.nextDouble());
            dd[i] = Math.pow(10, 9 + 3 * rng.nextDouble());
            loss[i] = (1.69 + 406.4 / Math.pow(nn[i], 0.34) + 410.7 / Math.pow(dd[i], 0.28)) * Math.exp(0.01 * rng.nextGaussian());
        }
        return Observations.builder().predictor("N", "params", nn).predictor("D", "tokens", dd).response("loss", loss).build();
    }

    private static Observations groups() {
        Random rng = new Random(10);
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = "run" + (i % 6);
            x[i] = Math.pow(10, 1 + 5 * rng.nextDouble());
            y[i] = (5 + i % 6) * Math.pow(x[i], -0.1 - 0.02 * (i % 6)) * Math.exp(0.02 * rng.nextGaussian());
        }
        return Observations.builder().predictor("x", x).response("y", y).groups(g).build();
    }
}
