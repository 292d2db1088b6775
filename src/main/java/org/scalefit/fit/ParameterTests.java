package org.scalefit.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.model.ParameterDomain;
import org.scalefit.stats.Quantiles;

/**
 * Tests of a fit against given parameter values (a published law): the likelihood-ratio test, which refits
 * everything the null hypothesis leaves free (the scale σ of a likelihood included), and the Wald test with
 * the fit's covariance or a bootstrap's. Besiroglu et al. (2024) rejected Hoffmann et al.'s Chinchilla
 * parameters this way: on their 240 runs under the Huber likelihood, LR ≈ 84 with 5 degrees of freedom.
 *
 * <p>The Wald test measures positive parameters on the log scale the fit moves them on (ln A, ln B, ln E for
 * Chinchilla's law, as Epoch's notebook parameterises them), with the covariance carried there by the delta
 * method; the likelihood-ratio test does not depend on the parameterisation.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new ChinchillaLaw(), runs, FitOptions.builder().loss(Loss.parse("huber-likelihood:1e-3")).build());
 * Map<String, Double> hoffmann = Map.of("E", 1.69, "A", 406.4, "B", 410.7, "alpha", 0.34, "beta", 0.28);
 * ParameterTests.Result lr = ParameterTests.likelihoodRatio(fit, hoffmann);
 * System.out.println(lr.statistic() + " on " + lr.dof() + " dof, p = " + lr.pValue());
 * }</pre>
 */
public final class ParameterTests {
    private ParameterTests() {
    }

    /**
     * A test's outcome.
     *
     * @param method         {@code likelihood-ratio} or {@code wald}
     * @param statistic      the χ² statistic
     * @param dof            its degrees of freedom (the number of parameters tested)
     * @param pValue         P(χ²_dof ≥ statistic)
     * @param nullValues     the tested values by parameter name
     * @param nullLogLikelihood the log-likelihood under the null (NaN for the Wald test)
     * @param covariance     which covariance a Wald test used ({@code fit} or {@code bootstrap}); the null fit's
     *                       scale for a likelihood-ratio test is in {@link #nullScale}
     * @param nullScale      the null fit's σ under a likelihood with a scale, else NaN
     */
    public record Result(String method, double statistic, int dof, double pValue, Map<String, Double> nullValues,
                         double nullLogLikelihood, String covariance, double nullScale) {
        /**
         * Copies the values.
         *
         * @param method            {@code likelihood-ratio} or {@code wald}
         * @param statistic         the χ² statistic
         * @param dof               its degrees of freedom
         * @param pValue            P(χ²_dof ≥ statistic)
         * @param nullValues        the tested values by parameter name
         * @param nullLogLikelihood the log-likelihood under the null (NaN for the Wald test)
         * @param covariance        which covariance a Wald test used, or an empty string
         * @param nullScale         the null fit's σ, or NaN
         */
        public Result {
            nullValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nullValues));
        }
    }

    /**
     * The likelihood-ratio test: 2·(log L of the fit − log L with the given parameters held), the others (and a
     * likelihood's scale) refitted, against χ² with as many degrees of freedom as parameters held.
     *
     * @param fit        the unrestricted fit (least squares or {@link Loss.HuberLikelihood})
     * @param nullValues values of some of the fit's free parameters
     * @return the test
     * @throws InvalidOptionException for a loss without a likelihood (Huber's or the asymmetric loss), an unknown
     *                                or fixed parameter
     */
    public static Result likelihoodRatio(Fit fit, Map<String, Double> nullValues) {
        Loss loss = fit.options().loss();
        if (!(loss.isSquares() || loss instanceof Loss.HuberLikelihood)) {
            throw new InvalidOptionException("a likelihood-ratio test needs a likelihood: " + OptionKey.LOSS.with(loss.spec())
                    + " has none; use squares or huber-likelihood:DELTA, or a Wald test");
        }
        check(fit, nullValues);
        FitOptions.Builder b = fit.options().toBuilder();
        nullValues.forEach(b::fix);
        double nullLogL;
        double nullScale;
        if (nullValues.size() == fit.freeParameters()) {
            double[] p = fit.values();
            nullValues.forEach((k, v) -> p[fit.law().parameters().indexOf(k)] = v);
            double[] at = FitAssembler.logLikelihoodAt(fit.law(), fit.data(), b.build(), fit.space(), p);
            nullLogL = at[0];
            nullScale = at[1];
        } else {
            // The null refit starts from the fit's own values of the parameters it leaves free.
            double[] v = fit.values();
            for (int j = 0; j < v.length; j++) {
                String name = fit.law().parameters().get(j);
                if (!nullValues.containsKey(name) && !fit.options().fixed().containsKey(name)) {
                    b.start(name, v[j]);
                }
            }
            Fit restricted = Fitter.fit(fit.law(), fit.data(), b.build());
            nullLogL = restricted.logLikelihood();
            nullScale = restricted.scale().orElse(Double.NaN);
        }
        double stat = Math.max(0, 2 * (fit.logLikelihood() - nullLogL));
        return new Result("likelihood-ratio", stat, nullValues.size(), Quantiles.chiSquareSurvival(stat, nullValues.size()),
                nullValues, nullLogL, "", nullScale);
    }

    /**
     * The Wald test with the fit's own covariance.
     *
     * @param fit        the fit
     * @param nullValues values of some of the fit's free parameters
     * @return the test
     */
    public static Result wald(Fit fit, Map<String, Double> nullValues) {
        return wald(fit, nullValues, fit.stderrFromAbsoluteCovariance() ? fit.covarianceAbsolute() : fit.covariance(), "fit");
    }

    /**
     * The Wald test W = dᵀ·C⁻¹·d with d the difference between the fit's values and the null's (positive
     * parameters on the log scale) and C the given covariance of the parameters restricted to the tested ones.
     *
     * @param fit        the fit
     * @param nullValues values of some of the fit's free parameters
     * @param covariance covariance of all the law's parameters (law order), e.g. from bootstrap replicates
     * @param source     what the covariance is, for the report ({@code fit}, {@code bootstrap})
     * @return the test
     */
    public static Result wald(Fit fit, Map<String, Double> nullValues, double[][] covariance, String source) {
        check(fit, nullValues);
        List<String> names = new ArrayList<>(nullValues.keySet());
        int k = names.size();
        double[] values = fit.values();
        int[] idx = new int[k];
        double[] d = new double[k];
        double[] scale = new double[k];
        for (int a = 0; a < k; a++) {
            idx[a] = fit.law().parameters().indexOf(names.get(a));
            double hat = values[idx[a]];
            double h0 = nullValues.get(names.get(a));
            boolean log = fit.law().domain(idx[a]) == ParameterDomain.POSITIVE && hat > 0 && h0 > 0;
            d[a] = log ? Math.log(hat) - Math.log(h0) : hat - h0;
            scale[a] = log ? 1 / hat : 1;
        }
        double[][] m = new double[k][k + 1];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                m[a][b] = covariance[idx[a]][idx[b]] * scale[a] * scale[b];
            }
            m[a][k] = d[a];
        }
        double[] x = Gauss.solve(m);
        double w = 0;
        if (x != null) {
            for (int a = 0; a < k; a++) {
                w += d[a] * x[a];
            }
        }
        double stat = x == null ? Double.NaN : w;
        return new Result("wald", stat, k, Quantiles.chiSquareSurvival(stat, k), nullValues, Double.NaN, source, Double.NaN);
    }

    /**
     * The sample covariance of bootstrap replicates of a fit's parameters (law order), for {@link #wald}.
     *
     * @param replicates one parameter vector per replicate
     * @return the covariance
     */
    public static double[][] covariance(double[][] replicates) {
        int np = replicates[0].length;
        int r = replicates.length;
        double[] mean = new double[np];
        for (double[] rep : replicates) {
            for (int j = 0; j < np; j++) {
                mean[j] += rep[j] / r;
            }
        }
        double[][] c = new double[np][np];
        for (double[] rep : replicates) {
            for (int a = 0; a < np; a++) {
                for (int b = 0; b < np; b++) {
                    c[a][b] += (rep[a] - mean[a]) * (rep[b] - mean[b]) / (r - 1);
                }
            }
        }
        return c;
    }

    /**
     * Parses {@code NAME=VALUE,NAME=VALUE}.
     *
     * @param text the hypothesis, e.g. {@code E=1.69,A=406.4}
     * @return the values by name, in order
     * @throws InvalidOptionException naming a malformed part
     */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new InvalidOptionException("test \"" + text + "\": \"" + t + "\" is not NAME=VALUE");
            }
            try {
                out.put(t.substring(0, eq).strip(), Double.parseDouble(t.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new InvalidOptionException("test \"" + text + "\": \"" + t.substring(eq + 1).strip() + "\" is not a number");
            }
        }
        return out;
    }

    private static void check(Fit fit, Map<String, Double> nullValues) {
        if (nullValues.isEmpty()) {
            throw new InvalidOptionException("a test needs at least one NAME=VALUE");
        }
        for (Map.Entry<String, Double> e : nullValues.entrySet()) {
            int j = fit.law().parameters().indexOf(e.getKey());
            if (j < 0) {
                throw new InvalidOptionException("unknown parameter \"" + e.getKey() + "\" in the test; " + fit.law().name()
                        + " has parameters " + String.join(", ", fit.law().parameters()));
            }
            if (fit.options().fixed().containsKey(e.getKey())) {
                throw new InvalidOptionException(e.getKey() + " is held fixed in the fit (" + OptionKey.FIX.label()
                        + "): a test can only hold a parameter the fit estimates");
            }
            if (!Double.isFinite(e.getValue())) {
                throw new InvalidOptionException("the tested value of " + e.getKey() + " must be finite, got " + e.getValue());
            }
        }
    }

}
