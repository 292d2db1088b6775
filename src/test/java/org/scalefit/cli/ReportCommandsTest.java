package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report FILE.html} on {@code fit}, {@code compare} and {@code project}, and {@code reproduce}'s
 * {@code index.html}: written, holding the figure, the tables, the warnings and the provenance, and a bad
 * target refused before any work. (The pages are opened in a real browser by {@code BrowserReportsIT}.)
 */
class ReportCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aFitReportCarriesFigureTablesWarningsAndProvenance() throws IOException {
        Path html = dir.resolve("fit.html");
        Cli.Result r = Cli.run("fit", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--law",
                "offset-power-law", "--predict", "1e24", "--target", "2.0", "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().endsWith("scalefit fit: wrote " + html + "\n"), r.err());
        String page = Files.readString(html);
        for (String s : new String[] {"<h1>scalefit fit: offset-power-law fit of loss on compute</h1>", "<svg",
            "<h2>Parameters</h2>", "<td>alpha</td>", "<h2>Targets</h2>", "<h2>Predictions</h2>", "class=\"warnings\"",
            "above the data", "<h2>Method</h2>", "Residuals in log space", "<h2>Data and provenance</h2>",
            "datasets/synthetic-loss-vs-compute.csv (", "SHA-256 ",
            "scalefit fit datasets/synthetic-loss-vs-compute.csv --x compute --y loss --law offset-power-law",
            "reducible_factor_per_decade"}) {
            assertTrue(page.contains(s), "missing " + s);
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(html)),
                "a report can be shared: written like any new file");
    }

    @Test
    void aCompareReportRanksAndAProjectReportDates() throws IOException {
        Path compare = dir.resolve("compare.html");
        Cli.Result c = Cli.run("compare", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss",
                "--no-loo", "--report", compare.toString(), "-q");
        assertEquals(0, c.code(), c.err());
        String page = Files.readString(compare);
        assertTrue(page.contains("<h2>Ranking</h2>") && page.contains("<td>offset-power-law</td>") && page.contains("<svg"));
        Path project = dir.resolve("project.html");
        Cli.Result p = Cli.run("project", "datasets/metr-horizons.csv", "--frontier", "--replicates", "100",
                "--milestones", "8h,40h", "--report", project.toString(), "-q");
        assertEquals(0, p.code(), p.err());
        String pp = Files.readString(project);
        for (String s : new String[] {"<h2>Projections</h2>", "<td>8 h (work-day)</td>", "<h2>Exponential trend</h2>",
            "frontier models fitted", "<h2>Other trend shapes</h2>", "class=\"warnings\"", "holds TH1.0 and TH1.1"}) {
            assertTrue(pp.contains(s), "missing " + s);
        }
    }

    @Test
    void reproduceWritesItsIndexPage() throws IOException {
        Cli.Result r = Cli.run("reproduce", "--only", "jones", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("and " + dir.resolve("index.html")), r.err());
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(page.contains("<h2>Jones (2021)") && page.contains("<svg") && page.contains("href=\"jones2021-hex.png\""),
                "index.html holds the figure, its table and links to its files");
        assertTrue(page.contains("<td>Elo per 10x compute (m_flops)</td>"), "the numbers table");
    }

    @Test
    void aBadReportTargetIsRefusedBeforeAnyWork() {
        Path txt = dir.resolve("fit.txt");
        Cli.Result r = Cli.run("fit", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--law",
                "power-law", "--report", txt.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: cannot write report " + txt + ": the name must end in .html\n",
                r.err().replace("\r", ""));
        assertEquals("", r.out());
        Path missing = dir.resolve("no/where.html");
        Cli.Result m = Cli.run("compare", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss",
                "--report", missing.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("does not exist"), m.err());
        assertFalse(Files.exists(missing));
    }
}
