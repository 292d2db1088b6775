package org.scalefit.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.FitFailedException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;

/**
 * Tells a fit with no finite optimum from a poorly determined one. When an answer looks suspect (the
 * optimiser did not converge, the information matrix is singular or nearly so, or some parameter's
 * standard error dwarfs its value), the least determined parameters are pushed out, each in turn: held
 * at 10, 100 and 1000 times its value (and at a tenth, a hundredth and a thousandth), with the others
 * refitted. If the objective keeps falling all the way, the optimum lies at infinity: the fit fails and
 * says which parameters run off in which direction (E → −∞ while alpha → 0), what the law tends to there
 * when the law knows ({@link Law#limitDescription}), and what to do (bound the parameter, or another law).
 * Where the objective rises again, the optimum is finite and the answer stands.
 */
final class RunawayProbe {
    /** A standard error beyond this many times the value marks a parameter as suspect. */
    static final double LOOSE = 100;
    /** Above this condition number an answer is probed. */
    static final double CONDITION = 1e8;
    private static final int STEPS = 3;
    private static final int PROBED = 2;

    private RunawayProbe() {
    }

    /**
     * @param fit  the assembled fit
     * @param data the data it was fitted to
     * @throws FitFailedException when the objective has no finite minimiser along some parameter
     */
    static void check(Fit fit, Observations data) {
        if (!fit.options().starts().includeGuess() || !suspect(fit)) {
            return;
        }
        List<Integer> order = leastDetermined(fit);
        for (int k = 0; k < Math.min(PROBED, order.size()); k++) {
            int j = order.get(k);
            for (double factor : new double[] {10, 0.1}) {
                Map<String, Integer> runaway = push(fit, data, j, factor);
                if (runaway != null) {
                    throw new FitFailedException(message(fit.law(), fit.values(), runaway, fit.objective()));
                }
            }
        }
    }

    private static boolean suspect(Fit fit) {
        if (!fit.converged() || !(fit.conditionNumber() < CONDITION)) {
            return true;
        }
        for (Parameter p : fit.parameters()) {
            if (!p.fixed() && (Double.isNaN(p.stderr()) || p.stderr() > LOOSE * Math.abs(p.value()))) {
                return true;
            }
        }
        return false;
    }

    /** Free parameters off their bounds and away from zero, least determined (largest stderr/|value|) first. */
    private static List<Integer> leastDetermined(Fit fit) {
        List<Parameter> ps = fit.parameters();
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < ps.size(); j++) {
            Parameter p = ps.get(j);
            // A parameter the user bounded is held inside by its bound; the engine's own ranges hold the others.
            boolean bounded = fit.options().bounds().containsKey(p.name()) || fit.law().range(j, fit.data()).isPresent();
            if (!p.fixed() && p.value() != 0 && !bounded) {
                out.add(j);
            }
        }
        out.sort((a, b) -> Double.compare(looseness(ps.get(b)), looseness(ps.get(a))));
        return out;
    }

    private static double looseness(Parameter p) {
        double r = p.stderr() / Math.abs(p.value());
        return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
    }

    /**
     * Holds parameter j at value × factor^s for s = 1, 2, 3 with the others refitted from the previous point.
     *
     * @return the direction of every parameter that ran off (+1 to +∞, −1 to −∞, 0 to zero) when the objective
     *         fell at every step, else null
     */
    private static Map<String, Integer> push(Fit fit, Observations data, int j, double factor) {
        Law law = fit.law();
        String name = law.parameters().get(j);
        double[] at = fit.values();
        double[] before = null;
        double[] older = null;
        double previous = fit.objective();
        for (int s = 1; s <= STEPS; s++) {
            double v = at[j] * factor;
            if (!Double.isFinite(v) || v == 0) {
                return null;
            }
            double[] moved = at.clone();
            moved[j] = v;
            Refit r = heldRefit(fit, data, j, v, moved, true);
            if ((r == null || !(r.objective() < previous)) && before != null) {
                // Far out along a ridge the partners' least-squares solve loses its digits (E and A near 1e6 cancel
                // to a loss near 3) and the refit from there is lost: start it again where the partners' own path
                // leads, each moved on by its last step grown as that step grew from the one before (E −1,749 →
                // −17,532 → −175,363 → about −1.75e6, A the mirror image, so that E + A keeps the level). After one
                // step there is no growth to measure: the held parameter's own (factor), or its inverse (a partner
                // that goes as 1/alpha), whichever refits lower.
                double[] growths = older == null ? new double[] {factor, 1 / factor} : new double[] {Double.NaN};
                for (double assumed : growths) {
                    double[] path = at.clone();
                    for (int k = 0; k < path.length; k++) {
                        double last = at[k] - before[k];
                        double growth = older == null ? assumed : last / (before[k] - older[k]);
                        path[k] = k == j ? v : at[k] + (Double.isFinite(growth) && growth > 0 ? growth : 1) * last;
                    }
                    Refit again = heldRefit(fit, data, j, v, path, false);
                    if (again != null && (r == null || again.objective() < r.objective())) {
                        r = again;
                    }
                }
            }
            if (r == null || !(r.objective() < previous)) {
                return null;
            }
            previous = r.objective();
            double[] next = r.values();
            next[j] = v;
            older = before;
            before = at;
            at = next;
        }
        Map<String, Integer> dirs = new LinkedHashMap<>();
        double[] from = fit.values();
        for (int k = 0; k < at.length; k++) {
            if (fit.parameters().get(k).fixed()) {
                continue;
            }
            double ratio = Math.abs(at[k]) / Math.abs(from[k]);
            if (ratio >= 3 && Math.signum(at[k]) == Math.signum(from[k])) {
                dirs.put(law.parameters().get(k), (int) Math.signum(at[k]));
            } else if (ratio <= 1 / 3.0) {
                dirs.put(law.parameters().get(k), 0);
            }
        }
        // A run to a finite value (E → 0 alone) is no runaway: something must leave for infinity.
        return dirs.containsKey(name) && (dirs.containsValue(1) || dirs.containsValue(-1)) ? dirs : null;
    }

    /**
     * The fit refitted with parameter j held at v, from {@code start} (with the linear partners solved for v first when
     * asked); null on failure.
     */
    private static Refit heldRefit(Fit fit, Observations data, int j, double v, double[] start, boolean solvePartners) {
        Law law = fit.law();
        try {
            FitOptions held = fit.options().toBuilder().fix(law.parameters().get(j), v).threads(1).build();
            // The others follow: its linear partners (A for E, E and A for alpha) solved for the moved value.
            double[] moved = solvePartners
                    ? new BasinScan(Problem.of(law, data, held, fit.space()), held.loss(), start).withLinearSolved(start) : start;
            return Fitter.refit(law, data, held.toBuilder().starts(Starts.warm(moved)).build());
        } catch (ScalefitException e) {
            return null;
        }
    }

    static String message(Law law, double[] at, Map<String, Integer> runaway, double objective) {
        List<String> parts = new ArrayList<>();
        String first = null;
        int firstDir = 0;
        for (Map.Entry<String, Integer> e : runaway.entrySet()) {
            parts.add(e.getKey() + " → " + (e.getValue() > 0 ? "+∞" : e.getValue() < 0 ? "−∞" : "0"));
            if (first == null && e.getValue() != 0) {
                first = e.getKey();
                firstDir = e.getValue();
            }
        }
        String motion = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " while " + parts.get(parts.size() - 1);
        StringBuilder s = new StringBuilder(law.name() + " fit has no finite optimum: " + motion + " (the objective keeps falling towards "
                + Numbers.format(objective, 5) + " as they run off)");
        law.limitDescription(runaway).ifPresent(d -> s.append("; the data look like ").append(d));
        if (first != null) {
            int j = law.parameters().indexOf(first);
            String bound = firstDir < 0 && law.asymptote(at).orElse(-1) == j ? "0:" : firstDir < 0 ? "LO:" : ":HI";
            s.append("; bound ").append(first).append(" (").append(OptionKey.BOUND.with(first + "=" + bound))
                    .append(") or try another law");
        } else {
            s.append("; try another law");
        }
        return s.toString();
    }
}
