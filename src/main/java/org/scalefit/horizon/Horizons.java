package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.scalefit.Numbers;
import org.scalefit.Progress;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * METR-style time horizons (Kwa et al. 2025, "Measuring AI Ability to Complete Long Tasks"): per
 * model, a weighted, L2-penalised logistic regression of success on log2(task minutes), the
 * p-horizons read from it, and a hierarchical bootstrap for their intervals.
 *
 * <p>The fit for one model minimises ½·b1² + C·Σᵢ wᵢ·loglossᵢ with C = 1/λ (λ = 0.1 as METR),
 * intercept unpenalised, wᵢ the {@link Weighting} normalised to sum to 1 over the model's runs —
 * the minimiser of sklearn's {@code LogisticRegression(C=10).fit(x, y, sample_weight=w)}, which
 * METR uses. (Newer sklearn divides the whole objective by Σwᵢ; that does not move the minimiser.)
 * A fractional score s counts as a success of weight s·w plus a failure of weight (1 − s)·w.
 * Runs are aggregated per task, which is exact and makes each Newton step cost one pass over
 * the model's tasks.
 *
 * <p>The bootstrap (default METR's family → task → run) draws the same families and tasks for all
 * models in a replicate and the runs of each (model, task) separately; a drawn task keeps its
 * runs' original weights, so a task drawn twice counts twice (as in METR's {@code bootstrap.py}).
 * With 0/1 scores, drawing m·n runs with replacement from n runs of which k succeeded is exactly a
 * Binomial(m·n, k/n) count, which is how successes are drawn (one draw per run for small tasks,
 * inversion of the tabulated Binomial(n, k/n) CDF once per drawn copy when a task has more than 16
 * runs); fractional scores are drawn run by run. Each replicate refits every model from the
 * full-data optimum (a warm start).
 *
 * <pre>{@code
 * Runs runs = RunReader.read(Path.of("all_runs.jsonl"));
 * HorizonResult r = Horizons.fit(runs, HorizonOptions.defaults().withSeed(1));
 * double p50 = r.model("o1").p50();
 * Interval ci = r.interval("o1", 0.5);
 * List<SuccessBucket> buckets = Horizons.successBuckets(runs, "o1", Weighting.INVSQRT, Horizons.defaultBucketEdges(runs));
 * }</pre>
 *
 * <p>Why one class of about 460 lines: METR's horizon pipeline in order (logistic fit per model, the
 * bootstrap over runs and tasks, the result) over one prepared data structure; the bootstrap's chunking
 * shares its arrays.
 */
public final class Horizons {
    private static final double LOG2 = Math.log(2);
    private static final int CHUNK = 16;
    /** Groups with more runs than this draw their successes from a tabulated Binomial CDF. */
    private static final int TABULATE_ABOVE = 16;

    private Horizons() {
    }

    /**
     * Fits every model of the runs and, when {@code options.bootstrap() > 0}, bootstraps them.
     *
     * @param runs    the runs
     * @param options weighting, regularisation, bootstrap size, seed, threads and level
     * @return per-model horizons and the bootstrap
     */
    public static HorizonResult fit(Runs runs, HorizonOptions options) {
        return fit(runs, options, Progress.NONE);
    }

    /**
     * The same fits, telling {@code progress} as blocks of bootstrap replicates complete. The result
     * does not depend on the listener.
     *
     * <pre>{@code
     * HorizonResult r = Horizons.fit(runs, HorizonOptions.defaults(), (done, total) -> { });
     * }</pre>
     *
     * @param runs     the runs
     * @param options  weighting, regularisation, bootstrap size, seed, threads and level
     * @param progress told of completed blocks of replicates
     * @return per-model horizons and the bootstrap
     */
    public static HorizonResult fit(Runs runs, HorizonOptions options, Progress progress) {
        Prepared prep = new Prepared(runs, options);
        int models = runs.modelCount();
        List<ModelHorizon> out = new ArrayList<>(models);
        double[] b0 = new double[models];
        double[] b1 = new double[models];
        Workspace ws = new Workspace(prep.maxGroups);
        for (int m = 0; m < models; m++) {
            int n = 0;
            for (int g = runs.modelStart[m]; g < runs.modelStart[m + 1]; g++) {
                ws.x[n] = prep.gx[g];
                ws.w[n] = prep.gw[g] * runs.groupRuns[g];
                ws.v[n] = prep.gw[g] * runs.groupScore[g];
                n++;
            }
            int status = ws.solver.fit(ws.x, ws.w, ws.v, n, options.c(), Double.NaN, Double.NaN);
            b0[m] = status == Logistic.OK ? ws.solver.intercept : Double.NaN;
            b1[m] = status == Logistic.OK ? ws.solver.slope : Double.NaN;
            out.add(describe(runs, m, ws, n, status));
        }
        Optional<HorizonBootstrap> boot = Optional.empty();
        if (options.bootstrap() > 0) {
            boot = Optional.of(bootstrap(prep, b0, b1, progress));
        }
        return new HorizonResult(runs.source(), runs.runCount(), runs.humanRunCount(), runs.taskCount(),
                runs.familyCount(), options, out, boot);
    }

    private static ModelHorizon describe(Runs runs, int m, Workspace ws, int n, int status) {
        double sw = 0;
        double sv = 0;
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (int j = 0; j < n; j++) {
            sw += ws.w[j];
            sv += ws.v[j];
        }
        for (int g = runs.modelStart[m]; g < runs.modelStart[m + 1]; g++) {
            double minutes = runs.taskMinutes[runs.groupTask[g]];
            shortest = Math.min(shortest, minutes);
            longest = Math.max(longest, minutes);
        }
        HorizonStatus hs = HorizonStatus.of(status);
        double b0 = status == Logistic.OK ? ws.solver.intercept : Double.NaN;
        double b1 = status == Logistic.OK ? ws.solver.slope : Double.NaN;
        List<String> warnings = new ArrayList<>();
        String name = runs.model(m);
        if (hs == HorizonStatus.NO_SUCCESSES) {
            warnings.add(name + ": all " + runs.runCount(m) + " runs failed; the horizon is below the shortest task ("
                    + Numbers.format(shortest, 3) + " min) and is not estimated");
        } else if (hs == HorizonStatus.ALL_SUCCESSES) {
            warnings.add(name + ": all " + runs.runCount(m) + " runs succeeded; the horizon is above the longest task ("
                    + Numbers.format(longest, 3) + " min) and is not estimated");
        } else if (hs == HorizonStatus.NOT_CONVERGED) {
            warnings.add(name + ": the logistic fit did not converge in " + Logistic.MAX_ITERATIONS + " Newton steps");
        } else {
            if (b1 >= 0) {
                warnings.add(name + ": success rises with task length (slope " + Numbers.format(b1, 3)
                        + " log-odds per doubling ≥ 0); its horizons are not meaningful");
            } else {
                double p50 = Logistic.horizon(0.5, b0, b1);
                if (p50 < shortest) {
                    warnings.add(name + ": the 50% horizon (" + Numbers.format(p50, 3) + " min) lies below the shortest task ("
                            + Numbers.format(shortest, 3) + " min): an extrapolation");
                } else if (p50 > longest) {
                    warnings.add(name + ": the 50% horizon (" + Numbers.format(p50, 3) + " min) lies above the longest task ("
                            + Numbers.format(longest, 3) + " min): an extrapolation");
                }
            }
        }
        return new ModelHorizon(name, runs.runCount(m), runs.taskCount(m), runs.familyCount(m), sw > 0 ? sv / sw : Double.NaN,
                hs, b0, b1, shortest, longest, ws.solver.iterations, warnings);
    }

    private static HorizonBootstrap bootstrap(Prepared prep, double[] b0, double[] b1, Progress progress) {
        HorizonOptions o = prep.options;
        int replicates = o.bootstrap();
        int models = prep.runs.modelCount();
        double[] intercepts = new double[replicates * models];
        double[] slopes = new double[replicates * models];
        byte[] status = new byte[replicates * models];
        int chunks = (replicates + CHUNK - 1) / CHUNK;
        Parallel.forEach(o.threads(), chunks, c -> {
            Workspace ws = new Workspace(prep.maxGroups);
            int[] mult = new int[prep.runs.taskCount()];
            int end = Math.min(replicates, (c + 1) * CHUNK);
            for (int b = c * CHUNK; b < end; b++) {
                replicate(prep, b, b0, b1, ws, mult, intercepts, slopes, status);
            }
        }, progress);
        return new HorizonBootstrap(prep.runs.models(), replicates, o.seed(), o.resampling(), intercepts, slopes, status);
    }

    /** One bootstrap replicate: draw families/tasks once, then each model's runs, and refit every model. */
    private static void replicate(Prepared prep, int b, double[] b0, double[] b1, Workspace ws, int[] mult,
                                  double[] intercepts, double[] slopes, byte[] status) {
        Runs runs = prep.runs;
        SplittableRandom rng = Seeds.random(prep.options.seed(), Stream.HORIZON_BOOTSTRAP, b);
        java.util.Arrays.fill(mult, 0);
        Resampling level = prep.options.resampling();
        if (level == Resampling.FAMILY_TASK_RUN) {
            int families = runs.familyCount();
            for (int i = 0; i < families; i++) {
                int f = rng.nextInt(families);
                int from = prep.familyStart[f];
                int size = prep.familyStart[f + 1] - from;
                for (int j = 0; j < size; j++) {
                    mult[prep.familyTasks[from + rng.nextInt(size)]]++;
                }
            }
        } else {
            int tasks = runs.taskCount();
            for (int i = 0; i < tasks; i++) {
                mult[rng.nextInt(tasks)]++;
            }
        }
        boolean resampleRuns = level != Resampling.TASK;
        int models = runs.modelCount();
        double c = prep.options.c();
        for (int m = 0; m < models; m++) {
            int n = 0;
            for (int g = runs.modelStart[m]; g < runs.modelStart[m + 1]; g++) {
                int copies = mult[runs.groupTask[g]];
                if (copies == 0) {
                    continue;
                }
                int size = runs.groupRuns[g];
                int trials = copies * size;
                double successes;
                if (!resampleRuns) {
                    successes = copies * runs.groupScore[g];
                } else if (runs.groupBinary[g]) {
                    int k = (int) runs.groupScore[g];
                    if (k == 0) {
                        successes = 0;
                    } else if (k == size) {
                        successes = trials;
                    } else if (prep.cdfStart[g] >= 0) {
                        // Binomial(copies·n, k/n) as the sum of `copies` Binomial(n, k/n) draws, each by inversion.
                        int from = prep.cdfStart[g];
                        int hits = 0;
                        for (int c2 = 0; c2 < copies; c2++) {
                            hits += invert(prep.cdf, from, size, rng.nextDouble());
                        }
                        successes = hits;
                    } else {
                        int hits = 0;
                        for (int t = 0; t < trials; t++) {
                            if (rng.nextInt(size) < k) {
                                hits++;
                            }
                        }
                        successes = hits;
                    }
                } else {
                    double sum = 0;
                    int from = runs.groupRunStart[g];
                    for (int t = 0; t < trials; t++) {
                        sum += runs.scores[from + rng.nextInt(size)];
                    }
                    successes = sum;
                }
                ws.x[n] = prep.gx[g];
                ws.w[n] = prep.gw[g] * trials;
                ws.v[n] = prep.gw[g] * successes;
                n++;
            }
            int i = b * models + m;
            if (n == 0) {
                status[i] = HorizonBootstrap.ABSENT;
                intercepts[i] = Double.NaN;
                slopes[i] = Double.NaN;
                continue;
            }
            int s = ws.solver.fit(ws.x, ws.w, ws.v, n, c, b0[m], b1[m]);
            status[i] = (byte) s;
            intercepts[i] = s == Logistic.OK ? ws.solver.intercept : Double.NaN;
            slopes[i] = s == Logistic.OK ? ws.solver.slope : Double.NaN;
        }
    }

    /**
     * The empirical, weighted success rate of a model in bins of task length, for plotting next
     * to its fitted curve: for each bin [lo, hi), Σ wᵢ·scoreᵢ / Σ wᵢ over the model's runs on tasks
     * of that length.
     *
     * <pre>{@code
     * for (SuccessBucket s : Horizons.successBuckets(runs, "o1", Weighting.INVSQRT, new double[] {1, 4, 16, 64, 256, 960})) {
     *     System.out.println(s.lowMinutes() + "-" + s.highMinutes() + " min: " + s.successRate());
     * }
     * }</pre>
     *
     * @param runs      the runs
     * @param model     model name
     * @param weighting the weights (as in the fit)
     * @param edges     increasing bin edges in minutes
     * @return one bucket per bin, empty bins included (rate NaN)
     * @throws org.scalefit.InvalidDataException for an unknown model or edges that do not increase
     */
    public static List<SuccessBucket> successBuckets(Runs runs, String model, Weighting weighting, double[] edges) {
        int m = runs.modelIndex(model).orElseThrow(() -> new org.scalefit.InvalidDataException(
                "no model \"" + model + "\" in " + runs.source() + "; models are: " + String.join(", ", runs.models())));
        for (int i = 0; i < edges.length; i++) {
            if (!(edges[i] > 0) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new org.scalefit.InvalidDataException("bucket edges must be positive and increasing, got "
                        + java.util.Arrays.toString(edges));
            }
        }
        int bins = Math.max(0, edges.length - 1);
        double[] sw = new double[bins];
        double[] sv = new double[bins];
        int[] nRuns = new int[bins];
        int[] nTasks = new int[bins];
        double[] gw = weighting.groupWeights(runs, m);
        for (int g = runs.modelStart[m]; g < runs.modelStart[m + 1]; g++) {
            double minutes = runs.taskMinutes[runs.groupTask[g]];
            int k = java.util.Arrays.binarySearch(edges, minutes);
            int bin = k >= 0 ? k : -k - 2;
            if (bin < 0 || bin >= bins) {
                continue;
            }
            double w = gw[g - runs.modelStart[m]];
            sw[bin] += w * runs.groupRuns[g];
            sv[bin] += w * runs.groupScore[g];
            nRuns[bin] += runs.groupRuns[g];
            nTasks[bin]++;
        }
        List<SuccessBucket> out = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            out.add(new SuccessBucket(edges[i], edges[i + 1], nRuns[i], nTasks[i], sw[i] > 0 ? sv[i] / sw[i] : Double.NaN));
        }
        return out;
    }

    /**
     * Bin edges at powers of 4 minutes covering every task of the runs (METR's plots use
     * 1, 4, 16, 64, 256 minutes).
     *
     * @param runs the runs
     * @return increasing edges
     */
    public static double[] defaultBucketEdges(Runs runs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int t = 0; t < runs.taskCount(); t++) {
            lo = Math.min(lo, runs.minutes(t));
            hi = Math.max(hi, runs.minutes(t));
        }
        int a = (int) Math.floor(Math.log(lo) / Math.log(4) + 1e-9);
        int b = (int) Math.floor(Math.log(hi) / Math.log(4) + 1e-9) + 1;
        double[] edges = new double[b - a + 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = Math.pow(4, a + i);
        }
        return edges;
    }

    /** The smallest i in [0, n] with cdf[from + i] &gt; u (binary search; the last entry is +∞). */
    static int invert(double[] cdf, int from, int n, double u) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[from + mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The cumulative Binomial(n, k/n) distribution, computed from the mode outwards by the pmf
     * recurrence and normalised, so that no term underflows before it is negligible.
     */
    static void binomialCdf(int n, int k, double[] out, int from) {
        double p = (double) k / n;
        double q = 1 - p;
        int mode = (int) Math.floor((n + 1) * p);
        mode = Math.min(mode, n);
        double[] pmf = new double[n + 1];
        pmf[mode] = 1;
        double total = 1;
        for (int i = mode; i < n; i++) {
            pmf[i + 1] = pmf[i] * (n - i) / (i + 1) * p / q;
            total += pmf[i + 1];
        }
        for (int i = mode; i > 0; i--) {
            pmf[i - 1] = pmf[i] * i / (n - i + 1) * q / p;
            total += pmf[i - 1];
        }
        double acc = 0;
        for (int i = 0; i <= n; i++) {
            acc += pmf[i] / total;
            out[from + i] = acc;
        }
        out[from + n] = Double.POSITIVE_INFINITY;
    }

    /** Per-group data shared by the point fit and all replicates (read-only). */
    private static final class Prepared {
        final Runs runs;
        final HorizonOptions options;
        final double[] gx;
        final double[] gw;
        final int[] familyStart;
        final int[] familyTasks;
        final int maxGroups;
        /** Start of group g's Binomial CDF in {@link #cdf}, or −1 when its runs are drawn one by one. */
        final int[] cdfStart;
        final double[] cdf;

        Prepared(Runs runs, HorizonOptions options) {
            this.runs = runs;
            this.options = options;
            int groups = runs.groupTask.length;
            gx = new double[groups];
            gw = new double[groups];
            int max = 0;
            for (int m = 0; m < runs.modelCount(); m++) {
                double[] w = options.weighting().groupWeights(runs, m);
                int from = runs.modelStart[m];
                for (int g = from; g < runs.modelStart[m + 1]; g++) {
                    gx[g] = Math.log(runs.taskMinutes[runs.groupTask[g]]) / LOG2;
                    gw[g] = w[g - from];
                }
                max = Math.max(max, runs.modelStart[m + 1] - from);
            }
            maxGroups = Math.max(1, max);
            int families = runs.familyCount();
            familyStart = new int[families + 1];
            for (int t = 0; t < runs.taskCount(); t++) {
                familyStart[runs.taskFamily[t] + 1]++;
            }
            for (int f = 0; f < families; f++) {
                familyStart[f + 1] += familyStart[f];
            }
            familyTasks = new int[runs.taskCount()];
            int[] fill = familyStart.clone();
            for (int t = 0; t < runs.taskCount(); t++) {
                familyTasks[fill[runs.taskFamily[t]]++] = t;
            }
            // Groups with many 0/1 runs draw their successes by inversion of a tabulated CDF (one
            // uniform per copy of the task) instead of one draw per run: exact, and independent of
            // the number of runs per task.
            cdfStart = new int[groups];
            int size = 0;
            for (int g = 0; g < groups; g++) {
                int n = runs.groupRuns[g];
                double k = runs.groupScore[g];
                boolean tabulate = options.resampling() != Resampling.TASK && runs.groupBinary[g]
                        && n > TABULATE_ABOVE && k > 0 && k < n;
                cdfStart[g] = tabulate ? size : -1;
                if (tabulate) {
                    size += n + 1;
                }
            }
            cdf = new double[size];
            for (int g = 0; g < groups; g++) {
                if (cdfStart[g] >= 0) {
                    binomialCdf(runs.groupRuns[g], (int) runs.groupScore[g], cdf, cdfStart[g]);
                }
            }
        }
    }

    /** Work arrays of one thread: the aggregated data of one model and a solver. */
    private static final class Workspace {
        final double[] x;
        final double[] w;
        final double[] v;
        final Logistic solver = new Logistic();

        Workspace(int size) {
            x = new double[size];
            w = new double[size];
            v = new double[size];
        }
    }
}
