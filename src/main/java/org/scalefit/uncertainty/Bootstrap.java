package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parallel;
import org.scalefit.fit.Seeds;
import org.scalefit.fit.Starts;
import org.scalefit.model.Law;

/**
 * Nonparametric bootstrap of any fit: draw replicate data sets, refit the same law with the same
 * options, collect the parameters. Replicate i draws from {@code Seeds.random(seed, STREAM, i)} and
 * results are stored by index, so the answer is bit-identical on 1 or N threads. Each refit starts
 * from the full-data optimum (a warm start), which is both faster and keeps replicates in the same
 * basin as the fit they describe.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());
 * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 2000, 42, Runtime.getRuntime().availableProcessors());
 * Estimate alpha = b.parameter("alpha");
 * }</pre>
 */
public final class Bootstrap {
    /** The seed stream used for bootstrap replicates (see {@link Seeds}). */
    public static final int STREAM = 2;

    private Bootstrap() {
    }

    /**
     * @param fit        the full-data fit
     * @param resampler  how replicates are drawn
     * @param replicates number of replicates (≥ 1)
     * @param seed       seed
     * @param threads    worker threads (≥ 1); does not change the result
     * @return the replicate parameters and failures
     */
    public static BootstrapResult run(Fit fit, Resampler resampler, int replicates, long seed, int threads) {
        if (replicates < 1) {
            throw new org.scalefit.InvalidDataException("--bootstrap needs at least 1 replicate, got " + replicates);
        }
        Law law = fit.law();
        Observations data = fit.data();
        FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
        double[][] params = new double[replicates][];
        String[] failure = new String[replicates];
        Parallel.forEach(threads, replicates, i -> {
            try {
                Observations sample = resampler.resample(data, Seeds.random(seed, STREAM, i));
                Fit f = Fitter.fit(law, sample, warm);
                if (f.converged()) {
                    params[i] = f.values();
                } else {
                    failure[i] = "replicate " + i + ": " + f.convergenceReason();
                }
            } catch (ScalefitException e) {
                failure[i] = "replicate " + i + ": " + e.getMessage();
            }
        });
        List<double[]> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < replicates; i++) {
            if (params[i] != null) {
                ok.add(params[i]);
                okIndex.add(i);
            } else {
                failures.add(failure[i]);
            }
        }
        return new BootstrapResult(fit, resampler.name(), ok.toArray(new double[0][]),
                okIndex.stream().mapToInt(Integer::intValue).toArray(), replicates, failures, seed);
    }
}
