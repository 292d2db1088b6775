package org.scalefit.reproduce;

import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.PowerLaw;
import org.scalefit.plot.charts.PowerLawLine;
import org.scalefit.plot.charts.XY;

/**
 * Fits L = a·X^(−α) with scalefit's engine (log space) and rewrites it Kaplan's way, L = (X/X_c)^(−α)
 * with X_c = a^(1/α), with a delta-method interval for X_c taken on its logarithm.
 *
 * @param fit      the engine's fit
 * @param exponent α with its interval
 * @param scale    X_c with its interval
 */
record PowerLawFits(Fit fit, Parameter exponent, Estimate scale) {

    static PowerLawFits fit(XY points, String xName, String yName) {
        Observations obs = Observations.builder().source(xName).predictor(xName, points.x()).response(yName, points.y())
                .build();
        Fit f = Fitter.fit(new PowerLaw(), obs, FitOptions.defaults());
        // The interval of X_c is taken on ln X_c = ln a / α and exponentiated: X_c is far from the data
        // (10⁸ PF-days, 10¹³ tokens) and its distribution is strongly skewed.
        Estimate ln = f.estimate("ln_X_c", "", "ln of X at which the law reaches 1", p -> Math.log(p[0]) / p[1]);
        Estimate xc = new Estimate("X_c", "", "X at which the law reaches 1", Math.exp(ln.value()), Double.NaN,
                Math.exp(ln.lower()), Math.exp(ln.upper()), "delta (log scale)");
        return new PowerLawFits(f, f.parameter("alpha"), xc);
    }

    PowerLawLine law(double from, double to) {
        return new PowerLawLine(scale.value(), exponent.value(), from, to);
    }
}
