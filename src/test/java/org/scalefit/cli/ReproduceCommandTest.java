package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code scalefit reproduce}: files, report, progress lines and bad options. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesFiguresInEveryFormatAndTheReport() throws Exception {
        Path out = dir.resolve("figs");
        Cli.Result r = Cli.run("reproduce", "--out", out.toString(), "--only", "hoffmann", "--pdf", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        List<String> err = r.err().lines().toList();
        assertTrue(err.get(0).startsWith("[1/1] hoffmann2022-isoflop"), err.toString());
        assertTrue(err.get(1).startsWith("wrote " + out.resolve("report.md") + ", " + out.resolve("report.json") + " and "
                + out.resolve("index.html")), err.get(1));
        assertEquals(List.of("hoffmann2022-isoflop.pdf", "hoffmann2022-isoflop.png", "hoffmann2022-isoflop.svg",
                "index.html", "report.json", "report.md"), listing(out));
        BufferedImage png = ImageIO.read(out.resolve("hoffmann2022-isoflop.png").toFile());
        assertEquals(1000, png.getWidth());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(out.resolve("hoffmann2022-isoflop.svg").toFile())
                .getDocumentElement().getNodeName());
        byte[] pdf = Files.readAllBytes(out.resolve("hoffmann2022-isoflop.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(new String(pdf, pdf.length - 8, 8, StandardCharsets.ISO_8859_1).trim().endsWith("%%EOF"));

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode fig = json.get("figures").get(0);
        assertEquals("hoffmann2022-isoflop", fig.get("id").asText());
        assertEquals("Hoffmann et al. (2022), Figure 3", fig.get("reproduces").asText());
        JsonNode a = null;
        for (JsonNode n : fig.get("numbers")) {
            if (n.get("quantity").asText().equals("a vs the generating law")) {
                a = n;
            }
        }
        assertEquals(0.28 / 0.62, a.get("published").asDouble(), 1e-12);
        assertEquals(0.28 / 0.62, a.get("fitted").asDouble(), 0.01);
        assertEquals(2, a.get("interval").size());
        assertEquals(a.get("fitted").asDouble() / a.get("published").asDouble() - 1, a.get("relative_difference").asDouble(),
                1e-12);
        assertEquals(0, json.get("failed").size());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Hoffmann et al. (2022), Figure 3: IsoFLOP curves and compute-optimal parameters and tokens"));
        assertTrue(md.contains("| quantity | scalefit | 95% interval | published | difference | source |"));
        assertTrue(md.contains("](hoffmann2022-isoflop.png)"));
        assertTrue(r.out().contains("a vs the generating law"), r.out());
    }

    @Test
    void jsonOnStdoutAndQuietStderr() throws IOException {
        Cli.Result r = Cli.run("reproduce", "--out", dir.toString(), "--only", "metr", "--json", "-q", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("metr-horizons", json.get("figures").get(0).get("id").asText());
        assertEquals(212, json.get("figures").get(0).get("numbers").get(0).get("fitted").asDouble(), 3);
    }

    @Test
    void unknownFigureIsOneLine() {
        Cli.Result r = Cli.run("reproduce", "--out", dir.toString(), "--only", "gpt5");
        assertEquals(2, r.code());
        assertEquals("scalefit reproduce: error: unknown figure \"gpt5\"; figures are kaplan2020-figure1, metr-horizons, "
                + "jones2021-hex, hoffmann2022-isoflop\n", r.err().replace("\r", ""));
    }

    @Test
    void outputUnderAFileIsOneLine() throws IOException {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        Cli.Result r = Cli.run("reproduce", "--out", file.resolve("figs").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scalefit reproduce: error: cannot create output directory " + file.resolve("figs")),
                r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void missingDataDirectoryIsOneLine() {
        Cli.Result r = Cli.run("reproduce", "--out", dir.toString(), "--data", dir.resolve("none").toString());
        assertEquals(2, r.code());
        assertEquals("scalefit reproduce: error: data set directory " + dir.resolve("none") + " does not exist\n",
                r.err().replace("\r", ""));
    }

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
