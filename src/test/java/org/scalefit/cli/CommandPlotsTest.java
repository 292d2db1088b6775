package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plot FILE} on every command that draws: the file is written in the format its extension names and
 * at the size asked for, the JSON names it, stderr says so, and a bad target is refused before any work.
 */
class CommandPlotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void assertPng(Path png, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
    }

    @Test
    void compareDrawsAPngOfTheAskedSizeAndSaysSo() throws IOException {
        Path png = dir.resolve("compare.png");
        Cli.Result r = Cli.run("compare", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss",
                "--no-loo", "--plot", png.toString(), "--plot-size", "500x350", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertPng(png, 500, 350);
        assertEquals("scalefit compare: wrote " + png + "\n", r.err().replace("\r", ""));
    }

    @Test
    void breaksDrawsAnSvgAndTheJsonNamesIt() throws IOException {
        Path svg = dir.resolve("breaks.svg");
        Cli.Result r = Cli.run("breaks", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss",
                "--simulations", "99", "--plot", svg.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode plot = JSON.readTree(r.out()).get("plot");
        assertEquals(svg.toString(), plot.get("file").asText());
        assertEquals("svg", plot.get("format").asText());
        assertEquals(700, plot.get("width_pt").asDouble(), 0);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals("", r.err());
    }

    @Test
    void slopesDrawsAPdf() throws IOException {
        Path pdf = dir.resolve("slopes.pdf");
        Cli.Result r = Cli.run("slopes", "datasets/slopes-baseline.csv", "datasets/slopes-improved.csv", "--x", "compute",
                "--y", "loss", "--at", "1e23", "--plot", pdf.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 4);
        assertEquals("%PDF", new String(head, StandardCharsets.ISO_8859_1));
    }

    @Test
    void trendAndProjectDrawMetrStyleCharts() throws IOException {
        Path trend = dir.resolve("trend.png");
        Cli.Result t = Cli.run("trend", "datasets/metr-horizons.csv", "--frontier", "--replicates", "100", "--plot",
                trend.toString(), "--dpi", "72");
        assertEquals(0, t.code(), t.err());
        assertPng(trend, 760, 470);
        assertTrue(t.err().contains("scalefit trend: wrote " + trend), t.err());
        Path project = dir.resolve("project.png");
        Cli.Result p = Cli.run("project", "datasets/metr-horizons.csv", "--frontier", "--replicates", "100",
                "--milestones", "8h,40h", "--plot", project.toString(), "--plot-size", "800x500", "--dpi", "72", "--json");
        assertEquals(0, p.code(), p.err());
        assertPng(project, 800, 500);
        assertEquals(project.toString(), JSON.readTree(p.out()).get("plot").get("file").asText());
    }

    @Test
    void horizonDrawsTheSuccessCurves() throws IOException {
        StringBuilder csv = new StringBuilder("alias,task_id,task_family,human_minutes,score_binarized\n");
        SplittableRandom rng = new SplittableRandom(4);
        double[] truth = {3, 60};
        for (int m = 0; m < truth.length; m++) {
            for (int t = 0; t < 40; t++) {
                double minutes = Math.exp(Math.log(0.2) + (Math.log(2000) - Math.log(0.2)) * t / 39.0);
                double pr = 1 / (1 + Math.exp(-0.8 * Math.log(truth[m] / minutes) / Math.log(2)));
                for (int k = 0; k < 3; k++) {
                    csv.append(String.format(Locale.ROOT, "agent%d,f%d/t%d,f%d,%.6f,%d%n", m, t % 8, t, t % 8, minutes,
                            rng.nextDouble() < pr ? 1 : 0));
                }
            }
        }
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, csv.toString());
        Path png = dir.resolve("horizon.png");
        Cli.Result r = Cli.run("horizon", runs.toString(), "--bootstrap", "50", "--plot", png.toString(), "--dpi", "72", "-q");
        assertEquals(0, r.code(), r.err());
        assertPng(png, 980, 560);
    }

    @Test
    void optimalDrawsTheAllocationFromASavedFit() throws IOException {
        // Hoffmann et al.'s Approach 3 parameters with a small covariance, as 'scalefit fit --json' saves them.
        String fit = "{\"law\": \"chinchilla\", \"parameters\": {\"E\": {\"value\": 1.69}, \"A\": {\"value\": 406.4}, "
                + "\"B\": {\"value\": 410.7}, \"alpha\": {\"value\": 0.34}, \"beta\": {\"value\": 0.28}}, \"dof\": 200, "
                + "\"covariance\": {\"kind\": \"scaled\", \"scaled\": [[1e-4,0,0,0,0],[0,400,0,0,0],[0,0,400,0,0],"
                + "[0,0,0,2.5e-5,0],[0,0,0,0,2.5e-5]]}}";
        Path json = dir.resolve("fit.json");
        Files.writeString(json, fit);
        Path png = dir.resolve("optimal.png");
        Cli.Result r = Cli.run("optimal", json.toString(), "--compute", "1e21,5.76e23", "--plot", png.toString(), "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertPng(png, 980, 460);
        assertTrue(r.out().contains("compute-optimal allocation"), r.out());
    }

    @Test
    void aBadPlotTargetIsRefusedBeforeAnyWork() {
        Path gif = dir.resolve("trend.gif");
        Cli.Result r = Cli.run("trend", "datasets/metr-horizons.csv", "--plot", gif.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit trend: error: cannot write plot " + gif + ": unknown format \".gif\"; use .png, .svg or .pdf\n",
                r.err().replace("\r", ""));
        assertEquals("", r.out());
        Path input = Path.of("datasets/slopes-baseline.csv");
        Cli.Result s = Cli.run("slopes", input.toString(), "datasets/slopes-improved.csv", "--x", "compute", "--y", "loss",
                "--plot", input.toString().replace(".csv", ".png"), "--plot-size", "big");
        assertEquals(2, s.code());
        assertEquals("scalefit slopes: error: --plot-size must look like 640x440, got \"big\"\n", s.err().replace("\r", ""));
        assertFalse(Files.exists(Path.of("datasets/slopes-baseline.png")));
    }
}
