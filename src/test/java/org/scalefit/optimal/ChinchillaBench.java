package org.scalefit.optimal;

import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;

/** Scratch timing of the grid fit (superseded by bench/chinchilla.sh). */
public final class ChinchillaBench {
    private ChinchillaBench() {
    }

    public static void main(String[] args) {
        Solver solver = Solver.parse(args.length > 0 ? args[0] : "auto");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Observations data = EpochData.epoch240();
        FitOptions options = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid())
                .solver(solver).threads(threads).build();
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Fit fit = Fitter.fit(new ChinchillaLaw(), data, options);
            double s = (System.nanoTime() - t0) / 1e9;
            double[] p = fit.values();
            System.out.printf(Locale.ROOT, "%s threads=%d  %.3f s  obj=%.10f  E=%.5f A=%.3f B=%.3f alpha=%.5f beta=%.5f conv=%d/%d best=%d iters=%d%n",
                    solver, threads, s, fit.objective(), p[0], p[1], p[2], p[3], p[4], fit.startsConverged(), fit.startsTried(),
                    fit.bestStart(), fit.iterations());
        }
    }
}
