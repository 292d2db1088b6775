package org.scalefit.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.Space;

/**
 * What to fit, as plain text and numbers that Spark can ship to its executors: the law (a built-in name
 * such as {@code power-law} or a formula), and the fit options in the words of {@code scalefit fit}'s
 * options — residual space, loss, starts, solver, seed, iteration limit, start values, fixed parameters,
 * bounds and the reference date of the time laws. Each executor turns it into the core's {@link Law} and
 * {@link FitOptions} ({@link #toOptions()}), parsed by the core's own parsers, so a spec means exactly what
 * the same options mean on the command line. Immutable; every {@code with…} method returns a copy.
 *
 * <pre>{@code
 * FitSpec spec = FitSpec.law("offset-power-law")        // scalefit fit … --law offset-power-law
 *         .withSpace("linear")                          //   --space linear
 *         .withLoss("huber:0.01")                       //   --loss huber:0.01
 *         .withBound("alpha", "0:2")                    //   --bound alpha=0:2
 *         .withSeed(7);                                 //   --seed 7
 * FitOptions options = spec.toOptions();                // one thread: Spark runs the tasks in parallel
 * }</pre>
 *
 * @serial exclude (a spec travels to the executors as Java serialization; it is no published format)
 * @param law            a built-in law name or a formula (as {@code --law})
 * @param space          {@code log}, {@code linear}, or null for the law's default (as {@code --space})
 * @param loss           {@code squares}, {@code huber:DELTA} or {@code asymmetric:LAMBDA} (as {@code --loss})
 * @param starts         {@code auto}, {@code grid}, {@code random:N}, {@code grid+random:N}, {@code hoffmann-grid}
 * @param solver         {@code auto}, {@code lm}, {@code lbfgs} or {@code varpro} (as {@code --solver})
 * @param seed           the random seed of multi-start and bootstrap (as {@code --seed})
 * @param maxIterations  the iteration limit per optimiser run (as {@code --max-iterations})
 * @param start          start values by parameter name (as {@code --start})
 * @param fix            fixed parameter values by name (as {@code --fix})
 * @param bound          bounds by parameter name, each {@code LO:HI} with either end optional (as {@code --bound})
 * @param t0             the reference date of {@code doubling} and {@code superexponential} (ISO), or null
 */
public record FitSpec(String law, String space, String loss, String starts, String solver, long seed,
                      int maxIterations, Map<String, Double> start, Map<String, Double> fix, Map<String, String> bound,
                      String t0) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the names and copies the maps (insertion order kept, so the spec prints as it was built).
     *
     * @param law            a built-in law name or a formula (as {@code --law})
     * @param space          {@code log}, {@code linear}, or null for the law's default (as {@code --space})
     * @param loss           {@code squares}, {@code huber:DELTA} or {@code asymmetric:LAMBDA} (as {@code --loss})
     * @param starts         {@code auto}, {@code grid}, {@code random:N}, {@code grid+random:N}, {@code hoffmann-grid}
     * @param solver         {@code auto}, {@code lm}, {@code lbfgs} or {@code varpro} (as {@code --solver})
     * @param seed           the random seed of multi-start and bootstrap (as {@code --seed})
     * @param maxIterations  the iteration limit per optimiser run (as {@code --max-iterations})
     * @param start          start values by parameter name (as {@code --start})
     * @param fix            fixed parameter values by name (as {@code --fix})
     * @param bound          bounds by parameter name, each {@code LO:HI} (as {@code --bound})
     * @param t0             the reference date of the time laws (ISO), or null
     */
    public FitSpec {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(solver, "solver");
        start = copy(start);
        fix = copy(fix);
        bound = copy(bound);
    }

    /**
     * A spec with every option at the command line's default: the law's own space, squares, automatic
     * starts and solver, seed 20240229, 2,000 iterations.
     *
     * @param law a built-in law name ({@code power-law}, {@code offset-power-law}, {@code chinchilla}, …) or a formula
     * @return the spec
     */
    public static FitSpec law(String law) {
        return new FitSpec(law, null, "squares", "auto", "auto", FitOptions.DEFAULT_SEED, 2000, Map.of(), Map.of(),
                Map.of(), null);
    }

    /**
     * @param space {@code log} or {@code linear}
     * @return a copy with that residual space
     */
    public FitSpec withSpace(String space) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param loss {@code squares}, {@code huber:DELTA} or {@code asymmetric:LAMBDA}
     * @return a copy with that loss
     */
    public FitSpec withLoss(String loss) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param starts {@code auto}, {@code grid}, {@code random:N}, {@code grid+random:N} or {@code hoffmann-grid}
     * @return a copy with those starts
     */
    public FitSpec withStarts(String starts) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param solver {@code auto}, {@code lm}, {@code lbfgs} or {@code varpro}
     * @return a copy with that solver
     */
    public FitSpec withSolver(String solver) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param seed the random seed
     * @return a copy with that seed
     */
    public FitSpec withSeed(long seed) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param maxIterations the iteration limit per optimiser run
     * @return a copy with that limit
     */
    public FitSpec withMaxIterations(int maxIterations) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, t0);
    }

    /**
     * @param name  a parameter name
     * @param value its start value
     * @return a copy with that start value added
     */
    public FitSpec withStart(String name, double value) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, plus(start, name, value), fix, bound, t0);
    }

    /**
     * @param name  a parameter name
     * @param value the value it is held at
     * @return a copy with that parameter fixed
     */
    public FitSpec withFixed(String name, double value) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, plus(fix, name, value), bound, t0);
    }

    /**
     * @param name  a parameter name
     * @param range {@code LO:HI}, either end may be empty (e.g. {@code 0:} for ≥ 0)
     * @return a copy with that bound added
     */
    public FitSpec withBound(String name, String range) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, plus(bound, name, range), t0);
    }

    /**
     * @param date the reference date t0 of {@code doubling} / {@code superexponential}, ISO {@code yyyy-MM-dd}
     * @return a copy with that reference date
     */
    public FitSpec withT0(String date) {
        return new FitSpec(law, space, loss, starts, solver, seed, maxIterations, start, fix, bound, date);
    }

    /**
     * The core's options for this spec, on one thread (Spark's tasks are the parallel work; a fit's
     * result does not depend on its thread count).
     *
     * @return the fit options
     * @throws org.scalefit.InvalidDataException when an option does not parse
     */
    public FitOptions toOptions() {
        FitOptions.Builder b = FitOptions.builder()
                .loss(Loss.parse(loss))
                .starts(Starts.parse(starts))
                .solver(Solver.parse(solver))
                .seed(seed)
                .maxIterations(maxIterations)
                .threads(1);
        if (space != null) {
            b.space(Space.parse(space));
        }
        start.forEach(b::start);
        fix.forEach(b::fix);
        bound.forEach((k, v) -> b.bound(k, Bound.parse(v)));
        return b.build();
    }

    /**
     * Creates the law for one data set, as the command line does (a time law without {@link #t0()} takes
     * its reference date from the data).
     *
     * @param data the observations the law will be fitted to
     * @return the law
     * @throws org.scalefit.InvalidDataException for an unknown law, a bad formula or a wrong predictor count
     */
    public Law createLaw(Observations data) {
        OptionalDouble day = t0 == null ? OptionalDouble.empty() : OptionalDouble.of(Dates.toEpochDay(t0));
        return Laws.create(law, new Laws.Context(data.predictorNames(), data, day));
    }

    /** @return true when the law's predictor is a date ({@code doubling}, {@code superexponential}) */
    public boolean takesDates() {
        return Laws.takesDates(law);
    }

    /** @return the predictor names a built-in law expects, in order (e.g. {@code [N, D]}); empty for a formula */
    public List<String> predictorNames() {
        return Laws.predictorsOf(law);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <V> Map<String, V> plus(Map<String, V> map, String name, V value) {
        Map<String, V> m = new LinkedHashMap<>(map);
        m.put(Objects.requireNonNull(name, "name"), value);
        return m;
    }
}
