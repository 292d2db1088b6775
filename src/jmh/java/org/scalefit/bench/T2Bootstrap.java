package org.scalefit.bench;

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
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Refit;
import org.scalefit.fit.Starts;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * T2: the 1,000 pairs-bootstrap resamples of E + A·C^(−α) (30 points) given in
 * {@code t2_bootstrap_indices.csv}, set up like SciPy's anchor (linear residuals, E ≥ 0, 0 ≤ α ≤ 2).
 * {@code bootstrap}: {@link Bootstrap#fromIndices} (warm start at the full-data optimum, plus the 30-fit
 * jackknife BCa needs); {@code coldLoop}: every resample refitted from the anchor's fixed start (1, 100, 0.1),
 * exactly SciPy's work. Score: seconds per 1,000 resamples.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar T2Bootstrap
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class T2Bootstrap {
    /** Worker threads over the replicates. */
    @Param({"1", "2"})
    public int threads;

    private Observations data;
    private int[][] indices;
    private Fit fit;
    private FitOptions anchorLike;

    /** Reads the data and fits the full data once. */
    @Setup
    public void setUp() {
        data = BenchData.t2();
        indices = BenchData.indices("t2_bootstrap_indices.csv");
        anchorLike = FitOptions.builder().space(Space.LINEAR).bound("E", new Bound(0, Double.POSITIVE_INFINITY))
                .bound("alpha", new Bound(0, 2)).starts(Starts.warm(new double[] {1.0, 100.0, 0.1})).build();
        fit = Fitter.fit(new OffsetPowerLaw(), data, anchorLike);
    }

    /** @return the bootstrap */
    @Benchmark
    public BootstrapResult bootstrap() {
        return Bootstrap.fromIndices(fit, indices, threads);
    }

    /** @return α of every resample, each refitted from the anchor's start (threads ignored: one thread) */
    @Benchmark
    public double[] coldLoop() {
        double[] alpha = new double[indices.length];
        OffsetPowerLaw law = new OffsetPowerLaw();
        for (int r = 0; r < indices.length; r++) {
            Refit f = Fitter.refit(law, data.select(indices[r]), anchorLike);
            alpha[r] = f.value(2);
        }
        return alpha;
    }
}
