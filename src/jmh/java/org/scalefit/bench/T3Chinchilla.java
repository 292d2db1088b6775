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
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * T3: Epoch's Chinchilla replication on their 240 points (Huber δ = 1e-3 on log loss, summed): Hoffmann's
 * 4,500-start grid by L-BFGS from every start ({@code gridLbfgs}) and by variable projection
 * ({@code gridVarpro}, 25 distinct (α, β) starts), and a 1,000-resample row bootstrap warm-started at the
 * optimum ({@code bootstrap}). Score: seconds per grid fit or per 1,000 resamples.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar T3Chinchilla.gridVarpro
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class T3Chinchilla {
    /** Worker threads over starts or replicates. */
    @Param({"1", "2"})
    public int threads;

    private Observations data;
    private FitOptions grid;
    private Fit optimum;

    /** Reads the data and fits it once (the bootstrap's warm start). */
    @Setup
    public void setUp() {
        data = BenchData.t3(true);
        grid = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).threads(threads).build();
        optimum = Fitter.fit(new ChinchillaLaw(), data, grid);
    }

    /** @return the grid fit by L-BFGS from all 4,500 starts */
    @Benchmark
    public Fit gridLbfgs() {
        return Fitter.fit(new ChinchillaLaw(), data, grid.toBuilder().solver(Solver.LBFGS).build());
    }

    /** @return the grid fit by variable projection */
    @Benchmark
    public Fit gridVarpro() {
        return Fitter.fit(new ChinchillaLaw(), data, grid.toBuilder().solver(Solver.VARPRO).build());
    }

    /** @return 1,000 row resamples, each refitted from the optimum */
    @Benchmark
    public BootstrapResult bootstrap() {
        return Bootstrap.run(optimum, Resampler.rows(), 1000, 42, threads);
    }
}
