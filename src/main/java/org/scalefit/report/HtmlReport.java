package org.scalefit.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.OutputFiles;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.ImageFormat;

/**
 * A self-contained HTML report: a title, sections of paragraphs, tables, lists, warnings, key–value
 * provenance, preformatted text and figures inline as SVG. The page has a viewport for phones (tables
 * scroll sideways inside their own box, figures shrink to the screen), a print style (no page break inside a
 * figure or a table row, black on white) and nothing that loads from anywhere: no script, no external font,
 * style sheet or image. Every piece of text is escaped; the SVG of each figure gets its own id prefix, so two
 * figures' clip paths never collide.
 *
 * <pre>{@code
 * HtmlReport r = HtmlReport.builder("Model comparison of loss")
 *         .paragraph("best: offset-power-law")
 *         .figure(figure, "The ranked laws over the data")
 *         .table(List.of("rank", "law", "ΔAICc"), List.of(List.of("1", "offset-power-law", "0")))
 *         .warnings(List.of("the exponential is extrapolated 2 decades"))
 *         .build();
 * r.write(Path.of("compare.html"), List.of());
 * }</pre>
 */
public final class HtmlReport {
    private static final Pattern PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*(<!DOCTYPE[^>]*>\\s*)?");
    private static final Pattern ID = Pattern.compile("(id=\"|url\\(#|href=\"#)([A-Za-z][\\w.-]*)");
    private static final Pattern SIZE = Pattern.compile("^<svg([^>]*?) height=\"[^\"]*\"([^>]*?) width=\"[^\"]*\"");
    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 62rem; padding: 1rem 1.25rem 3rem; color: #222; background: #fff;
              font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
            h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #ddd; }
            h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
            p.lead { color: #555; margin-top: 0; }
            figure { margin: 1rem 0; }
            figure .svg { width: 100%; overflow: hidden; }
            figure svg { display: block; width: 100%; height: auto; }
            figcaption { color: #555; font-size: 0.9rem; margin-top: 0.3rem; }
            .table { width: 100%; overflow-x: auto; margin: 0.5rem 0 1rem; }
            table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
            caption { text-align: left; color: #555; font-size: 0.85rem; padding-bottom: 0.3rem; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f6f6f6; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; }
            dl.meta dt { color: #555; }
            dl.meta dd { margin: 0; overflow-wrap: anywhere; }
            .warnings { border-left: 4px solid #d9822b; background: #fdf6ec; padding: 0.5rem 1rem; margin: 0.8rem 0; }
            .warnings ul { margin: 0.3rem 0; padding-left: 1.2rem; }
            pre { background: #f6f6f6; padding: 0.75rem; overflow-x: auto; font-size: 0.8rem; line-height: 1.35; }
            details summary { cursor: pointer; color: #333; }
            footer { margin-top: 3rem; color: #777; font-size: 0.8rem; }
            @media (max-width: 40rem) {
              body { padding: 0.75rem; font-size: 15px; }
              h1 { font-size: 1.3rem; }
              dl.meta { grid-template-columns: 1fr; }
              dl.meta dd { margin-bottom: 0.4rem; }
            }
            @media print {
              body { max-width: none; padding: 0; color: #000; font-size: 11pt; }
              a { color: #000; text-decoration: none; }
              h2 { break-after: avoid; }
              figure, tr, .warnings, dl.meta { break-inside: avoid; }
              .table { overflow: visible; }
              details > *:not(summary) { display: block; }
              pre { white-space: pre-wrap; }
            }
            """;

    private final String title;
    private final String html;

    private HtmlReport(String title, String html) {
        this.title = title;
        this.html = html;
    }

    /**
     * @param title the page's title and first heading
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** @return the page's title */
    public String title() {
        return title;
    }

    /** @return the whole page */
    public String html() {
        return html;
    }

    /**
     * Writes the page atomically (a temporary file, then a move).
     *
     * @param target the .html file
     * @param inputs files the report was made from, never overwritten
     * @throws org.scalefit.InvalidDataException if the file cannot be written
     */
    public void write(Path target, Collection<Path> inputs) {
        OutputFiles.write(target, html.getBytes(StandardCharsets.UTF_8), "report", inputs);
    }

    /**
     * @param text any text
     * @return it with {@code & < > " '} escaped for HTML text and attribute values
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * A figure's SVG ready to sit inside an HTML page: no XML prolog or doctype, every id prefixed (so several
     * figures on one page keep their own clip paths), width and height left to the page's style (the viewBox
     * keeps the proportions) and a title for screen readers.
     *
     * @param figure the figure
     * @param prefix a prefix unique on the page, letters and digits
     * @return the {@code <svg>} element
     */
    public static String inlineSvg(Figure figure, String prefix) {
        String svg = new String(FigureWriter.render(figure, ImageFormat.SVG, FigureWriter.DEFAULT_DPI),
                StandardCharsets.UTF_8);
        svg = PROLOG.matcher(svg).replaceFirst("");
        Matcher m = ID.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() + 512);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + prefix + "-" + m.group(2)));
        }
        m.appendTail(out);
        svg = out.toString();
        Matcher size = SIZE.matcher(svg);
        if (size.find()) {
            svg = size.replaceFirst(Matcher.quoteReplacement("<svg" + size.group(1) + size.group(2)));
        }
        int close = svg.indexOf('>');
        return svg.substring(0, close) + " role=\"img\" aria-label=\"" + escape(figure.title()) + "\">"
                + "<title>" + escape(figure.title()) + "</title>" + svg.substring(close + 1).stripTrailing();
    }

    /** Collects the page, in reading order. */
    public static final class Builder {
        private final String title;
        private final StringBuilder body = new StringBuilder();
        private int figures;
        private String footer = "";

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /**
         * @param text a line under the title
         * @return this builder
         */
        public Builder lead(String text) {
            body.append("<p class=\"lead\">").append(escape(text)).append("</p>\n");
            return this;
        }

        /**
         * @param heading a section heading
         * @return this builder
         */
        public Builder section(String heading) {
            body.append("<h2>").append(escape(heading)).append("</h2>\n");
            return this;
        }

        /**
         * @param heading a sub-section heading
         * @return this builder
         */
        public Builder subsection(String heading) {
            body.append("<h3>").append(escape(heading)).append("</h3>\n");
            return this;
        }

        /**
         * @param text a paragraph
         * @return this builder
         */
        public Builder paragraph(String text) {
            body.append("<p>").append(escape(text)).append("</p>\n");
            return this;
        }

        /**
         * @param figure  a figure, inlined as SVG
         * @param caption its caption (empty for none)
         * @return this builder
         */
        public Builder figure(Figure figure, String caption) {
            figures++;
            body.append("<figure id=\"figure-").append(figures).append("\"><div class=\"svg\">")
                    .append(inlineSvg(figure, "f" + figures)).append("</div>");
            if (!caption.isEmpty()) {
                body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
            }
            body.append("</figure>\n");
            return this;
        }

        /**
         * A table; cells that read as numbers (including {@code 1.2×10⁵}, {@code −3}, {@code [0.1, 0.2]}) are
         * right-aligned.
         *
         * @param header the column heads
         * @param rows   the rows (each as long as the header)
         * @return this builder
         */
        public Builder table(List<String> header, List<List<String>> rows) {
            return table("", header, rows);
        }

        /**
         * @param caption a caption above the table (empty for none)
         * @param header  the column heads
         * @param rows    the rows
         * @return this builder
         * @throws IllegalArgumentException if a row is longer than the header
         */
        public Builder table(String caption, List<String> header, List<List<String>> rows) {
            body.append("<div class=\"table\"><table>");
            if (!caption.isEmpty()) {
                body.append("<caption>").append(escape(caption)).append("</caption>");
            }
            body.append("<thead><tr>");
            for (String h : header) {
                body.append("<th scope=\"col\">").append(escape(h)).append("</th>");
            }
            body.append("</tr></thead><tbody>");
            for (List<String> row : rows) {
                if (row.size() > header.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + header.size() + " columns");
                }
                body.append("<tr>");
                for (String cell : row) {
                    body.append(numeric(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</tbody></table></div>\n");
            return this;
        }

        /**
         * @param items list items
         * @return this builder
         */
        public Builder list(List<String> items) {
            if (items.isEmpty()) {
                return this;
            }
            body.append("<ul>");
            for (String item : items) {
                body.append("<li>").append(escape(item)).append("</li>");
            }
            body.append("</ul>\n");
            return this;
        }

        /**
         * @param warnings warnings to call out (nothing is added for none)
         * @return this builder
         */
        public Builder warnings(List<String> warnings) {
            if (warnings.isEmpty()) {
                return this;
            }
            body.append("<div class=\"warnings\" role=\"note\"><strong>Warnings</strong><ul>");
            for (String w : warnings) {
                body.append("<li>").append(escape(w)).append("</li>");
            }
            body.append("</ul></div>\n");
            return this;
        }

        /**
         * @param pairs key–value pairs, e.g. {@code {"data", "runs.csv (30 rows)"}}
         * @return this builder
         */
        public Builder meta(List<String[]> pairs) {
            body.append("<dl class=\"meta\">");
            for (String[] kv : pairs) {
                body.append("<dt>").append(escape(kv[0])).append("</dt><dd>").append(escape(kv[1])).append("</dd>");
            }
            body.append("</dl>\n");
            return this;
        }

        /**
         * @param summary the line that opens it
         * @param text    preformatted text shown when opened (and always when printed)
         * @return this builder
         */
        public Builder details(String summary, String text) {
            body.append("<details><summary>").append(escape(summary)).append("</summary><pre>").append(escape(text))
                    .append("</pre></details>\n");
            return this;
        }

        /**
         * @param text  the text of a link
         * @param href  a relative address (a file next to the report)
         * @return this builder
         */
        public Builder link(String text, String href) {
            body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
            return this;
        }

        /**
         * @param text the footer line
         * @return this builder
         */
        public Builder footer(String text) {
            this.footer = Objects.requireNonNull(text, "footer");
            return this;
        }

        /** @return the report */
        public HtmlReport build() {
            StringBuilder s = new StringBuilder(body.length() + STYLE.length() + 1024);
            s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"generator\" content=\"scalefit\">\n")
                    .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                    .append("</style>\n</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n")
                    .append(body).append("</main>\n");
            if (!footer.isEmpty()) {
                s.append("<footer>").append(escape(footer)).append("</footer>\n");
            }
            s.append("</body>\n</html>\n");
            return new HtmlReport(title, s.toString());
        }

        private static boolean numeric(String cell) {
            String t = cell.strip();
            return !t.isEmpty() && t.matches("[\\[(]?[−+\\-]?[0-9.,∞]+(×10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|e[+\\-]?[0-9]+)?%?×?"
                    + "(,\\s*[−+\\-]?[0-9.,∞]+(×10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|e[+\\-]?[0-9]+)?[\\])])?");
        }
    }
}
