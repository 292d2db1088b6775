package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * {@link LikelihoodRun} called directly: maximum likelihood under Huber's density with a free scale for a straight
 * line, against SciPy ({@code python3 bench/oracles/likelihood_run.py} → {@code oracles/likelihood_run.json}: the
 * profile over σ by brentq on Σ min(z², δ|z|) = n, Nelder–Mead from the least-absolute-deviations and least-squares
 * lines, then the three stationarity equations of the optimum's piece solved by fsolve to rounding). The oracle's
 * optimum is exact for its piece, so the tolerances are those of the engine's stages: the exact polish (two residuals
 * in the quadratic zone, the rest in the tails) to 1e-9, the first stage alone (L-BFGS at 1e-10 relative) to 1e-5 in
 * the parameters and 1e-9 in −log L.
 */
class LikelihoodRunOracleTest {
    private static final JsonNode ORACLE = load();

    private static JsonNode load() {
        try (InputStream in = LikelihoodRunOracleTest.class.getResourceAsStream("/oracles/likelihood_run.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode oracle(String data, double delta) {
        for (JsonNode c : ORACLE.get("cases")) {
            if (c.get("data").asText().equals(data) && c.get("delta").asDouble() == delta) {
                return c;
            }
        }
        throw new AssertionError("no oracle case " + data + " " + delta);
    }

    private static double[] array(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static Problem line(String data, double delta) {
        JsonNode d = ORACLE.get("data").get(data);
        FitOptions options = FitOptions.builder().loss(Loss.huberLikelihood(delta)).build();
        return Problem.of(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(array(d.get("x")), array(d.get("y"))),
                options, Space.LINEAR);
    }

    private static LeastSquaresRun.Result run(String data, double delta, double[] start) {
        Problem problem = line(data, delta);
        RunPlan plan = RunPlan.resolve(problem.law, FitOptions.builder().loss(Loss.huberLikelihood(delta)).build());
        return LikelihoodRun.run(problem, start, plan, 4);
    }

    @Test
    void theExactPolishReachesTheLikelihoodsMaximumWithTwoResidualsInTheZone() {
        for (double delta : new double[] {1e-3, 0.1}) {
            JsonNode o = oracle("uneven", delta);
            // From the origin of the parameters, far from the optimum.
            LeastSquaresRun.Result r = run("uneven", delta, new double[] {0, 1});
            assertEquals(o.get("a").asDouble(), r.theta()[0], 1e-9, "a at delta " + delta);
            assertEquals(o.get("b").asDouble(), r.theta()[1], 1e-9, "b at delta " + delta);
            assertEquals(o.get("neg_log_likelihood").asDouble(), r.objective(), 1e-9, "-log L at delta " + delta);
            assertTrue(r.converged());
            assertEquals("converged: exact maximum of the likelihood (2 residuals in the quadratic zone, the others in the"
                    + " tails)", r.reason());
            assertEquals(4, r.startIndex());
        }
    }

    @Test
    void whereTheOptimumIsNotAVertexTheFirstStageStands() {
        // δ = 0.5: nine of ten residuals inside the zone, so no two-residual vertex is consistent; L-BFGS's end stands.
        JsonNode o = oracle("cores", 0.5);
        LeastSquaresRun.Result r = run("cores", 0.5, new double[] {0, 1});
        assertEquals(o.get("a").asDouble(), r.theta()[0], 1e-5);
        assertEquals(o.get("b").asDouble(), r.theta()[1], 1e-5);
        assertEquals(o.get("neg_log_likelihood").asDouble(), r.objective(), 1e-9);
        assertTrue(r.converged(), r.reason());
        assertTrue(r.reason().startsWith("converged: the objective fell by less than"), r.reason());
    }

    @Test
    void threeCollinearPointsStillGiveTheMaximum() {
        // The cores data: x = 0, 4, 7 lie exactly on 1.1 + 2x, and the optimum keeps all three inside the zone.
        JsonNode o = oracle("cores", 1e-3);
        LeastSquaresRun.Result r = run("cores", 1e-3, new double[] {0, 1});
        assertEquals(o.get("neg_log_likelihood").asDouble(), r.objective(), 1e-9);
        assertEquals(o.get("a").asDouble(), r.theta()[0], 1e-6);
        assertEquals(o.get("b").asDouble(), r.theta()[1], 1e-6);
    }

    @Test
    void theProfiledLikelihoodsGradientIsTheDerivativeOfItsValue() {
        // By the envelope theorem the gradient of P(θ) = min over σ of −log L(θ, σ) is that of Σ ρ_δ(rᵢ/σ̂) at fixed σ̂:
        // checked against central differences of P itself (step 10⁻⁶, error O(h²)), at points where residuals lie on
        // both sides of the zone, for a wide and a narrow δ.
        for (double delta : new double[] {0.5, 0.1}) {
            Problem problem = line("uneven", delta);
            LikelihoodRun.Objective objective = new LikelihoodRun.Objective(problem, new Loss.HuberLikelihood(delta));
            for (double[] theta : new double[][] {{1.0, 2.1}, {1.3, 1.95}}) {
                double[] grad = new double[2];
                double f = objective.evaluate(theta, grad);
                assertTrue(Double.isFinite(f));
                for (int j = 0; j < 2; j++) {
                    double h = 1e-6;
                    double[] up = theta.clone();
                    double[] dn = theta.clone();
                    up[j] += h;
                    dn[j] -= h;
                    double fd = (objective.evaluate(up, new double[2]) - objective.evaluate(dn, new double[2])) / (2 * h);
                    assertEquals(fd, grad[j], 1e-5 * (1 + Math.abs(fd)), "delta " + delta + " component " + j);
                }
            }
        }
        // Where every residual is zero the scale is undefined, and the objective +∞.
        Problem exact = Problem.of(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(new double[] {0, 1, 2},
                new double[] {1, 3, 5}), FitOptions.builder().loss(Loss.huberLikelihood(0.5)).build(), Space.LINEAR);
        assertEquals(Double.POSITIVE_INFINITY, new LikelihoodRun.Objective(exact, new Loss.HuberLikelihood(0.5))
                .evaluate(new double[] {1, 2}, new double[2]));
    }

    @Test
    void thePolishExchangesAWrongPairForTheOptimumsOrGivesUp() {
        // The exact polish starts from the residuals smallest at the point it is given. From the line through any two of
        // the uneven points those two are exactly zero, so unless they are the optimum's pair (points 0 and 8) the
        // polish must exchange members until the pair is consistent: its answer is then SciPy's maximum, or null (no
        // consistent pair found) — never another point.
        JsonNode o = oracle("uneven", 1e-3);
        JsonNode d = ORACLE.get("data").get("uneven");
        double[] x = array(d.get("x"));
        double[] y = array(d.get("y"));
        Problem problem = line("uneven", 1e-3);
        int reached = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double b = (y[j] - y[i]) / (x[j] - x[i]);
                double[] theta = {y[i] - b * x[i], b};
                double[] polished = LikelihoodRun.polish(problem, new Loss.HuberLikelihood(1e-3), theta, 0);
                if (polished == null) {
                    continue;
                }
                assertEquals(o.get("a").asDouble(), polished[0], 1e-9, "from the line through " + i + " and " + j);
                assertEquals(o.get("b").asDouble(), polished[1], 1e-9, "from the line through " + i + " and " + j);
                reached++;
            }
        }
        // From lines through pairs that share no point with the optimum's pair.
        for (int[] pair : new int[][] {{1, 2}, {3, 5}, {2, 9}, {4, 7}}) {
            double b = (y[pair[1]] - y[pair[0]]) / (x[pair[1]] - x[pair[0]]);
            double[] polished = LikelihoodRun.polish(problem, new Loss.HuberLikelihood(1e-3),
                    new double[] {y[pair[0]] - b * x[pair[0]], b}, 0);
            assertTrue(polished != null, "from the line through " + pair[0] + " and " + pair[1]);
        }
        assertTrue(reached >= 4, "reached " + reached);
    }
}
