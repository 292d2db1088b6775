package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code scalefit fit --plot}: files written, JSON, and every bad plot option. */
class FitPlotCommandTest {
    @TempDir
    Path dir;
    private Path runs;

    @BeforeEach
    void writeRuns() throws IOException {
        StringBuilder s = new StringBuilder("compute,loss\n");
        for (int i = 0; i < 20; i++) {
            double c = Math.pow(10, 17 + 6.0 * i / 19);
            s.append(String.format(Locale.ROOT, "%.6e,%.6f%n", c, (1.8 + 1000 * Math.pow(c, -0.15)) * (1 + 0.01 * Math.sin(3.1 * i))));
        }
        runs = dir.resolve("runs.csv");
        Files.writeString(runs, s.toString());
    }

    private Cli.Result fit(String... extra) {
        String[] base = {"fit", runs.toString(), "--x", "compute", "--y", "loss", "--law", "offset-power-law"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void writesAPngOfTheRequestedSizeAndSaysSo() throws IOException {
        Path png = dir.resolve("fit.png");
        Cli.Result r = fit("--plot", png.toString(), "--plot-size", "500x300", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertEquals("scalefit fit: wrote " + png + "\n", r.err().replace("\r", ""));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(500, img.getWidth());
        assertEquals(300, img.getHeight());
    }

    @Test
    void svgAndPdfWithResidualsAndJsonReportsThePlot() throws IOException {
        Path svg = dir.resolve("fit.svg");
        Cli.Result r = fit("--plot", svg.toString(), "--residuals", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(svg.toString(), json.get("plot").get("file").asText());
        assertEquals("svg", json.get("plot").get("format").asText());
        assertEquals(560, json.get("plot").get("height_pt").asDouble(), 0);
        assertTrue(Files.readString(svg).contains("<svg"));
        Path pdf = dir.resolve("fit.pdf");
        assertEquals(0, fit("--plot", pdf.toString(), "--axes", "semilog-x", "--tick-style", "e", "-q").code());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF"));
    }

    @Test
    void unknownExtensionIsRejectedBeforeFitting() {
        Path gif = dir.resolve("fit.gif");
        Cli.Result r = fit("--plot", gif.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: cannot write plot " + gif + ": unknown format \".gif\"; use .png, .svg or .pdf\n",
                r.err().replace("\r", ""));
        assertEquals("", r.out());
    }

    @Test
    void missingDirectoryIsRejected() {
        Path p = dir.resolve("nowhere/fit.png");
        Cli.Result r = fit("--plot", p.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: cannot write plot " + p + ": directory " + dir.resolve("nowhere")
                + " does not exist\n", r.err().replace("\r", ""));
    }

    @Test
    void neverOverwritesTheInputFile() throws IOException {
        Path sneaky = dir.resolve("runs.png");
        Files.copy(runs, sneaky);
        String before = Files.readString(runs);
        Cli.Result r = Cli.run("fit", sneaky.toString(), "--x", "compute", "--y", "loss", "--law", "power-law",
                "--plot", dir.resolve(".").resolve("runs.png").toString());
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: refusing to write the plot over the input file " + sneaky + "; choose another name\n",
                r.err().replace("\r", ""));
        assertEquals(before, Files.readString(sneaky));
    }

    @Test
    void badPlotOptionsAreOneLine() {
        Path png = dir.resolve("fit.png");
        assertEquals("scalefit fit: error: --dpi must be between 36 and 1200, got 5000\n",
                fit("--plot", png.toString(), "--dpi", "5000").err().replace("\r", ""));
        assertEquals("scalefit fit: error: unknown --axes \"polar\"; use auto, log-log, linear, semilog-x or semilog-y\n",
                fit("--plot", png.toString(), "--axes", "polar").err().replace("\r", ""));
        assertEquals("scalefit fit: error: --plot-size must look like 640x440, got \"big\"\n",
                fit("--plot", png.toString(), "--plot-size", "big").err().replace("\r", ""));
        assertEquals("scalefit fit: error: unknown --tick-style \"roman\"; use superscript or e\n",
                fit("--plot", png.toString(), "--tick-style", "roman").err().replace("\r", ""));
        assertFalse(Files.exists(png));
    }
}
