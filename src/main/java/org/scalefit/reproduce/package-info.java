/**
 * Reproduces the scaling-laws talk's figures from the bundled data sets: each reproduction reads
 * its data, fits it with scalefit's engine, draws the chart in the published style and reports the
 * fitted numbers next to the published numbers they reproduce. Real or digitized data are used wherever
 * any is public (METR's horizons, Epoch AI's digitization of Chinchilla's runs and its notable-models
 * table, Jones's runs read off his own figure); every number carries its {@link org.scalefit.reproduce.DataKind},
 * and numbers fitted to data generated from a published law (Kaplan et al. 2020, whose runs are not public)
 * are compared only with that law.
 *
 * <pre>{@code
 * List<FigureResult> all = Reproductions.all().stream().map(r -> r.run(Datasets.locate())).toList();
 * }</pre>
 */
package org.scalefit.reproduce;
