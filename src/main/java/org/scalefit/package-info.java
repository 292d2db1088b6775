/**
 * scalefit: fitting scaling laws with honest uncertainty.
 *
 * <p>The root package holds the exception family shared by every other package:
 * {@link org.scalefit.ScalefitException}, with {@link org.scalefit.InvalidDataException} for input
 * that cannot be used and {@link org.scalefit.FitFailedException} for fits that did not produce a
 * trustworthy result. The work itself lives in the sub-packages: {@code data} (observations and
 * readers), {@code model} (the law family), {@code fit} (the engine), and the analyses built on it.
 */
package org.scalefit;
