/**
 * The one home for shared statistics: {@link org.scalefit.stats.Quantiles} (Student t, normal and
 * percentile quantiles, the cached t table included), {@link org.scalefit.stats.Seeds} with the
 * {@link org.scalefit.stats.Stream} ids of every use of randomness, {@link org.scalefit.stats.Parallel}
 * loops whose results land in slots by index (so the answer never depends on the thread count), and the
 * {@link org.scalefit.stats.Interval} every package reports.
 *
 * <p>Nothing here knows a law or a fit; every other package may use it.
 *
 * <pre>{@code
 * double t = Quantiles.tTwoSided(0.95, 12);                   // 2.1788…
 * SplittableRandom rng = Seeds.random(42, Stream.BOOTSTRAP, 17);
 * }</pre>
 */
package org.scalefit.stats;
