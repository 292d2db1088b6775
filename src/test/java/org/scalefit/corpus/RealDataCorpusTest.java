package org.scalefit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.FitFailedException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.Law;
import org.scalefit.model.ParameterDomain;

/**
 * The real-data corpus of issue 14: every case of {@code src/test/resources/corpus/manifest.json} fitted
 * as a new user would (no start values) through the library and through {@code scalefit fit --json}
 * in-process, and judged against the optimum an independent peer computed (SciPy from hundreds to
 * thousands of starts, cross-checked by R; {@code bench/peers/corpus/}).
 *
 * <p>The rule: each fit matches the peer's optimum (parameters, RSS, standard errors within the case's
 * tolerances, see {@link Corpus.Tolerance}) or fails loudly (an exception; exit 1) — never "converged"
 * with an RSS above the peer's or R² &lt; 0. A case whose peer shows that no finite optimum exists must
 * fail loudly. Cases about one of the issue's findings also carry checks of the behaviour the issue
 * asks for (an interval that stays positive, a warning that names the cause, …).
 *
 * <p>What today's engine gets wrong is not hidden: it is listed, case by case with the reason, in
 * {@link #KNOWN_GAPS_ISSUE_14}. A listed failure is reported and tolerated; an unlisted one fails the test;
 * and a listed case that now passes fails the test too, so the list shrinks as the engine is fixed and
 * must end empty. The summary table (id, verdict, RSS ratio) is printed after the run.
 *
 * <p>Cases on {@code ../shared} data are skipped when it is absent, except under {@code CI=true}.
 */
class RealDataCorpusTest {
    /**
     * What the engine still does wrong on the corpus, by case id, or {@code id#check} for a check of the issue's
     * expected behaviour; each entry says what happens. Issue 14's engine work emptied it (the 21 gaps it listed
     * before: finding (a) formulas from one start, (b) the broken power law's hidden sharpness bound, (c)-(h), and
     * one-start optima on NIST Thurber, Misra1b, Rat42, Rat43, R's Orange and Epoch's Huber fit at delta 1e-6);
     * a case that fails again must be fixed, not listed.
     */
    static final Map<String, String> KNOWN_GAPS_ISSUE_14 = Map.of();

    private static final Map<String, String> SUMMARY = new ConcurrentSkipListMap<>();

    static Stream<Arguments> fitCases() {
        return Corpus.cases().stream().filter(c -> "fit".equals(c.get("kind").asText()))
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    static Stream<Arguments> cliCases() {
        return Corpus.cases().stream().filter(c -> "cli".equals(c.get("kind").asText()))
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fitCases")
    void fitMatchesThePeerOrFailsLoudly(String id, JsonNode c) {
        Corpus.requireData(c);
        Observations data = Corpus.observations(c);
        Law law = Corpus.law(c, data);
        Fit fit = null;
        Object api;
        try {
            fit = Fitter.fit(law, data, Corpus.options(c));
            api = Corpus.Result.of(fit);
        } catch (FitFailedException e) {
            api = e.getMessage();
        }
        Corpus.Outcome viaApi = Corpus.judge(c, api);
        Corpus.Outcome viaCli = Corpus.judge(c, Corpus.fitCli(c));
        assertEquals(viaApi.verdict(), viaCli.verdict(), id + ": the library says " + viaApi.detail()
                + " but the command line says " + viaCli.detail());

        Set<String> failing = new TreeSet<>();
        List<String> checkProblems = new ArrayList<>();
        if (viaApi.verdict() == Corpus.Verdict.SILENTLY_WRONG) {
            failing.add(id);
        }
        for (String check : Corpus.strings(c.get("checks"))) {
            String problem = check(check, c, fit, law, viaApi);
            if (problem != null) {
                failing.add(id + "#" + check);
                checkProblems.add(check + ": " + problem);
            }
        }
        SUMMARY.put(id, String.format(Locale.ROOT, "%-14s %-10s %s%s", viaApi.verdict(),
                Double.isNaN(viaApi.rssRatio()) ? "-" : String.format(Locale.ROOT, "%.4g", viaApi.rssRatio()),
                viaApi.detail(), checkProblems.isEmpty() ? "" : "; " + String.join("; ", checkProblems)));
        List<String> why = new ArrayList<>(checkProblems);
        why.add(0, viaApi.detail());
        reconcile(id, failing, why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cliCases")
    void commandLineBehavesAsTheIssueAsks(String id, JsonNode c) {
        List<String> args = new ArrayList<>();
        for (String a : Corpus.strings(c.get("args"))) {
            args.add(a.replace("{file}", Corpus.file(c).toString()));
        }
        Corpus.CliRun run = Corpus.cli(args);
        JsonNode want = c.get("expect_cli");
        List<String> why = new ArrayList<>();
        if (run.exit() != want.get("exit").asInt()) {
            why.add("exit " + run.exit() + " (want " + want.get("exit").asInt() + "): " + run.err().strip());
        }
        if (want.has("stderr_contains") && !run.err().contains(want.get("stderr_contains").asText())) {
            why.add("stderr does not name " + want.get("stderr_contains").asText() + ": " + run.err().strip());
        }
        SUMMARY.put(id, String.format(Locale.ROOT, "%-14s %-10s %s", why.isEmpty() ? "OK" : "CLI_GAP", "-",
                why.isEmpty() ? "exit " + run.exit() : String.join("; ", why)));
        reconcile(id, why.isEmpty() ? Set.of() : Set.of(id), why);
    }

    /**
     * Fails on a failure that is not a known gap, and on a known gap that no longer fails: the list must
     * be kept exact so that it can only shrink.
     */
    private static void reconcile(String id, Set<String> failing, List<String> why) {
        for (String key : failing) {
            if (!KNOWN_GAPS_ISSUE_14.containsKey(key)) {
                fail(key + " fails and is not a known gap: " + String.join("; ", why));
            }
        }
        for (String key : KNOWN_GAPS_ISSUE_14.keySet()) {
            if ((key.equals(id) || key.startsWith(id + "#")) && !failing.contains(key)) {
                fail(key + " is listed in KNOWN_GAPS_ISSUE_14 (" + KNOWN_GAPS_ISSUE_14.get(key)
                        + ") but passes now: remove it from the list");
            }
        }
    }

    private static final Pattern NEGATIVE = Pattern.compile("(?i)(negative|below zero|< ?0\\b|unphysical)");
    private static final Pattern RUNAWAY = Pattern.compile("(?i)no finite optimum");

    /**
     * A check of behaviour one of the issue's findings asks for; null when it holds, else what is wrong.
     * The wording patterns are deliberately loose (the engine work chooses the words); each says in
     * {@code src/test/resources/corpus/README.md} what it looks for.
     */
    static String check(String check, JsonNode c, Fit fit, Law law, Corpus.Outcome outcome) {
        String failure = outcome.failure();
        switch (check) {
            case "positive-intervals": {
                if (fit == null) {
                    return null;
                }
                for (int j = 0; j < law.parameters().size(); j++) {
                    Parameter p = fit.parameters().get(j);
                    if (law.domain(j) == ParameterDomain.POSITIVE && !(p.lower() > 0)) {
                        return String.format(Locale.ROOT, "%s = %.6g > 0 but its 95%% interval is [%.6g, %.6g]", p.name(),
                                p.value(), p.lower(), p.upper());
                    }
                }
                return null;
            }
            case "warns-negative-asymptote": {
                if (fit == null) {
                    return NEGATIVE.matcher(failure).find() ? null : "failed without saying the asymptote is negative: " + failure;
                }
                if (fit.value("E") >= 0) {
                    return null;
                }
                for (String w : fit.warnings()) {
                    if (w.contains("E") && NEGATIVE.matcher(w).find()) {
                        return null;
                    }
                }
                return String.format(Locale.ROOT, "E = %.6g < 0 for a loss law, and no warning says so (warnings: %s)",
                        fit.value("E"), fit.warnings());
            }
            case "names-runaway": {
                String text = fit == null ? failure : fit.convergenceReason() + "; " + String.join("; ", fit.warnings());
                return RUNAWAY.matcher(text).find() && text.contains("E") ? null
                        : "the failure does not say that there is no finite optimum and which parameter runs away: " + text;
            }
            case "warns-sigma-units": {
                if (fit == null || mentions(fit, "sigma")) {
                    return null;
                }
                return String.format(Locale.ROOT, "sigma given in units of y in a log-space fit moves doubling_time_days to %.6g "
                        + "(%.6g without sigma) and no warning mentions sigma", fit.value("doubling_time_days"),
                        c.get("peer").get("without_sigma").get("doubling_time_days").asDouble());
            }
            case "robust-stderr-vs-bootstrap": {
                if (fit == null || mentions(fit, "bootstrap")) {
                    return null;
                }
                JsonNode boot = c.get("peer").get("bootstrap_stderr");
                for (Parameter p : fit.parameters()) {
                    double b = boot.get(p.name()).asDouble();
                    if (p.stderr() < 0.5 * b) {
                        return String.format(Locale.ROOT, "the Huber standard error of %s is %.3g, %.2f × the bootstrap's %.3g, "
                                + "and nothing says which to quote", p.name(), p.stderr(), p.stderr() / b, b);
                    }
                }
                return null;
            }
            default:
                throw new AssertionError("unknown check " + check);
        }
    }

    private static boolean mentions(Fit fit, String word) {
        return fit.warnings().stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains(word));
    }

    @Test
    void everyKnownGapNamesARealCaseAndCheck() {
        Map<String, Set<String>> checks = new TreeMap<>();
        for (JsonNode c : Corpus.cases()) {
            checks.put(c.get("id").asText(), new TreeSet<>(Corpus.strings(c.get("checks"))));
        }
        for (String key : KNOWN_GAPS_ISSUE_14.keySet()) {
            String[] parts = key.split("#", 2);
            assertTrue(checks.containsKey(parts[0]), "unknown case " + key);
            assertTrue(parts.length == 1 || checks.get(parts[0]).contains(parts[1]), "unknown check " + key);
        }
    }

    @Test
    void everyFitCaseHasAPeerAnswerAndASource() {
        for (JsonNode c : Corpus.cases()) {
            String id = c.get("id").asText();
            assertTrue(c.hasNonNull("source") && c.hasNonNull("licence"), id + ": source and licence");
            if ("fit".equals(c.get("kind").asText())) {
                JsonNode peer = c.get("peer");
                assertTrue(peer != null && peer.hasNonNull("tool") && peer.hasNonNull("script"), id + ": peer answer");
                assertTrue(peer.has("rss") || peer.has("infimum_rss"), id + ": peer RSS or infimum");
            }
        }
    }

    @AfterAll
    static void printSummary() {
        StringBuilder s = new StringBuilder("\nreal-data corpus (issue 14): verdict, RSS ratio to the peer's optimum, detail\n");
        SUMMARY.forEach((id, row) -> s.append(String.format(Locale.ROOT, "  %-38s %s%n", id, row)));
        s.append(String.format(Locale.ROOT, "  known gaps listed: %d%n", KNOWN_GAPS_ISSUE_14.size()));
        System.out.print(s);
    }
}
