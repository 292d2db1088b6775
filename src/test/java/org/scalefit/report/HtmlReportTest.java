package org.scalefit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FitPlot;

/** The HTML writer: everything escaped, figures inline with their own ids, nothing loaded from elsewhere, atomic. */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static Figure figure() {
        double[] x = {1e18, 1e19, 1e20, 1e21, 1e22};
        double[] y = {3.1, 2.9, 2.72, 2.55, 2.41};
        Fit fit = Fitter.fit(new PowerLaw(), Observations.builder().predictor("compute", x).response("loss", y).build(),
                FitOptions.defaults());
        return FitPlot.of(fit);
    }

    @Test
    void everyPieceOfTextIsEscaped() {
        String evil = "<script>alert('x')</script> & \"quoted\"";
        HtmlReport r = HtmlReport.builder(evil).lead(evil).section(evil).paragraph(evil)
                .table(evil, List.of(evil), List.of(List.of(evil))).list(List.of(evil)).warnings(List.of(evil))
                .meta(List.<String[]>of(new String[] {evil, evil})).details(evil, evil).link(evil, "a\"b.png")
                .footer(evil).build();
        String html = r.html();
        assertFalse(html.contains("<script>"), "raw markup got through");
        assertFalse(html.contains("'x'"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assertTrue(html.contains("href=\"a&quot;b.png\""));
        assertEquals("&lt;a&gt; &amp; &#39;b&#39;", HtmlReport.escape("<a> & 'b'"));
    }

    @Test
    void aPageIsSelfContainedResponsiveAndPrintable() {
        String html = HtmlReport.builder("t").figure(figure(), "c").build().html();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("@media (max-width: 40rem)"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("@import") || html.contains("url(http"), "nothing is fetched");
        // The only absolute addresses are the SVG namespaces, which a browser never fetches.
        Matcher m = Pattern.compile("https?://[^\"\\s)]+").matcher(html);
        while (m.find()) {
            assertTrue(m.group().equals("http://www.w3.org/2000/svg") || m.group().equals("http://www.w3.org/1999/xlink"),
                    m.group());
        }
    }

    @Test
    void inlineFiguresKeepTheirOwnIdsAndScaleWithThePage() {
        Figure f = figure();
        String html = HtmlReport.builder("two").figure(f, "first").figure(f, "second").build().html();
        assertFalse(html.contains("<?xml"), "no XML prolog inside HTML");
        assertFalse(html.contains("<!DOCTYPE svg"));
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        int clips = 0;
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
            clips += ids.group(1).contains("clip") ? 1 : 0;
        }
        assertTrue(clips >= 2, "each figure's clip paths are there, once each");
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
        int n = 0;
        while (refs.find()) {
            assertTrue(seen.contains(refs.group(1)), "a reference to a missing id: " + refs.group(1));
            n++;
        }
        assertTrue(n > 0);
        String svg = HtmlReport.inlineSvg(f, "q");
        assertTrue(svg.startsWith("<svg") && svg.contains("viewBox=\"0 0 640 440\""), svg.substring(0, 200));
        assertFalse(svg.substring(0, svg.indexOf('>')).contains(" width="), "the page sets the width");
        assertTrue(svg.contains("role=\"img\"") && svg.contains("<title>"));
    }

    @Test
    void numbersAreRightAlignedAndRowsNoLongerThanTheHeader() {
        String html = HtmlReport.builder("t").table(List.of("a", "b", "c", "d"),
                List.of(List.of("alpha", "0.0502", "[0.045, 0.055]", "1.59×10⁸"))).build().html();
        assertTrue(html.contains("<td>alpha</td><td class=\"num\">0.0502</td><td class=\"num\">[0.045, 0.055]</td>"
                + "<td class=\"num\">1.59×10⁸</td>"), html);
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder("t").table(List.of("a"),
                List.of(List.of("1", "2"))));
    }

    @Test
    void writingIsAtomicAndNeverOverAnInput() throws IOException {
        Path input = dir.resolve("runs.csv");
        Files.writeString(input, "x,y\n1,2\n");
        HtmlReport r = HtmlReport.builder("t").paragraph("p").build();
        Path out = dir.resolve("r.html");
        r.write(out, List.of(input));
        assertEquals(r.html(), Files.readString(out));
        assertThrows(org.scalefit.InvalidDataException.class, () -> r.write(input, List.of(input)));
        assertEquals("x,y\n1,2\n", Files.readString(input));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }
}
