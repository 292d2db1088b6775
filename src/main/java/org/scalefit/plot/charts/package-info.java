/**
 * The scaling-laws talk's charts, each drawn from a small input record so that the data behind a
 * chart can come from anywhere (bundled data sets, a fit, another package's analysis): Kaplan et
 * al. (2020) Figure 1 ({@link org.scalefit.plot.charts.KaplanChart}), METR's task horizons
 * ({@link org.scalefit.plot.charts.HorizonChart}), Jones (2021) Hex Elo against compute
 * ({@link org.scalefit.plot.charts.HexChart}), Hoffmann et al. (2022) IsoFLOP curves
 * ({@link org.scalefit.plot.charts.IsoFlopChart}) and the growth of training compute by era
 * ({@link org.scalefit.plot.charts.ComputeTrendChart}). Each follows the published chart's style: its
 * fonts, frame, colours, tick labels, dashed fits and solid data.
 *
 * <pre>{@code
 * Figure f = KaplanChart.draw(input);
 * FigureWriter.write(f, Path.of("figures/kaplan2020-figure1.png"));
 * }</pre>
 */
package org.scalefit.plot.charts;
