package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;
import org.w3c.dom.Document;

/** Export writes valid PNG, SVG and PDF files atomically, and fails cleanly without leaving files behind. */
class FigureWriterTest {
    @TempDir
    Path dir;

    static Figure sample(double w, double h) {
        double[] x = {1e18, 1e19, 1e20, 1e21};
        double[] y = {3.2, 2.9, 2.6, 2.4};
        Axis ax = Axis.log(5e17, 2e21, Ticks.log(5e17, 2e21, Ticks.LogStyle.SUPERSCRIPT)).withTitle("compute");
        Axis ay = Axis.log(2.2, 3.5, Ticks.log(2.2, 3.5, Ticks.LogStyle.DECIMAL)).withTitle("loss");
        Panel p = Panel.builder(ax, ay)
                .add(new Mark.Band(x, new double[] {3.0, 2.8, 2.5, 2.3}, new double[] {3.4, 3.0, 2.7, 2.5},
                        Colors.withAlpha(Colors.C0, 0.2)))
                .add(new Mark.Line(x, y, LineStyle.dashed(Colors.ORANGE, 1.5)))
                .add(new Mark.ErrorBars(x, new double[] {3.0, 2.8, 2.5, 2.3}, new double[] {3.4, 3.0, 2.7, 2.5},
                        LineStyle.solid(Color.GRAY, 1), 3))
                .add(new Mark.Points(x, y, MarkerStyle.circle(Colors.C0, 6).withEdge(Color.BLACK, 0.5)))
                .add(Mark.Text.at(1e20, 2.6, "label", TextStyle.sans(10, Color.GRAY)))
                .legend(Legend.of(Legend.Corner.UPPER_RIGHT, TextStyle.sans(10, Color.BLACK),
                        Legend.Entry.line("L = (C/2.3·10^{8})^{−0.050}", LineStyle.dashed(Colors.ORANGE, 1.5))))
                .build();
        return Figure.builder(w, h).panel(p, Layout.plotArea(p, 0, 0, w, h))
                .text(Figure.Text.vertical("shared", 4, h / 2, TextStyle.sans(12, Color.BLACK))).build();
    }

    @Test
    void pngHasTheRequestedPixelSizeAndDpi() throws IOException {
        Path out = dir.resolve("f.png");
        assertEquals(ImageFormat.PNG, FigureWriter.write(sample(400, 300), out, 144));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals(Math.round(144 / 0.0254), Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")));
        }
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(FigureWriter.render(sample(400, 300), ImageFormat.PNG, 72)));
        assertEquals(400, small.getWidth());
    }

    @Test
    void svgParsesAsXmlWithTheFigureSize() throws Exception {
        Path out = dir.resolve("f.svg");
        FigureWriter.write(sample(400, 300), out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals("0 0 400 300", doc.getDocumentElement().getAttribute("viewBox"));
        String text = Files.readString(out);
        // Tick labels are text with superscripts, never E-notation.
        assertTrue(text.contains("10¹⁸"), "decade label missing");
        assertTrue(text.contains("shared"));
    }

    @Test
    void pdfHasHeaderAndTrailer() throws IOException {
        Path out = dir.resolve("f.pdf");
        FigureWriter.write(sample(400, 300), out);
        byte[] b = Files.readAllBytes(out);
        assertEquals("%PDF", new String(b, 0, 4, StandardCharsets.ISO_8859_1));
        String tail = new String(b, Math.max(0, b.length - 16), Math.min(16, b.length), StandardCharsets.ISO_8859_1).trim();
        assertTrue(tail.endsWith("%%EOF"), tail);
    }

    @Test
    void unknownExtensionIsOneClearLine() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> FigureWriter.write(sample(400, 300), dir.resolve("f.gif")));
        assertEquals("cannot write plot " + dir.resolve("f.gif") + ": unknown format \".gif\"; use .png, .svg or .pdf",
                e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> FigureWriter.write(sample(400, 300), dir.resolve("plot")));
        assertTrue(e.getMessage().endsWith("unknown format (no extension); use .png, .svg or .pdf"), e.getMessage());
    }

    @Test
    void missingDirectoryIsOneClearLine() {
        Path p = dir.resolve("no/such/dir/f.png");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> FigureWriter.write(sample(400, 300), p));
        assertEquals("cannot write plot " + p + ": directory " + dir.resolve("no/such/dir") + " does not exist",
                e.getMessage());
    }

    @Test
    void failedRenderLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path out = dir.resolve("f.png");
        Files.writeString(out, "previous");
        // 20000 × 20000 points at 600 dpi is far beyond the pixel limit: the render fails.
        assertThrows(InvalidDataException.class, () -> FigureWriter.write(sample(20000, 20000), out, 600));
        assertEquals("previous", Files.readString(out));
        assertThrows(InvalidDataException.class, () -> FigureWriter.write(sample(400, 300), dir.resolve("g.png"), 5000));
        assertEquals(List.of("f.png"), listing());
    }

    @Test
    void successfulWriteReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("f.svg");
        Files.writeString(out, "previous");
        FigureWriter.write(sample(400, 300), out);
        assertTrue(Files.readString(out).startsWith("<?xml"));
        FigureWriter.write(sample(300, 200), dir.resolve("g.pdf"));
        assertEquals(List.of("f.svg", "g.pdf"), listing());
    }

    @Test
    void renderingIsDeterministic() {
        assertArrayEquals(FigureWriter.render(sample(300, 200), ImageFormat.PNG, 72),
                FigureWriter.render(sample(300, 200), ImageFormat.PNG, 72));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
