package org.scalefit.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalefit.oracles.Oracles.assertRelative;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.optimal.Allocation;
import org.scalefit.optimal.OptimalAllocation;

/**
 * The intervals {@code scalefit optimal} prints (README tour, section 5), against an oracle computed without scalefit.
 *
 * <p>Oracle: {@code bench/oracles/optimal_intervals.py} → {@code oracles/optimal_intervals.json}. SciPy 1.17
 * fits the Chinchilla law to {@code datasets/hoffmann2022-isoflop-synthetic.csv} with Epoch's objective
 * (Σ Huber₁ₑ₋₃ of log residuals; L-BFGS-B then Nelder-Mead), NumPy computes Huber's (1981) covariance at
 * that optimum, and the script's own closed forms of Hoffmann et al. (2022) for N_opt, D_opt, D/N, the
 * loss and the compute for a target loss are propagated on the log scale by Richardson central
 * differences, interval = value·exp(±t·se) with t from {@code scipy.stats.t} (112 dof).
 *
 * <p>Tolerances: the two optimisers of a Huber objective agree to about 1e-7 in the parameters here; the
 * standard errors depend on them smoothly once the same residuals lie inside δ, so 1e-5 on the parameters,
 * 1e-4 on standard errors and interval ends. Dropping Huber's correction K, using the reweighted
 * covariance instead of Huber's, or a normal quantile for t each move an end by more than 1e-3.
 */
class OptimalIntervalOracleTest {
    private static final JsonNode ORACLE = Oracles.load("optimal_intervals.json");

    private static void assertEstimate(JsonNode o, Estimate e, String what) {
        assertRelative(o.get("value").asDouble(), e.value(), 1e-5, what + " value");
        assertRelative(o.get("lower").asDouble(), e.lower(), 1e-4, what + " lower 95%");
        assertRelative(o.get("upper").asDouble(), e.upper(), 1e-4, what + " upper 95%");
    }

    @Test
    void allocationIntervalsMatchScipyHuberCovarianceAndFiniteDifferences() {
        Observations data = DataSpec.builder().predictor("N=params").predictor("D=tokens").response("loss").build()
                .load(Path.of("datasets/hoffmann2022-isoflop-synthetic.csv")).observations();
        Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.builder().loss(Loss.huber(1e-3)).build());
        assertEquals(ORACLE.get("dof").asInt(), fit.dof());
        assertRelative(ORACLE.get("t").asDouble(), fit.tQuantile(), 1e-9, "t with 112 dof");
        for (int j = 0; j < 5; j++) {
            String name = ORACLE.get("names").get(j).asText();
            assertRelative(ORACLE.get("values").get(j).asDouble(), fit.value(name), 1e-5, name);
            assertRelative(ORACLE.get("stderr").get(j).asDouble(), fit.parameter(name).stderr(), 1e-4, name + " Huber std. error");
        }
        OptimalAllocation opt = OptimalAllocation.delta(fit);
        for (JsonNode row : ORACLE.get("allocations")) {
            double c = row.get("compute").asDouble();
            Allocation a = opt.at(c);
            assertEstimate(row.get("n_opt"), a.nOpt(), "N_opt at " + c);
            assertEstimate(row.get("d_opt"), a.dOpt(), "D_opt at " + c);
            assertEstimate(row.get("tokens_per_param"), a.tokensPerParameter(), "tokens/param at " + c);
            assertEstimate(row.get("loss"), a.loss(), "loss at " + c);
        }
        JsonNode target = ORACLE.get("compute_for_loss");
        assertEstimate(target, opt.computeForLoss(target.get("target").asDouble()), "compute for loss 2.0");
    }
}
