package org.scalefit.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.Law;
import org.scalefit.stats.Quantiles;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Extrapolation;
import org.scalefit.uncertainty.Resampler;

/**
 * "Did we find a better slope, and what is it worth in compute?" Fits the same law (a power law, or a
 * power law with an offset) to a baseline and an improved set of runs and compares them.
 *
 * <ul>
 * <li><b>Exponent difference</b> Δα = α_improved − α_baseline (positive: the improved curve falls faster),
 * standard error √(se_b² + se_i²) from the two independent fits, interval with Welch–Satterthwaite degrees
 * of freedom.</li>
 * <li><b>Compute multiplier at compute C</b>: M(C) = C_b / C where the baseline reaches at C_b the loss the
 * improved curve has at C — how much more compute the baseline needs to match it. For two power laws
 * M(C) = (a_b/a_i)^(1/α_b) · C^(α_i/α_b − 1): constant when the exponents agree, growing with scale when
 * the improved exponent is larger. <b>At loss L</b>: M = C_b(L)/C_i(L).</li>
 * </ul>
 * Intervals for ln M come from the delta method on the joint (block-diagonal) covariance of both fits,
 * and, when replicates are asked for, from independent row bootstraps of the two data sets (replicate j
 * of each paired), percentile intervals. Every multiplier carries how far its point lies beyond the data.
 *
 * <pre>{@code
 * SlopeResult r = SlopeComparison.run(baseline, improved, SlopeOptions.powerLaw(List.of(1e23), List.of()));
 * System.out.println(r.exponentDifference().value() + " " + r.multipliers().get(0).value() + "×");
 * }</pre>
 */
public final class SlopeComparison {
    private SlopeComparison() {
    }

    /**
     * @param baseline the baseline runs (one predictor: compute)
     * @param improved the improved runs, same columns and units
     * @param options  law, where to evaluate the multiplier, bootstrap
     * @return the comparison
     * @throws InvalidDataException for mismatched data or a law without an exponent
     */
    public static SlopeResult run(Observations baseline, Observations improved, SlopeOptions options) {
        return run(baseline, improved, options, Progress.NONE);
    }

    /**
     * The same comparison, telling {@code progress} as the two bootstraps (baseline, then improved)
     * complete; without bootstrap replicates it is never called. The result does not depend on the listener.
     *
     * <pre>{@code
     * SlopeOptions o = new SlopeOptions(new PowerLaw(), FitOptions.defaults(), List.of(1e23), List.of(), 1000, 2, false);
     * SlopeResult r = SlopeComparison.run(baseline, improved, o, (done, total) -> { });
     * }</pre>
     *
     * @param baseline the baseline runs (one predictor: compute)
     * @param improved the improved runs, same columns and units
     * @param options  law, where to evaluate the multiplier, bootstrap
     * @param progress told of completed bootstrap refits
     * @return the comparison
     * @throws InvalidDataException for mismatched data or a law without an exponent
     */
    public static SlopeResult run(Observations baseline, Observations improved, SlopeOptions options, Progress progress) {
        checkUnits(baseline, improved, options.allowUnitMismatch());
        Law lawB = options.law();
        Law lawI = options.law();
        int j = lawB.parameters().indexOf("alpha");
        if (j < 0) {
            throw new InvalidDataException("slopes compares laws with an exponent alpha (power-law, offset-power-law); "
                    + lawB.name() + " has " + String.join(", ", lawB.parameters()));
        }
        FitOptions fo = options.fitOptions();
        Fit fb = Fitter.fit(lawB, baseline, fo);
        Fit fi = Fitter.fit(lawI, improved, fo);
        int nb = fb.values().length;
        double level = fo.confidenceLevel();

        BootstrapResult bb = null;
        BootstrapResult bi = null;
        if (options.replicates() > 0) {
            long r = options.replicates();
            bb = Bootstrap.run(fb, Resampler.rows(), options.replicates(), fo.seed(), options.threads(),
                    progress.stage(0, r, 2 * r));
            bi = Bootstrap.run(fi, Resampler.rows(), options.replicates(), fo.seed() + 1, options.threads(),
                    progress.stage(r, r, 2 * r));
        }
        Joint joint = new Joint(fb, fi, bb, bi);

        double diff = fi.value("alpha") - fb.value("alpha");
        double sb = fb.parameter("alpha").stderr();
        double si = fi.parameter("alpha").stderr();
        double se = Math.sqrt(sb * sb + si * si);
        double t = welchT(fb, fi, level);
        Estimate exponentDifference;
        if (joint.paired() > 1) {
            double[] d = joint.distribution(p -> p[nb + j] - p[j]);
            double[] lohi = BootstrapResult.percentileInterval(d, level);
            exponentDifference = new Estimate("exponent_difference", "", "alpha(improved) − alpha(baseline)", diff,
                    sd(d), lohi[0], lohi[1], "bootstrap-percentile");
        } else {
            exponentDifference = new Estimate("exponent_difference", "", "alpha(improved) − alpha(baseline)", diff, se,
                    diff - t * se, diff + t * se, "delta");
        }

        List<SlopeResult.Multiplier> multipliers = new ArrayList<>();
        for (double c : options.atCompute()) {
            multipliers.add(multiplier(joint, "compute", c, p -> lnMultiplierAtCompute(lawB, lawI, p, nb, c), level, t));
        }
        for (double loss : options.atLoss()) {
            multipliers.add(multiplier(joint, "loss", loss, p -> lnMultiplierAtLoss(lawB, lawI, p, nb, loss), level, t));
        }
        String verdict = verdict(baseline, exponentDifference, multipliers, level);
        return new SlopeResult(fb, fi, exponentDifference, multipliers, verdict, joint.paired(),
                bb == null ? 0 : bb.failed() + bi.failed());
    }

    /**
     * The compute multiplier along a grid of computes, with delta-method intervals from the two fits' covariances
     * (whatever intervals the comparison itself reported): the curve a plot draws between the table's values.
     *
     * <pre>{@code
     * List<SlopeResult.Multiplier> curve = SlopeComparison.multipliersAt(result, new double[] {1e20, 1e21, 1e22});
     * }</pre>
     *
     * @param result   a comparison
     * @param computes where to evaluate
     * @return one multiplier per compute, method {@code delta}
     */
    public static List<SlopeResult.Multiplier> multipliersAt(SlopeResult result, double[] computes) {
        Fit fb = result.baseline();
        Fit fi = result.improved();
        Joint joint = new Joint(fb, fi, null, null);
        int nb = fb.values().length;
        double level = fb.options().confidenceLevel();
        double t = welchT(fb, fi, level);
        List<SlopeResult.Multiplier> out = new ArrayList<>();
        for (double c : computes) {
            out.add(multiplier(joint, "compute", c, p -> lnMultiplierAtCompute(fb.law(), fi.law(), p, nb, c), level, t));
        }
        return out;
    }

    /** The t quantile at Welch's degrees of freedom for the two exponents' standard errors (normal when undefined). */
    private static double welchT(Fit fb, Fit fi, double level) {
        double sb = fb.parameter("alpha").stderr();
        double si = fi.parameter("alpha").stderr();
        double nu = Math.pow(sb * sb + si * si, 2) / (Math.pow(sb, 4) / Math.max(fb.dof(), 1) + Math.pow(si, 4) / Math.max(fi.dof(), 1));
        return Double.isFinite(nu) && nu > 0 ? Quantiles.t((1 + level) / 2, nu) : Quantiles.normal((1 + level) / 2);
    }

    private static double sd(double[] d) {
        double s = 0;
        double s2 = 0;
        int m = 0;
        for (double v : d) {
            if (Double.isFinite(v)) {
                s += v;
                s2 += v * v;
                m++;
            }
        }
        return m > 1 ? Math.sqrt(Math.max(0, (s2 - s * s / m) / (m - 1))) : Double.NaN;
    }

    /** ln(C_b / C) where baseline(C_b) = improved(C); NaN when the baseline never gets there. */
    static double lnMultiplierAtCompute(Law lawB, Law lawI, double[] p, int nb, double c) {
        double[] pb = java.util.Arrays.copyOfRange(p, 0, nb);
        double[] pi = java.util.Arrays.copyOfRange(p, nb, p.length);
        double loss = lawI.value(new double[] {c}, pi);
        OptionalDouble cb = lawB.solveForX(loss, pb);
        return cb.isPresent() ? Math.log(cb.getAsDouble()) - Math.log(c) : Double.NaN;
    }

    /** ln(C_b(L) / C_i(L)); NaN when either curve never reaches L. */
    static double lnMultiplierAtLoss(Law lawB, Law lawI, double[] p, int nb, double loss) {
        double[] pb = java.util.Arrays.copyOfRange(p, 0, nb);
        double[] pi = java.util.Arrays.copyOfRange(p, nb, p.length);
        OptionalDouble cb = lawB.solveForX(loss, pb);
        OptionalDouble ci = lawI.solveForX(loss, pi);
        return cb.isPresent() && ci.isPresent() ? Math.log(cb.getAsDouble()) - Math.log(ci.getAsDouble()) : Double.NaN;
    }

    private static SlopeResult.Multiplier multiplier(Joint joint, String kind, double at,
                                                     ToDoubleFunction<double[]> lnM, double level, double t) {
        double point = lnM.applyAsDouble(joint.values());
        double ci = kind.equals("compute") ? at
                : joint.improved.law().solveForX(at, joint.improved.values()).orElse(Double.NaN);
        double cb = kind.equals("compute") ? Math.exp(point) * at
                : joint.baseline.law().solveForX(at, joint.baseline.values()).orElse(Double.NaN);
        String where = "";
        if (Double.isFinite(cb) && Double.isFinite(ci)) {
            Extrapolation eb = Extrapolation.of(joint.baseline.data(), true, cb);
            Extrapolation ei = Extrapolation.of(joint.improved.data(), true, ci);
            Extrapolation worst = eb.distance() >= ei.distance() ? eb : ei;
            where = worst.severity() == Extrapolation.Severity.NONE ? ""
                    : (worst == eb ? "baseline: " : "improved: ") + worst.message();
        }
        if (!Double.isFinite(point)) {
            return new SlopeResult.Multiplier(kind, at, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN, "",
                    kind.equals("compute") ? "the baseline never reaches the improved curve's loss at this compute"
                            : "a curve never reaches this loss");
        }
        if (joint.paired() > 1) {
            double[] d = joint.distribution(lnM);
            double[] lohi = BootstrapResult.percentileInterval(d, level);
            return new SlopeResult.Multiplier(kind, at, Math.exp(point), sd(d), Math.exp(lohi[0]), Math.exp(lohi[1]),
                    "bootstrap-percentile", where);
        }
        double se = joint.deltaSe(lnM);
        return new SlopeResult.Multiplier(kind, at, Math.exp(point), se, Math.exp(point - t * se), Math.exp(point + t * se),
                "delta", where);
    }

    /** Both fits as one parameter vector (baseline first), with a block-diagonal covariance and paired replicates. */
    private static final class Joint {
        final Fit baseline;
        final Fit improved;
        final double[][] pairs;

        Joint(Fit baseline, Fit improved, BootstrapResult bb, BootstrapResult bi) {
            this.baseline = baseline;
            this.improved = improved;
            if (bb == null) {
                pairs = new double[0][];
                return;
            }
            double[][] rb = bb.replicates();
            double[][] ri = bi.replicates();
            int[] ib = bb.replicateIndices();
            int[] ii = bi.replicateIndices();
            List<double[]> out = new ArrayList<>();
            int a = 0;
            int c = 0;
            while (a < ib.length && c < ii.length) {
                if (ib[a] == ii[c]) {
                    out.add(concat(rb[a], ri[c]));
                    a++;
                    c++;
                } else if (ib[a] < ii[c]) {
                    a++;
                } else {
                    c++;
                }
            }
            pairs = out.toArray(new double[0][]);
        }

        int paired() {
            return pairs.length;
        }

        double[] values() {
            return concat(baseline.values(), improved.values());
        }

        double[] distribution(ToDoubleFunction<double[]> f) {
            double[] d = new double[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                d[i] = f.applyAsDouble(pairs[i].clone());
            }
            return d;
        }

        /** √(gᵀΣg) with g the central-difference gradient and Σ = diag(Σ_b, Σ_i). */
        double deltaSe(ToDoubleFunction<double[]> f) {
            double[] v = values();
            double[][] cb = baseline.stderrFromAbsoluteCovariance() ? baseline.covarianceAbsolute() : baseline.covariance();
            double[][] ci = improved.stderrFromAbsoluteCovariance() ? improved.covarianceAbsolute() : improved.covariance();
            int nb = cb.length;
            int n = v.length;
            double[] g = new double[n];
            for (int j = 0; j < n; j++) {
                double var = j < nb ? cb[j][j] : ci[j - nb][j - nb];
                double h = 1e-6 * Math.max(Math.abs(v[j]), var > 0 ? Math.sqrt(var) : 1e-8);
                double[] up = v.clone();
                double[] dn = v.clone();
                up[j] += h;
                dn[j] -= h;
                g[j] = (f.applyAsDouble(up) - f.applyAsDouble(dn)) / (2 * h);
            }
            double s = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double c;
                    if (a < nb && b < nb) {
                        c = cb[a][b];
                    } else if (a >= nb && b >= nb) {
                        c = ci[a - nb][b - nb];
                    } else {
                        c = 0;
                    }
                    if (c != 0) {
                        s += g[a] * c * g[b];
                    }
                }
            }
            return s >= 0 ? Math.sqrt(s) : Double.NaN;
        }

        private static double[] concat(double[] a, double[] b) {
            double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    /**
     * Same columns, same units: the response medians within a factor 10 and the x ranges overlapping or at
     * most 3 decades apart; otherwise the two files are probably in different units (FLOP against
     * PF-days, loss against perplexity) and any multiplier would be meaningless.
     */
    static void checkUnits(Observations baseline, Observations improved, boolean allow) {
        if (!baseline.predictorColumn(0).equals(improved.predictorColumn(0))
                || !baseline.responseColumn().equals(improved.responseColumn())) {
            throw new InvalidDataException("the two files must use the same columns: " + baseline.source() + " has "
                    + baseline.predictorColumn(0) + " → " + baseline.responseColumn() + ", " + improved.source() + " has "
                    + improved.predictorColumn(0) + " → " + improved.responseColumn());
        }
        if (allow) {
            return;
        }
        double[] xb = range(baseline, true);
        double[] xi = range(improved, true);
        double gap = Math.max(Math.log10(xi[0] / xb[1]), Math.log10(xb[0] / xi[1]));
        if (xb[0] > 0 && xi[0] > 0 && gap > 3) {
            throw new InvalidDataException(baseline.predictorColumn(0) + " ranges of the two files are " + Numbers.format(gap, 2)
                    + " decades apart (" + baseline.source() + " " + Numbers.format(xb[0], 3) + "–" + Numbers.format(xb[1], 3) + ", "
                    + improved.source() + " " + Numbers.format(xi[0], 3) + "–" + Numbers.format(xi[1], 3)
                    + "): are both in the same units? (" + OptionKey.ALLOW_UNIT_MISMATCH.label() + " to compare anyway)");
        }
        double mb = median(baseline);
        double mi = median(improved);
        double ratio = Math.max(mb / mi, mi / mb);
        if (mb > 0 && mi > 0 && ratio > 10) {
            throw new InvalidDataException("median " + baseline.responseColumn() + " differs by a factor "
                    + Numbers.format(ratio, 3) + " between the two files (" + baseline.source() + " " + Numbers.format(mb, 4) + ", "
                    + improved.source() + " " + Numbers.format(mi, 4)
                    + "): are both in the same units (nats, bits, perplexity)? (" + OptionKey.ALLOW_UNIT_MISMATCH.label() + " to compare anyway)");
        }
    }

    private static double[] range(Observations d, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            double v = x ? d.x(i) : d.y(i);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    private static double median(Observations d) {
        double[] y = d.yValues();
        java.util.Arrays.sort(y);
        int n = y.length;
        return n % 2 == 1 ? y[n / 2] : 0.5 * (y[n / 2 - 1] + y[n / 2]);
    }

    private static String verdict(Observations baseline, Estimate diff, List<SlopeResult.Multiplier> ms, double level) {
        String pct = Numbers.format(100 * level, 3) + "%";
        StringBuilder s = new StringBuilder();
        boolean steeper = diff.lower() > 0;
        boolean shallower = diff.upper() < 0;
        s.append(steeper ? "the improved curve has a better slope: " : shallower ? "the improved curve has a worse slope: "
                : "no slope difference can be told apart from zero: ");
        s.append("alpha differs by ").append(Numbers.format(diff.value(), 3)).append(" (").append(pct).append(" interval ")
                .append(Numbers.format(diff.lower(), 3)).append(" to ").append(Numbers.format(diff.upper(), 3)).append(")");
        for (SlopeResult.Multiplier m : ms) {
            s.append("; ");
            if (!Double.isFinite(m.value())) {
                s.append("at ").append(m.kind()).append(' ').append(Numbers.format(m.at(), 4)).append(": ").append(m.note());
                continue;
            }
            s.append("at ").append(m.kind().equals("compute") ? baseline.predictorColumn(0) : baseline.responseColumn())
                    .append(' ').append(Numbers.format(m.at(), 4)).append(" the baseline needs ")
                    .append(Numbers.format(m.value(), 3)).append("× the compute (").append(Numbers.format(m.lower(), 3))
                    .append("–").append(Numbers.format(m.upper(), 3)).append("×)");
        }
        return s.toString();
    }
}
