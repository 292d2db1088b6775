/**
 * Self-contained HTML reports: one file that opens anywhere, offline, on a phone or on paper — the figures
 * inline as SVG (no images to lose, no network, no fonts or scripts to fetch), the tables as tables, the
 * warnings, where the data came from and how the numbers were made. {@link org.scalefit.report.HtmlReport}
 * escapes every piece of text it is given and writes the file atomically.
 *
 * <pre>{@code
 * HtmlReport r = HtmlReport.builder("scalefit fit: power-law fit of loss")
 *         .section("Fit").figure(FitPlot.of(fit), "Loss against compute")
 *         .table(List.of("parameter", "value"), List.of(List.of("alpha", "0.0502")))
 *         .build();
 * r.write(Path.of("fit.html"), List.of(Path.of("runs.csv")));
 * }</pre>
 */
package org.scalefit.report;
