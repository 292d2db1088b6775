package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.plot.FitPlot;

/**
 * {@code fit --plot} on METR's published horizons, read back from the SVG's text: the target and the
 * prediction are drawn and labelled, the y axis speaks durations, the published intervals are the error bars,
 * the bootstrap band is named when there is one, and the curve runs beyond the data only when asked.
 */
class FitPlotReadOutsCliTest {
    private static final Path METR = Path.of("datasets/metr-horizons.csv");
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @TempDir
    Path dir;

    /** The texts of an SVG, with XML entities decoded. */
    private static List<String> texts(Path svg) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(Files.readString(svg));
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""));
        }
        return out;
    }

    private Cli.Result fit(Path svg, String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", METR.toString(), "--x", "release_date", "--y", "p50_minutes",
                "--law", "doubling", "--where", "benchmark_version == TH1.0", "--plot", svg.toString(), "-q"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void targetPredictionDurationsAndPublishedIntervalsAreDrawn() throws IOException {
        Path svg = dir.resolve("fit.svg");
        Cli.Result r = fit(svg, "--target", "480", "--predict", "2027-01-01");
        assertEquals(0, r.code(), r.err());
        List<String> t = texts(svg);
        assertTrue(t.stream().anyMatch(s -> s.startsWith("480 (8 hrs) reached at 20")), t.toString());
        assertTrue(t.stream().anyMatch(s -> s.endsWith(" at 2027-01-01")), t.toString());
        assertTrue(t.containsAll(List.of("1 sec", "1 min", "1 hr")), "duration ticks: " + t);
        assertTrue(t.stream().noneMatch(s -> s.startsWith("10⁻")), t.toString());
        assertTrue(t.stream().anyMatch(s -> s.matches("data \\(n = \\d+\\), p50_ci_low … p50_ci_high")), t.toString());
        assertTrue(t.contains("95% confidence band (delta method)"), t.toString());
        assertTrue(t.contains("extrapolation"), "the curve runs on to the prediction, dashed: " + t);
    }

    @Test
    void theBootstrapBandIsNamedAndTheCurveStaysOnTheDataUnlessAsked() throws IOException {
        Path svg = dir.resolve("boot.svg");
        Cli.Result r = fit(svg, "--bootstrap", "100", "--y-duration", "off");
        assertEquals(0, r.code(), r.err());
        List<String> t = texts(svg);
        assertTrue(t.contains("95% confidence band (bootstrap, 100 replicates)"), t.toString());
        assertFalse(t.contains("extrapolation"), t.toString());
        assertTrue(t.contains("10⁰"), "plain decades with --y-duration off: " + t);
        Path wide = dir.resolve("wide.svg");
        assertEquals(0, fit(wide, "--plot-range", "2018-01-01:2030-01-01").code());
        List<String> w = texts(wide);
        assertTrue(w.contains("extrapolation") && w.contains("2030"), w.toString());
    }

    @Test
    void intervalColumnsAreFoundByNameOrGivenAndReadForTheRowsFitted() {
        Table table = TableReader.read(METR);
        assertArrayEquals(new String[] {"p50_ci_low", "p50_ci_high"}, FitPlotOptions.companions(table, "p50_minutes"));
        assertNull(FitPlotOptions.companions(table, "average_score"));
        Observations obs = DataSpec.builder().datePredictor("release_date").response("p50_minutes")
                .where("benchmark_version == TH1.1").build().load(table).observations();
        FitPlot.Bars bars = new FitPlotOptions().bars(METR, obs);
        // Row by row the bars are the published interval of the same model (e.g. the first TH1.1 row).
        int row = 0;
        while (table.sourceRow(row) != obs.row(0)) {
            row++;
        }
        assertEquals(Double.parseDouble(table.cell(row, "p50_ci_low")), bars.lower()[0], 0);
        assertEquals(Double.parseDouble(table.cell(row, "p50_ci_high")), bars.upper()[0], 0);
        assertEquals("p50_ci_low … p50_ci_high", bars.label());
    }

    @Test
    void badReadOutOptionsAreOneLineBeforeFitting() {
        Path svg = dir.resolve("x.svg");
        assertEquals("scalefit fit: error: give both --ci-low and --ci-high (the two ends of each interval)\n",
                fit(svg, "--ci-low", "p50_ci_low").err().replace("\r", ""));
        assertEquals("scalefit fit: error: --plot-range 2030-01-01:2018-01-01: HI must be larger than LO\n",
                fit(svg, "--plot-range", "2030-01-01:2018-01-01").err().replace("\r", ""));
        assertEquals("scalefit fit: error: --plot-range soon:later: \"soon\" is not a date (use YYYY-MM-DD)\n",
                fit(svg, "--plot-range", "soon:later").err().replace("\r", ""));
        assertEquals("scalefit fit: error: --y-duration weeks: use s, min, h, d or off\n",
                fit(svg, "--y-duration", "weeks").err().replace("\r", ""));
        Cli.Result missing = fit(svg, "--ci-low", "lo", "--ci-high", "hi");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("scalefit fit: error: metr-horizons.csv has no column \"lo\""), missing.err());
        assertFalse(Files.exists(svg));
    }
}
