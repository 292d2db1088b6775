package org.scalefit.fit;

/**
 * Diagnostics of a fit's residuals, ordered by the first predictor: is the curve bending away from the
 * law ("if the curve bends, we probably did something wrong"), and is one point far off?
 *
 * <ul>
 * <li>{@code rms}: root mean square of the weighted residuals in the fit's space.</li>
 * <li>{@code maxStandardized}: the largest |rᵢ|/s, with s the residual standard deviation, and the source
 * row where it occurs; above 4 the fit warns of an outlier.</li>
 * <li>{@code durbinWatson}: Σ(eᵢ − eᵢ₋₁)²/Σeᵢ², about 2 for independent residuals; well below 2 means
 * neighbouring residuals share a sign, i.e. systematic curvature the law does not capture.</li>
 * <li>{@code runs}, {@code expectedRuns}, {@code runsZ}: the Wald–Wolfowitz runs test on residual signs;
 * z below −2.6 (one-sided 0.5%) means too few sign changes.</li>
 * </ul>
 *
 * <pre>{@code
 * ResidualDiagnostics d = fit.diagnostics();
 * if (d.durbinWatson() < 1) System.out.println("residuals are systematic");
 * }</pre>
 *
 * @param rms             root mean square weighted residual
 * @param maxStandardized largest absolute standardised residual
 * @param maxRow          source row of that residual
 * @param durbinWatson    Durbin–Watson statistic (NaN with fewer than 3 points)
 * @param runs            number of runs of equal residual sign
 * @param expectedRuns    expected number of runs under independence
 * @param runsZ           standardised runs statistic (NaN when undefined)
 */
public record ResidualDiagnostics(double rms, double maxStandardized, int maxRow, double durbinWatson, int runs,
                                  double expectedRuns, double runsZ) {
}
