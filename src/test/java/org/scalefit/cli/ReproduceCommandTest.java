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
            if (n.get("quantity").asText().equals("a in N_opt ∝ C^a")) {
                a = n;
            }
        }
        // Epoch's digitized runs against the paper's Table 2 (0.49); the fit equals the NumPy peer's 0.500050.
        assertEquals("digitized", a.get("data").asText());
        assertEquals("published", a.get("reference").asText());
        assertEquals(0.49, a.get("published").asDouble(), 0);
        assertEquals(0.5000497764509602, a.get("fitted").asDouble(), 1e-9);
        assertEquals(2, a.get("interval").size());
        assertEquals(a.get("fitted").asDouble() / a.get("published").asDouble() - 1, a.get("relative_difference").asDouble(),
                1e-12);
        assertEquals(0, json.get("failed").size());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Hoffmann et al. (2022), Figure 3: IsoFLOP curves and compute-optimal parameters and tokens"));
        assertTrue(md.contains("Compared with the paper (digitized data):\n\n| quantity | scalefit | 95% interval | published | "
                + "difference | source |"), md);
        assertTrue(md.contains("](hoffmann2022-isoflop.png)"));
        assertTrue(r.out().contains("a in N_opt ∝ C^a                             digitized       0.500        0.49"), r.out());
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

    /** Issue 13: every number says what it was fitted to; generated data are compared only with their generating law. */
    @Test
    void everyNumberCarriesItsDataKind() throws IOException {
        Cli.Result r = Cli.run("reproduce", "--out", dir.toString(), "--only", "kaplan,jones,epoch-compute,epoch2024", "--json", "-q", "--dpi", "36");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        java.util.Map<String, String> kinds = java.util.Map.of("kaplan2020-figure1", "generated", "jones2021-hex", "digitized",
                "epoch-compute-trends", "real", "epoch2024-approach3", "digitized");
        for (JsonNode fig : json.get("figures")) {
            for (JsonNode n : fig.get("numbers")) {
                assertEquals(kinds.get(fig.get("id").asText()), n.get("data").asText(), n.toString());
                assertEquals(n.get("data").asText().equals("generated") ? "generating law" : "published",
                        n.get("reference").asText(), n.toString());
            }
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("Recovers the generating law (generated data: the points were computed from a law, so the "
                + "refit can only show that the engine recovers it):\n\n| quantity | scalefit | 95% interval | generating law |"), md);
        assertTrue(md.contains("Compared with the paper (real data):"), md);
        assertTrue(md.contains("Compared with the paper (digitized data):"), md);
        String table = Cli.run("reproduce", "--out", dir.toString(), "--only", "kaplan", "--dpi", "36", "-q").out();
        assertTrue(table.contains("kaplan2020-figure1   alpha_D                                      generated      0.0949       0.095*"),
                table);
        assertTrue(table.endsWith("reference: the published value for real and digitized data; * the law the data were generated "
                + "from (the refit recovers it)\n"), table);
    }

    @Test
    void unknownFigureIsOneLine() {
        Cli.Result r = Cli.run("reproduce", "--out", dir.toString(), "--only", "gpt5");
        assertEquals(2, r.code());
        assertEquals("scalefit reproduce: error: unknown figure \"gpt5\"; figures are kaplan2020-figure1, metr-horizons, "
                + "jones2021-hex, hoffmann2022-isoflop, gadre2024-downstream, olmo2024-ladder, epoch-compute-trends, epoch2024-approach3\n", r.err().replace("\r", ""));
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
