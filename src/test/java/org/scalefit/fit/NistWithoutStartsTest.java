package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.FitFailedException;
import org.scalefit.SharedData;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * The 27 NIST StRD nonlinear regression problems fitted as a new user would: the formula and the data, no start
 * values (NIST's starts are the point of {@link NistStrdFitTest}). The rule of issue 14: the certified optimum
 * is reached (RSS to 6 digits), or the fit fails loudly (an exception, or not converged, which the command line
 * turns into exit 1) — never a converged answer worse than the certified one. Before issue 14's engine work
 * Gauss1, Gauss2, MGH17, Misra1d, Roszman1, ENSO and Bennett5 converged silently at 1.66 to 1.2e5 × the
 * certified RSS (the corpus report); now 24 of 27 reach it and {@link #KNOWN_GAPS} lists the rest. The outcome
 * per problem is printed.
 */
class NistWithoutStartsTest {
    private static final String STRD = "reference-data/nist-strd/strd.json";
    private static final Map<String, String> OUTCOMES = new ConcurrentSkipListMap<>();
    /**
     * Problems the engine still gets wrong without starts (measured; a listed problem that passes fails the test, so
     * the list only shrinks): two overlapping Gaussian peaks on a decaying baseline, and three sinusoids, whose peak
     * positions and periods neither the default basin scan nor the retry for systematic residuals (150 seeded random
     * starts) finds. Gauss1 left the list when that retry came (61.25 × the certified RSS before it).
     */
    static final Map<String, String> KNOWN_GAPS = Map.of(
            "ENSO", "converges at 1.195 × the certified RSS (the sinusoids' periods; runs z −3.1, above the retry's −4)",
            "Gauss2", "converges at 17.50 × the certified RSS (the peaks' positions), warned as possibly a local optimum");
    /** What a listed gap must still tell the reader: its answer is not silent. */
    static final Map<String, String> GAP_WARNINGS = Map.of(
            "ENSO", "residuals are systematic (Durbin-Watson",
            "Gauss2", "possibly a local optimum: the residuals stay strongly systematic (runs test z = ");

    static Stream<Arguments> cases() throws IOException {
        if (!SharedData.present(STRD)) {
            return Stream.of(Arguments.of("absent", null));
        }
        JsonNode root = new ObjectMapper().readTree(SharedData.ROOT.resolve(STRD).toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode d : root.get("datasets")) {
            out.add(Arguments.of(d.get("name").asText(), d));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void certifiedOptimumOrALoudFailure(String name, JsonNode d) {
        SharedData.require(STRD);
        ExpressionLaw law = NistStrdFitTest.law(d);
        Observations obs = NistStrdFitTest.data(d);
        double certRss = d.get("certified_rss").asDouble();
        Fit fit;
        try {
            fit = Fitter.fit(law, obs, FitOptions.builder().space(Space.LINEAR).build());
        } catch (FitFailedException e) {
            OUTCOMES.put(name, "fails loudly: " + e.getMessage());
            return;
        }
        if (!fit.converged()) {
            OUTCOMES.put(name, "not converged (exit 1): " + fit.convergenceReason());
            return;
        }
        double ratio = fit.rss() / certRss;
        boolean agrees = certRss < 1e-20 ? fit.rss() < 1e-18 : NistStrdFitTest.lre(fit.rss(), certRss) >= 6;
        OUTCOMES.put(name, agrees ? "certified optimum" : String.format(Locale.ROOT, "SILENTLY WRONG: RSS %.4g × certified", ratio));
        if (KNOWN_GAPS.containsKey(name)) {
            assertTrue(!agrees, name + " is listed in KNOWN_GAPS (" + KNOWN_GAPS.get(name) + ") but passes now: remove it");
            assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith(GAP_WARNINGS.get(name))), name + ": " + fit.warnings());
            return;
        }
        assertTrue(agrees, name + ": converged without start values at RSS " + fit.rss() + " = " + ratio
                + " × the certified " + certRss + "; " + fit.convergenceReason());
    }

    @AfterAll
    static void summary() {
        OUTCOMES.forEach((k, v) -> System.out.printf(Locale.ROOT, "NIST without starts  %-10s %s%n", k, v));
    }
}
