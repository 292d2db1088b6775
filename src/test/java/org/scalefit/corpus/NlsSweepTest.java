package org.scalefit.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.FitFailedException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.Law;

/**
 * The nls sweep of issue 14 ({@code bench/peers/sweep/}): every subject, run, tree, chick and plant of the R
 * data sets the real-data corpus samples one of, each with the documented self-starting models the corpus
 * uses for it, plus the other documented nls examples of R's help pages — fitted as a new user would (the
 * formula, no start values) and held to the lower of R's and SciPy's optimum
 * ({@code bench/peers/sweep/results/peer.json}, written by {@code report.py}).
 *
 * <p>The rule is the issue's: a fit that returns converged has an RSS within 1e-7 (relative; plus 1e-12 of the
 * total sum of squares, which only matters on the noise-free {@code ssbiexp-datN}) of the peer's or below it,
 * and R² ≥ 0; otherwise it fails loudly. Loud failures are listed too ({@link #LOUD}): each is a case whose
 * least-squares infimum is approached only as parameters run off (SciPy's best point has a parameter beyond
 * 1e5, no two of its 100 starts end at the same RSS, and R's self-starting nls fails), so refusing it is the
 * right answer, as issue 14 asks ("no finite optimum: … run off"); a case that
 * fails loudly and is not listed — a regression on data the engine solved — fails the test, and so does a
 * listed case that now converges (the list must stay exact). What the engine still gets wrong would go in
 * {@link #KNOWN_GAPS}, shrink-only; and an answer returned as converged with a parameter beyond 1e12 (a runaway
 * accepted as an optimum, which issue 14 asks to name instead) in {@link #RUNAWAYS_ACCEPTED}, shrink-only too.
 *
 * <p>Usage: {@code mvn -B -o test -Dtest=NlsSweepTest}; the peer table is recomputed by the scripts of
 * {@code bench/peers/sweep/README.md}.
 */
class NlsSweepTest {
    private static final Path DIR = Path.of("bench/peers/sweep");
    private static final double REL = 1e-7;
    private static final double ABS_OF_TSS = 1e-12;

    /**
     * Silent wrong answers the engine still gives on the sweep (found 2026-12-07, bench/results/sweep-2026-12-07.md),
     * by case id, with what happens. Shrink-only: a case fixed must be removed. The sweep found 19; the retry from a
     * singular first optimum (a ridge: SSasymp on the 12 CO2 plants with R0 ~ -1e113, SSfol on 5 Theoph subjects with
     * lKa, lCl -> -inf) fixed 17 the same day, and the retry from an ill-conditioned one (condition number above 1e8:
     * chick 25's Weibull on the ridge towards Asym -> +inf at 1.009 x the optimum) one more, and screened runs from every
     * basin of a scan over two or more parameters the last (chick 5's Weibull, a local optimum with pwr &lt; 0 and
     * Drop &lt; 0 at 1.39 x the optimum, MultiStart.SCREENED_BASINS).
     */
    static final Map<String, String> KNOWN_GAPS = Map.of();

    /**
     * Converged answers with a parameter beyond {@value #RUNAWAY} whose RSS is not above the peer's: the chicks whose
     * growth has not levelled off, where the same law on other chicks fails with "no finite optimum". Shrink-only.
     */
    static final Map<String, String> RUNAWAYS_ACCEPTED = Map.of(
            "chick13-fpl", "B = 2.9e42", "chick19-fpl", "B = 1.6e22", "chick19-logistic", "Asym = 2.6e131",
            "chick22-fpl", "B = 2.9e46", "chick27-fpl", "B = 5.9e46", "chick29-fpl", "B = 1.2e22",
            "chick29-logistic", "Asym = 2.1e132");

    private static final double RUNAWAY = 1e12;

    /** Cases without a finite least-squares optimum, which the engine refuses with a diagnosis (exit 1). */
    static final Set<String> LOUD = Set.of(
            "chick10-weibull", "chick13-weibull", "chick17-fpl", "chick17-weibull", "chick19-weibull",
            "chick22-weibull", "chick24-weibull", "chick26-fpl", "chick26-weibull", "chick27-weibull",
            "chick29-weibull", "chick31-weibull", "chick37-weibull", "chick38-weibull", "chick39-fpl",
            "chick39-weibull", "chick42-weibull", "chick45-weibull", "chick46-weibull", "chick48-weibull");

    private static JsonNode read(String name) {
        return Corpus.json(DIR.resolve(name));
    }

    static Stream<Arguments> cases() {
        JsonNode peers = read("results/peer.json");
        List<Arguments> out = new ArrayList<>();
        read("cases.json").get("cases").forEach(c -> out.add(Arguments.of(c.get("id").asText(), c, peers.get(c.get("id").asText()))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convergedFitsReachThePeersOptimumOrFailLoudly(String id, JsonNode c, JsonNode peer) {
        Observations data = Corpus.observations(c);
        Law law = Corpus.law(c, data);
        String failure = null;
        String wrong = null;
        String runaway = null;
        try {
            Fit fit = Fitter.fit(law, data, Corpus.options(c));
            double rss = peer.get("rss").asDouble();
            if (!fit.converged()) {
                failure = fit.convergenceReason();
            } else if (fit.r2() < 0) {
                wrong = String.format(Locale.ROOT, "converged with R² %.4g < 0", fit.r2());
            } else if (fit.rss() > rss * (1 + REL) + ABS_OF_TSS * peer.get("tss").asDouble()) {
                wrong = String.format(Locale.ROOT, "converged at RSS %.10g = %.6g × the peer's %.10g", fit.rss(),
                        fit.rss() / rss, rss);
            } else {
                runaway = fit.parameters().stream().filter(p -> Math.abs(p.value()) > RUNAWAY)
                        .map(p -> p.name() + " = " + p.value()).findFirst().orElse(null);
            }
        } catch (FitFailedException e) {
            failure = e.getMessage();
        }
        if (wrong != null && !KNOWN_GAPS.containsKey(id)) {
            fail(id + " is silently wrong and not a known gap: " + wrong);
        }
        if (wrong == null && KNOWN_GAPS.containsKey(id)) {
            fail(id + " is listed in KNOWN_GAPS (" + KNOWN_GAPS.get(id) + ") but passes now: remove it");
        }
        if ((runaway != null) != RUNAWAYS_ACCEPTED.containsKey(id)) {
            fail(id + (runaway != null ? " converged with a runaway parameter (" + runaway + ") and is not listed"
                    : " is listed in RUNAWAYS_ACCEPTED but has no runaway parameter now: remove it"));
        }
        if (failure != null && !LOUD.contains(id)) {
            fail(id + " fails loudly although the engine solved it when the sweep was made: " + failure);
        }
        if (failure == null && wrong == null && LOUD.contains(id)) {
            fail(id + " has no finite optimum but now converges: check the answer, then update LOUD");
        }
    }

    @Test
    void everyListedCaseIsInTheSweep() {
        Set<String> ids = new java.util.TreeSet<>();
        read("cases.json").get("cases").forEach(c -> ids.add(c.get("id").asText()));
        KNOWN_GAPS.keySet().forEach(k -> assertTrue(ids.contains(k), "unknown case " + k));
        LOUD.forEach(k -> assertTrue(ids.contains(k), "unknown case " + k));
        RUNAWAYS_ACCEPTED.keySet().forEach(k -> assertTrue(ids.contains(k), "unknown case " + k));
    }
}
