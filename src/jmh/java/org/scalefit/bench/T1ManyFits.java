package org.scalefit.bench;

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
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Parallel;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * T1: 10,000 small power-law fits (8–20 points each), each a full {@link Fit} (covariance, diagnostics,
 * warnings) — the work of {@code scalefit fit FILE --law power-law --by set}. {@code linear}: nonlinear least
 * squares on y, SciPy {@code curve_fit}'s optimum; {@code log}: our default, the log-space fit (numpy
 * {@code polyfit}'s optimum). Score: seconds per 10,000 fits.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar T1ManyFits -p space=linear -p threads=1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class T1ManyFits {
    /** Residual space. */
    @Param({"log", "linear"})
    public String space;

    /** Worker threads over the data sets. */
    @Param({"1", "2"})
    public int threads;

    private Observations[] sets;
    private FitOptions options;

    /** Reads the data once. */
    @Setup
    public void setUp() {
        List<Observations> all = BenchData.t1Sets();
        sets = all.toArray(new Observations[0]);
        options = FitOptions.builder().space(Space.parse(space)).threads(1).build();
    }

    /**
     * @return the fits (returned so that the JIT cannot drop them)
     */
    @Benchmark
    public Fit[] fits() {
        Fit[] out = new Fit[sets.length];
        PowerLaw law = new PowerLaw();
        Parallel.forEach(threads, sets.length, i -> out[i] = Fitter.fit(law, sets[i], options));
        return out;
    }
}
