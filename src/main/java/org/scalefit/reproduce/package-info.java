/**
 * Reproduces the scaling-laws talk's figures from the bundled data sets: each reproduction reads
 * its data, fits it with scalefit's engine, draws the chart in the published style and reports the
 * fitted numbers next to the published numbers they reproduce. Where the authors' raw data are not
 * public (Kaplan et al. 2020, Jones 2021) the data sets are generated from the papers' own published
 * laws, and every figure and report says so.
 *
 * <pre>{@code
 * List<FigureResult> all = Reproductions.all().stream().map(r -> r.run(Datasets.locate())).toList();
 * }</pre>
 */
package org.scalefit.reproduce;
