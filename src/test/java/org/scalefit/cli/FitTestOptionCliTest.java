package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code fit --test NAME=VALUE,...}: the likelihood-ratio and Wald tests on the command line and in JSON. */
class FitTestOptionCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BASE = {"fit", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss",
        "--law", "offset-power-law", "--json"};

    private static JsonNode run(String... extra) throws Exception {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(BASE), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void likelihoodRatioOfLeastSquaresIsNTimesTheLogOfTheRssRatio() throws Exception {
        JsonNode free = run("--test", "alpha=0.2");
        JsonNode held = run("--fix", "alpha=0.2");
        // Gaussian errors with σ estimated: 2·(log L₁ − log L₀) = n·ln(RSS₀/RSS₁) (closed form), 1 dof.
        double expected = free.get("n").asInt() * Math.log(held.get("rss").asDouble() / free.get("rss").asDouble());
        JsonNode lr = free.get("likelihood_ratio_test");
        assertEquals(expected, lr.get("statistic").asDouble(), 1e-6 * expected);
        assertEquals(1, lr.get("dof").asInt());
        assertEquals(held.get("log_likelihood").asDouble(), lr.get("null_log_likelihood").asDouble(), 1e-6);
        assertEquals(0.2, lr.get("null").get("alpha").asDouble());
        // χ²₁ survival = erfc(√(x/2)) (closed form).
        assertEquals(org.apache.commons.math3.special.Erf.erfc(Math.sqrt(expected / 2)), lr.get("p_value").asDouble(), 1e-9);
        JsonNode wald = free.get("wald_test");
        assertEquals("fit", wald.get("covariance").asText());
        // alpha is not positive-only, so the Wald statistic is ((alpha − 0.2)/se)².
        JsonNode a = free.get("parameters").get("alpha");
        double z = (a.get("value").asDouble() - 0.2) / a.get("stderr").asDouble();
        assertEquals(z * z, wald.get("statistic").asDouble(), 1e-6 * z * z);
    }

    @Test
    void huberLossHasNoLikelihoodSoOnlyTheWaldTest() throws Exception {
        JsonNode j = run("--loss", "huber:1e-3", "--test", "alpha=0.2");
        assertFalse(j.has("likelihood_ratio_test"));
        assertTrue(j.get("wald_test").get("statistic").asDouble() > 0);
    }

    @Test
    void badHypothesesAreRefusedWithTheirCause() {
        Cli.Result unknown = Cli.run(BASE[0], BASE[1], BASE[2], BASE[3], BASE[4], BASE[5], BASE[6], BASE[7], "--test", "gamma=1");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("unknown parameter \"gamma\" in the test") && unknown.err().contains("E, A, alpha"),
                unknown.err());
        Cli.Result malformed = Cli.run(BASE[0], BASE[1], BASE[2], BASE[3], BASE[4], BASE[5], BASE[6], BASE[7], "--test", "alpha");
        assertEquals(2, malformed.code(), malformed.err());
        assertTrue(malformed.err().contains("is not NAME=VALUE"), malformed.err());
        Cli.Result fixed = Cli.run(BASE[0], BASE[1], BASE[2], BASE[3], BASE[4], BASE[5], BASE[6], BASE[7], "--fix", "alpha=0.2",
                "--test", "alpha=0.3");
        assertEquals(2, fixed.code(), fixed.err());
        assertTrue(fixed.err().contains("alpha is held fixed in the fit (--fix)"), fixed.err());
    }
}
