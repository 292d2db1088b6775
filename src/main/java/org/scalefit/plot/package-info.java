/**
 * Charts a researcher would put in a paper, and the only package that touches XChart.
 *
 * <p>A {@link org.scalefit.plot.Figure} holds {@link org.scalefit.plot.Panel}s placed by their plot
 * areas plus free text; a panel has two {@link org.scalefit.plot.Axis axes} (linear or log, with
 * {@link org.scalefit.plot.Ticks} from our own generator), {@link org.scalefit.plot.Mark marks} in
 * data coordinates (lines, points, bands, interval bars, text), a {@link org.scalefit.plot.Legend}
 * and a {@link org.scalefit.plot.Theme}. XChart paints the data layer (bands, bars, points) exactly
 * inside the plot area with its own axes switched off; lines are stroked as single paths so dashes
 * and translucency survive; axes, tick labels (10ⁿ with superscripts, {@code 1e15}, M/B/T, human
 * durations, dates), titles, legends with typeset formulas and direct labels are drawn around it.
 * {@link org.scalefit.plot.FigureWriter} writes PNG (with its DPI), SVG (VectorGraphics2D) and PDF
 * (PDFBox), atomically. {@link org.scalefit.plot.FitPlot} turns any single-predictor fit into a chart;
 * {@link org.scalefit.plot.charts} holds the scaling-laws talk's charts.
 *
 * <pre>{@code
 * Figure f = FitPlot.of(fit, FitPlot.Options.defaults().withResiduals(true));
 * FigureWriter.write(f, Path.of("fit.png"), 144);
 * }</pre>
 */
package org.scalefit.plot;
