package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that write files — {@code fit --plot} and {@code reproduce --out} — never overwrite an
 * input, write atomically (no partial or temporary file is ever left), and refuse an unwritable path with
 * one line before doing any work.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;
    private Path runs;

    @BeforeEach
    void data() throws IOException {
        StringBuilder s = new StringBuilder("compute,loss\n");
        for (int i = 0; i < 12; i++) {
            double c = Math.pow(10, 17 + 0.5 * i);
            s.append(String.format(Locale.ROOT, "%.6e,%.6f%n", c, (1.8 + 1000 * Math.pow(c, -0.15)) * (1 + 0.01 * Math.sin(i))));
        }
        runs = dir.resolve("runs.csv");
        Files.writeString(runs, s.toString());
    }

    private List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thePlotNeverOverwritesTheInputThroughALink() throws IOException {
        Path link = dir.resolve("plot.png");
        Files.createSymbolicLink(link, runs);
        byte[] before = Files.readAllBytes(runs);
        Cli.Result r = Cli.run("fit", runs.toString(), "--x", "compute", "--y", "loss", "--law", "power-law", "--plot",
                link.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: refusing to write the plot over the input file " + runs + "; choose another name",
                r.err().strip());
        assertArrayEquals(before, Files.readAllBytes(runs));
    }

    @Test
    void unwritablePlotPathsFailBeforeTheFit() throws IOException {
        Path file = dir.resolve("afile");
        Files.writeString(file, "");
        Cli.Result r = Cli.run("fit", runs.toString(), "--x", "compute", "--y", "loss", "--law", "power-law", "--plot",
                file.resolve("fit.png").toString(), "--json");
        assertEquals(2, r.code());
        assertEquals("", r.out(), "no fit is printed when the plot cannot be written");
        assertEquals("scalefit fit: error: cannot write plot " + file.resolve("fit.png") + ": " + file
                + " is a file, not a directory", r.err().strip());
    }

    @Test
    void aPlotReplacesAnOldOneWhole() throws IOException {
        Path png = dir.resolve("fit.png");
        Files.writeString(png, "an old file");
        Cli.Result r = Cli.run("fit", runs.toString(), "--x", "compute", "--y", "loss", "--law", "power-law", "--plot",
                png.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        byte[] b = Files.readAllBytes(png);
        assertEquals((byte) 0x89, b[0]);
        assertEquals('P', b[1]);
        assertEquals(List.of("fit.png", "runs.csv"), listing(dir));
    }

    @Test
    void reproduceRefusesAnOutputThatIsAFile() throws IOException {
        Path file = dir.resolve("figures");
        Files.writeString(file, "not a directory");
        Cli.Result r = Cli.run("reproduce", "--only", "jones", "--out", file.toString());
        assertEquals(2, r.code());
        assertEquals("scalefit reproduce: error: cannot write figures in " + file + ": it is a file, not a directory",
                r.err().strip());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void reproduceWritesIntoItsDataDirectoryWithoutTouchingTheData() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path csv = data.resolve("jones2021-hex-runs-digitized.csv");
        Files.copy(Path.of("datasets/jones2021-hex-runs-digitized.csv"), csv);
        byte[] before = Files.readAllBytes(csv);
        Files.writeString(data.resolve("report.md"), "an old report");
        Cli.Result r = Cli.run("reproduce", "--only", "jones", "--data", data.toString(), "--out", data.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(csv));
        assertEquals(List.of("index.html", "jones2021-hex-runs-digitized.csv", "jones2021-hex.png", "jones2021-hex.svg",
                "report.json", "report.md"), listing(data), "no temporary files are left");
        assertTrue(Files.readString(data.resolve("report.md")).startsWith("# Reproduced figures"));
    }
}
