package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.ParameterDomain;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * The start points of a fit, in the order that breaks ties: the law's data-driven guess (with the user's
 * start values and fixed values) first, then explicit points, the law's extra starts, a grid around the guess
 * and seeded random starts; and the fallback random starts when the guess does not converge. Every start is
 * moved inside its bounds and the law's domain; random start s draws from {@code Seeds.random(seed, stream, s)},
 * so the starts never depend on the thread count.
 */
final class StartGenerator {
    private StartGenerator() {
    }

    static List<double[]> starts(Problem problem, Law law, Observations data, FitOptions options) {
        // The guess sees the rows in canonical order too, so that row order cannot move the start.
        // A warm start never uses the data-driven guess, so it is not computed (bootstrap refits).
        Observations canonical = options.starts().includeGuess() ? data.select(problem.order) : null;
        double[] guess = canonical != null ? law.initialGuess(canonical) : new double[law.parameters().size()];
        List<String> params = law.parameters();
        refuseStartsOutside(problem, options);
        for (int j = 0; j < params.size(); j++) {
            Double s = options.startValues().get(params.get(j));
            if (s != null) {
                guess[j] = s;
            }
            Double f = options.fixed().get(params.get(j));
            if (f != null) {
                guess[j] = f;
            }
        }
        List<double[]> starts = new ArrayList<>();
        if (options.starts().includeGuess()) {
            starts.add(admissible(problem, law, guess, options));
        }
        for (double[] e : options.starts().explicit()) {
            if (e.length != params.size()) {
                throw new InvalidDataException("explicit start has " + e.length + " values; " + law.name() + " has "
                        + params.size() + " parameters");
            }
            double[] s = e.clone();
            for (Map.Entry<String, Double> f : options.fixed().entrySet()) {
                s[params.indexOf(f.getKey())] = f.getValue();
            }
            starts.add(admissible(problem, law, s, options));
        }
        if (!options.starts().includeGuess()) {
            return starts;
        }
        for (double[] e : law.extraStarts(canonical)) {
            double[] s = e.clone();
            for (Map.Entry<String, Double> f : options.fixed().entrySet()) {
                s[params.indexOf(f.getKey())] = f.getValue();
            }
            starts.add(admissible(problem, law, s, options));
        }
        if (options.starts().withGrid()) {
            starts.addAll(gridStarts(problem, starts.get(0)));
        }
        if (options.starts().randomCount() > 0) {
            starts.addAll(randomStarts(problem, starts.get(0), options.starts().randomCount(), options.seed(), Stream.RANDOM_STARTS));
        }
        return starts;
    }

    /**
     * A start value the user gave is used as given or refused, never moved: outside the law's domain (a
     * positive scale at or below zero), outside the user's own bound, or outside the range the engine keeps the
     * parameter in for these data (which a bound lifts).
     */
    private static void refuseStartsOutside(Problem problem, FitOptions options) {
        for (int j = 0; j < problem.m; j++) {
            int pj = problem.free[j];
            String name = problem.law.parameters().get(pj);
            Double v = options.startValues().get(name);
            if (v == null) {
                continue;
            }
            if (problem.law.domain(pj) == ParameterDomain.POSITIVE && !(v > 0)) {
                throw new InvalidOptionException(OptionKey.START.with(name + "=" + Numbers.format(v, 6)) + ": " + name
                        + " must be positive in " + problem.law.name() + " (it is fitted as ln " + name + ")");
            }
            Bound b = problem.bounds[j];
            if (b == null || (v > b.lower() && v < b.upper())) {
                continue;
            }
            if (problem.fromLaw[j]) {
                String reason = "";
                for (Constraint c : problem.constraints) {
                    if (c.parameter().equals(name) && c.source() == Constraint.Source.RANGE) {
                        reason = " (" + c.reason() + ")";
                    }
                }
                throw new InvalidOptionException(OptionKey.START.with(name + "=" + Numbers.format(v, 6)) + " lies outside the"
                        + " range [" + Numbers.format(b.lower(), 6) + ", " + Numbers.format(b.upper(), 6) + "] the engine keeps "
                        + name + " in for these data" + reason + "; start inside it, or set your own range with "
                        + OptionKey.BOUND.with(name + "=LO:HI"));
            }
            throw new InvalidOptionException(OptionKey.START.with(name + "=" + Numbers.format(v, 6)) + " lies outside "
                    + OptionKey.BOUND.with(name + "=" + b) + "; start inside the bound or widen it");
        }
    }

    /** Moves a start inside its bounds and the law's domain, off the bound itself. */
    private static double[] admissible(Problem problem, Law law, double[] start, FitOptions options) {
        double[] s = start.clone();
        for (int j = 0; j < problem.m; j++) {
            int pj = problem.free[j];
            String name = law.parameters().get(pj);
            double v = s[pj];
            if (!Double.isFinite(v)) {
                v = 1.0;
            }
            if (law.domain(pj) == ParameterDomain.POSITIVE && !(v > 0)) {
                v = Math.abs(v) > 0 ? Math.abs(v) : 1.0;
            }
            Bound b = problem.bounds[j];
            if (b != null) {
                double lo = b.lower();
                double hi = b.upper();
                double width = Double.isFinite(lo) && Double.isFinite(hi) ? hi - lo : Math.max(1.0, Math.abs(v));
                double inset = 1e-3 * width;
                if (v <= lo) {
                    v = lo + inset;
                }
                if (v >= hi) {
                    v = hi - inset;
                }
            }
            s[pj] = v;
        }
        return s;
    }

    /** A grid around the guess: scales ×{0.01, 0.1, 1, 10, 100}, other parameters shifted by ±1, ±2 × their size. */
    private static List<double[]> gridStarts(Problem problem, double[] guess) {
        int m = problem.m;
        int levels = m <= 3 ? 5 : (m <= 5 ? 3 : 2);
        double count = Math.pow(levels, m);
        // An odd number of levels has the guess itself at the centre, which is not tried twice.
        double points = levels % 2 == 1 ? count - 1 : count;
        if (points > Fitter.MAX_GRID_STARTS) {
            // 2^m grows without bound with a long formula: refuse rather than run for hours (or overflow an int).
            throw new InvalidOptionException(OptionKey.STARTS.with("grid") + " would try " + Numbers.format(points, 4) + " starts for the "
                    + m + " free parameters of " + problem.law.name() + ", more than " + Fitter.MAX_GRID_STARTS
                    + "; use " + OptionKey.STARTS.with("random:N") + ", or fix some parameters with " + OptionKey.FIX.label());
        }
        int total = (int) count;
        List<double[]> out = new ArrayList<>();
        for (int code = 0; code < total; code++) {
            double[] theta = problem.toInternal(guess);
            int c = code;
            boolean isGuess = true;
            for (int j = 0; j < m; j++) {
                int level = c % levels;
                c /= levels;
                double offset = level - (levels - 1) / 2.0;
                if (offset != 0) {
                    isGuess = false;
                }
                Transform t = problem.transforms[j];
                if (t instanceof Transform.Log) {
                    theta[j] += offset * Math.log(10) * (levels == 2 ? 2 : 1);
                } else {
                    double size = Math.max(Math.abs(theta[j]), 1.0);
                    theta[j] += offset * size * (levels == 2 ? 2 : 1);
                }
            }
            if (isGuess) {
                continue;
            }
            double[] p = guess.clone();
            problem.toFull(theta, p);
            out.add(p);
        }
        return out;
    }

    /** Seeded random starts: start s draws from Seeds.random(seed, stream, s), whatever the thread count. */
    static List<double[]> randomStarts(Problem problem, double[] guess, int count, long seed, Stream stream) {
        return randomStarts(problem, guess, 0, count, seed, stream);
    }

    /**
     * Starts {@code first} to {@code first + count − 1} of the seeded sequence about {@code guess} (later rounds of a
     * retry draw new points, not the same ones again).
     */
    static List<double[]> randomStarts(Problem problem, double[] guess, int first, int count, long seed, Stream stream) {
        List<double[]> out = new ArrayList<>();
        for (int s = first; s < first + count; s++) {
            SplittableRandom rng = Seeds.random(seed, stream, s);
            double[] theta = problem.toInternal(guess);
            for (int j = 0; j < problem.m; j++) {
                double z = rng.nextGaussian();
                if (problem.transforms[j] instanceof Transform.Log) {
                    theta[j] += 2.0 * z;
                } else if (problem.transforms[j] instanceof Transform.Identity) {
                    // Explore magnitudes, not just a window around the guess: |p| spread log-normally over
                    // about ±1.5 decades, with the sign flipped one time in five.
                    double magnitude = Math.max(Math.abs(theta[j]), 1e-3) * Math.pow(10, 1.5 * z);
                    double sign = Math.signum(theta[j]) == 0 ? 1 : Math.signum(theta[j]);
                    theta[j] = (rng.nextDouble() < 0.2 ? -sign : sign) * magnitude;
                } else {
                    theta[j] += z * Math.max(Math.abs(theta[j]), 1.0);
                }
            }
            double[] p = guess.clone();
            problem.toFull(theta, p);
            out.add(p);
        }
        return out;
    }
}
