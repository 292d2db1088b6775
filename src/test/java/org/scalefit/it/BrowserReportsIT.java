package org.scalefit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports opened in a real browser (headless Chromium, driven over the DevTools protocol): each
 * report made by the built jar from the bundled data loads without a console error or an exception, asks for
 * nothing over the network, draws every figure at a size above zero, holds the text a reader must find,
 * fits a phone's width without sideways scrolling of the page, and prints. A screenshot of each, on a desktop
 * and on a phone, is kept in {@code target/browser-screenshots/} for a person to look at.
 *
 * <p>Without Chromium the test is skipped with a message saying how to install it, except under
 * {@code CI=true}, where a missing browser is a failure ({@code .ci/run} installs it).
 */
class BrowserReportsIT {
    private static final Path SHOTS = Path.of("target/browser-screenshots");
    /** Every figure's size and the page's own measurements, collected in the page. */
    private static final String FACTS = """
            (() => {
              const figs = [...document.querySelectorAll('figure svg')].map(s => {
                const r = s.getBoundingClientRect();
                return {w: r.width, h: r.height, texts: s.querySelectorAll('text').length};
              });
              const external = [...document.querySelectorAll('[src],[href]')]
                .map(e => e.getAttribute('src') || e.getAttribute('href'))
                .filter(u => /^([a-z]+:)?\\/\\//i.test(u));
              const meta = document.querySelector('meta[name=viewport]');
              return {
                title: document.title,
                text: document.body.innerText,
                figures: figs,
                tables: document.querySelectorAll('table').length,
                scripts: document.scripts.length,
                external: external,
                viewport: meta ? meta.content : '',
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth
              };
            })()""";

    @TempDir
    static Path dir;
    private static Cdp chrome;

    @BeforeAll
    static void startBrowser() throws IOException, InterruptedException {
        Optional<Path> exe = Cdp.find();
        if (exe.isEmpty()) {
            String why = "Chromium not found on the PATH (nor $SCALEFIT_CHROMIUM): the HTML reports cannot be checked "
                    + "in a browser; install it with 'apt-get install -y chromium'";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: .ci/run installs it)");
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(SHOTS);
        Launch.copyDatasets(dir);
        chrome = Cdp.start(exe.get());
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    private static void scalefit(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Launch.java(), "-Djava.awt.headless=true", "-jar",
                Launch.jar().toString()));
        cmd.addAll(List.of(args));
        Launch.Result r = Launch.run(dir, 300, cmd);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.output());
    }

    /**
     * Opens a report on a desktop and on a phone, checks it, keeps the screenshots and returns its facts.
     *
     * @param file    the report
     * @param name    the screenshots' name
     * @param figures how many figures it must draw
     * @param texts   text that must be on the page
     */
    private static JsonNode check(Path file, String name, int figures, List<String> texts) throws Exception {
        Cdp.Page page = chrome.newPage();
        page.open(file, 1280, 900, false);
        JsonNode facts = page.evaluate(FACTS);
        assertEquals(List.of(), page.errors(), name + ": console errors or exceptions");
        assertEquals(List.of(), page.requests(file), name + ": the report asked the network for something");
        assertEquals(0, facts.get("scripts").asInt(), name + ": a report carries no script");
        assertEquals(0, facts.get("external").size(), name + ": external links " + facts.get("external"));
        assertEquals(figures, facts.get("figures").size(), name + ": figures drawn");
        for (JsonNode f : facts.get("figures")) {
            assertTrue(f.get("w").asDouble() > 200 && f.get("h").asDouble() > 100, name + ": a figure of size " + f);
            assertTrue(f.get("texts").asInt() > 5, name + ": a figure without its labels: " + f);
        }
        String text = facts.get("text").asText();
        for (String t : texts) {
            assertTrue(text.contains(t), name + ": \"" + t + "\" is not on the page");
        }
        Files.write(SHOTS.resolve(name + "-desktop.png"), page.screenshot());

        // A phone: the page fits its width (tables scroll inside their own boxes) and the figures shrink to it.
        page.open(file, 390, 844, true);
        JsonNode phone = page.evaluate(FACTS);
        assertEquals("width=device-width, initial-scale=1", phone.get("viewport").asText());
        assertTrue(phone.get("scrollWidth").asInt() <= phone.get("innerWidth").asInt(),
                name + ": the page scrolls sideways on a phone: " + phone.get("scrollWidth") + " > " + phone.get("innerWidth"));
        for (JsonNode f : phone.get("figures")) {
            assertTrue(f.get("w").asDouble() > 100 && f.get("w").asDouble() <= 390, name + ": a figure on a phone " + f);
        }
        assertEquals(List.of(), page.errors(), name + " on a phone: console errors or exceptions");
        Files.write(SHOTS.resolve(name + "-phone.png"), page.screenshot());

        // Printing: the print style keeps the figures and the browser makes a PDF of the page.
        page.media("print");
        JsonNode printed = page.evaluate(FACTS);
        for (JsonNode f : printed.get("figures")) {
            assertTrue(f.get("w").asDouble() > 100 && f.get("h").asDouble() > 50, name + ": a figure in print " + f);
        }
        byte[] pdf = page.print();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1), name + ": printing made no PDF");
        page.media("");
        return facts;
    }

    @Test
    void reproduceWritesAnIndexThatOpensCleanly() throws Exception {
        scalefit("reproduce", "--out", "figures", "--quiet");
        JsonNode facts = check(dir.resolve("figures/index.html"), "reproduce-index", 8, List.of(
                "Kaplan et al. (2020), Figure 1", "The length of tasks AI can do is doubling every", "doubling time (days)",
                "Jones (2021)", "Hoffmann et al. (2022)", "Over-training and downstream error", "OLMo ladder",
                "Training compute of notable AI models", "Approach 3 by maximum likelihood", "published", "Provenance", "SHA-256"));
        assertTrue(facts.get("tables").asInt() >= 8);
    }

    @Test
    void aFitReportHasItsFigureTablesWarningsAndProvenance() throws Exception {
        scalefit("fit", "datasets/metr-horizons.csv", "--x", "release_date", "--y", "p50_minutes", "--law", "doubling",
                "--where", "benchmark_version == TH1.0", "--target", "480", "--predict", "2027-01-01", "--report", "fit.html",
                "--quiet");
        check(dir.resolve("fit.html"), "fit", 1, List.of("scalefit fit: doubling fit of p50_minutes on release_date",
                "doubling_time_days", "Targets", "480", "Predictions", "Warnings", "mild extrapolation", "Method",
                "Data and provenance", "datasets/metr-horizons.csv", "SHA-256", "benchmark_version == TH1.0"));
    }

    @Test
    void aCompareReportRanksTheLaws() throws Exception {
        scalefit("compare", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--report",
                "compare.html", "--quiet");
        check(dir.resolve("compare.html"), "compare", 1, List.of("Ranking", "offset-power-law", "ΔAICc", "weight",
                "Fitted laws", "Method", "Data and provenance"));
    }

    @Test
    void aProjectReportGivesTheMilestoneDates() throws Exception {
        scalefit("project", "datasets/metr-horizons.csv", "--frontier", "--replicates", "300", "--report", "project.html",
                "--quiet");
        check(dir.resolve("project.html"), "project", 1, List.of("Projections", "8 h (work-day)", "167 h (work-month)",
                "Exponential trend", "frontier models fitted", "Other trend shapes", "Data and provenance"));
    }
}
