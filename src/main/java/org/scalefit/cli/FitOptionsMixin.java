package org.scalefit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.Bound;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.Space;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that shape a fit, shared by every command that fits a law: space, loss, start values,
 * bounds, fixed parameters, multi-start, solver, seed, threads and the iteration limit; turned into
 * {@link org.scalefit.fit.FitOptions}.
 *
 * <pre>{@code
 * // scalefit fit runs.csv --x compute --y loss --law offset-power-law --loss huber:0.01 --starts grid+random:20
 * Main.run(new String[] {"fit", "runs.csv", "--x", "compute", "--y", "loss", "--law", "offset-power-law",
 *         "--loss", "huber:0.01", "--starts", "grid+random:20"}, System.out, System.err);
 * }</pre>
 */
public final class FitOptionsMixin {
    /** The default of every command's {@code --seed}: {@link FitOptions#DEFAULT_SEED}, as picocli takes it. */
    static final String DEFAULT_SEED = "" + FitOptions.DEFAULT_SEED;

    @Option(names = "--space", paramLabel = "log|linear", completionCandidates = Completions.Spaces.class,
            description = "Residual space (default: log for built-in laws, linear for formulas; compare fits every law in log).")
    String space;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "squares", completionCandidates = Completions.Losses.class,
            description = "squares, huber:DELTA or asymmetric:LAMBDA (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--start", paramLabel = "NAME=VALUE[,...]", split = ",", description = "Start values.")
    List<String> start = new ArrayList<>();

    @Option(names = "--bound", paramLabel = "NAME=LO:HI[,...]", split = ",",
            description = "Bounds; either end may be empty, e.g. alpha=0:2,E=0:.")
    List<String> bound = new ArrayList<>();

    @Option(names = "--fix", paramLabel = "NAME=VALUE[,...]", split = ",", description = "Hold parameters fixed.")
    List<String> fix = new ArrayList<>();

    @Option(names = "--starts", paramLabel = "STARTS", defaultValue = "auto", completionCandidates = Completions.StartKinds.class,
            description = "auto, grid, random:N, grid+random:N, or hoffmann-grid (Hoffmann et al.'s 4,500 starts "
                    + "for chinchilla) (default: ${DEFAULT-VALUE}).")
    String starts;

    @Option(names = "--solver", paramLabel = "SOLVER", defaultValue = "auto", completionCandidates = Completions.Solvers.class,
            description = "auto (LM for squares, L-BFGS for robust losses), lm, lbfgs, or varpro (variable projection "
                    + "for chinchilla: E, A, B solved exactly at each alpha, beta) (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--seed", paramLabel = "N", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "2000",
            description = "Iteration limit per optimiser run (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    /** Created by picocli. */
    public FitOptionsMixin() {
    }

    /** @return the options for the engine */
    public FitOptions toOptions() {
        FitOptions.Builder b = FitOptions.builder()
                .loss(Loss.parse(loss))
                .starts(Starts.parse(starts))
                .solver(Solver.parse(solver))
                .seed(seed)
                .maxIterations(maxIterations)
                .threads(threads());
        if (space != null) {
            b.space(Space.parse(space));
        }
        pairs(start, "--start").forEach((k, v) -> b.start(k, number(v, "--start", k)));
        pairs(fix, "--fix").forEach((k, v) -> b.fix(k, number(v, "--fix", k)));
        pairs(bound, "--bound").forEach((k, v) -> b.bound(k, Bound.parse(v)));
        return b.build();
    }

    /** @return the thread count (all cores unless given) */
    public int threads() {
        return threads.count();
    }

    static Map<String, String> pairs(List<String> items, String flag) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new InvalidDataException(flag + " \"" + item + "\" must look like NAME=VALUE");
            }
            String name = item.substring(0, eq).trim();
            if (out.put(name, item.substring(eq + 1).trim()) != null) {
                throw new InvalidDataException(flag + " gives " + name + " twice");
            }
        }
        return out;
    }

    static double number(String text, String flag, String name) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidDataException(flag + " " + name + "=" + text + ": \"" + text + "\" is not a finite number");
        }
    }
}
