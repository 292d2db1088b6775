package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The checks an answer must pass before it is called a fit ({@link AnswerCheck}), each where its condition holds in
 * closed form and just outside it: a parameter not finite; a pole or jump between the data points (and a steep but
 * continuous curve that is not one); a curve worse than the best constant — R² below 0 under squares, with its slack of
 * 1e-6 of the total sum of squares, and under Huber's loss the best constant's Σρ, with the same slack —; a parameter
 * whose Jacobian column is exactly zero, unless it rests on its bound.
 */
class AnswerCheckTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};

    private static AnswerCheck.Flaw check(Law law, Observations data, FitOptions options, double... p) {
        Problem problem = Problem.of(law, data, options, Space.resolve(options.space(), law));
        return AnswerCheck.check(problem, options.loss(), p);
    }

    private static AnswerCheck.Flaw check(Law law, double[] y, double... p) {
        return check(law, Observations.of(X, y), FitOptions.defaults(), p);
    }

    @Test
    void aParameterThatIsNotFiniteIsNoAnswer() {
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        AnswerCheck.Flaw f = check(line, X, 0, Double.NaN);
        assertNotNull(f);
        assertEquals("the optimiser ended with b = NaN", f.reason());
        assertTrue(f.remedy().contains("grid") && f.remedy().contains("start value"), f.remedy());
        assertEquals("the optimiser ended with a = Infinity", check(line, X, Double.POSITIVE_INFINITY, 1).reason());
        assertNull(check(line, X, 0, 1), "the line through the data");
    }

    /**
     * a/(x − c) with c = 3.47 between the data points 3 and 4: finite at every data point and at every sample (3.2, 3.4,
     * 3.6, 3.8), but it leaps from −14a to +8a between 3.4 and 3.6, and bisection closes on the pole at 3.47. With c = 3.2
     * a sample lands on the pole itself.
     */
    @Test
    void aPoleBetweenTwoPointsIsFoundWhereItIs() {
        Law law = new ExpressionLaw("a/(x - c)", List.of("x"));
        double[] y = {-0.4, -0.67, -2, 2, 0.67, 0.4};
        AnswerCheck.Flaw f = check(law, y, 1, 3.47);
        assertNotNull(f);
        // Sixty bisections reach the pole to the last bit, where the curve is ±∞.
        assertEquals("the fitted curve is not finite at x = 3.47, between the data points at x = 3 and x = 4", f.reason());
        AnswerCheck.Flaw on = check(law, y, 1, 3.2);
        assertNotNull(on);
        assertEquals("the fitted curve is not finite at x = 3.2, between the data points at x = 3 and x = 4", on.reason());
        // The pole outside the data is no flaw: between 1 and 6 the curve is continuous.
        assertNull(check(law, new double[] {-1, -0.5, -0.33, -0.25, -0.2, -0.17}, -1, 0));
        // Repeated points are one point: the pole is still found between 3 and 4.
        double[] x2 = {1, 1, 2, 3, 3, 4, 5, 6, 6};
        double[] y2 = {-0.4, -0.4, -0.67, -2, -2, 2, 0.67, 0.4, 0.4};
        AnswerCheck.Flaw twice = check(law, Observations.of(x2, y2), FitOptions.defaults(), 1, 3.47);
        assertNotNull(twice);
        assertEquals("the fitted curve is not finite at x = 3.47, between the data points at x = 3 and x = 4", twice.reason());
    }

    /**
     * A jump finite everywhere: b·exp(−exp(−10³⁰(x − c))) steps from 0 to b within one ulp of c (through b/e at c), a
     * leap bisection keeps to the end (at least 1 − 1/e of the first difference, and more than half the data's range).
     */
    @Test
    void aJumpIsAFlawAndASteepCurveIsNot() {
        Law step = new ExpressionLaw("a + b*exp(-exp(-1e30*(x - c)))", List.of("x"));
        double[] y = {0, 0.1, 0.2, 0.8, 0.9, 1};
        AnswerCheck.Flaw jump = check(step, y, -0.25, 1.5, 3.47);
        assertNotNull(jump);
        assertTrue(jump.reason().startsWith("the fitted curve has a pole or a jump at x = 3.47, between the data points at x = 3"
                + " and x = 4 (it leaps from "), jump.reason());
        // A jump no larger than the data's range (1; here 0.9) never triggers the search between samples.
        // (c held: the step's derivative in c is 0 off the step, which the stall check would name.)
        assertNull(check(step, Observations.of(X, y), FitOptions.builder().fix("c", 3.47).build(), 0.05, 0.9, 3.47));
        // exp(5x) climbs from 148 to 1.07e13 over the data: between 5 and 6 neighbouring samples differ by far more than
        // the data's range, but halving the interval halves the difference, as a continuous curve must.
        Law steep = new ExpressionLaw("a*exp(b*x)", List.of("x"));
        double[] ys = new double[6];
        for (int i = 0; i < 6; i++) {
            ys[i] = Math.exp(5 * X[i]);
        }
        assertNull(check(steep, ys, 1, 5));
        // In log space the curve must also be positive: a line crossing zero between 3 and 4 is not.
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        FitOptions log = FitOptions.builder().space(Space.LOG).build();
        AnswerCheck.Flaw negative = check(line, Observations.of(X, new double[] {1, 2, 3, 4, 5, 6}), log, -3.5, 1);
        assertNotNull(negative);
        assertTrue(negative.reason().startsWith("the fitted curve is not positive and finite at x = "), negative.reason());
        // Touching zero counts: a·(x − 3.2)² + b with b = 0 is 0 at the sample 3.2 between 3 and 4, positive elsewhere.
        Law touch = new ExpressionLaw("a*(x - 3.2)^2 + b", List.of("x"));
        AnswerCheck.Flaw zero = check(touch, Observations.of(X, new double[] {4.8, 1.4, 0.04, 0.64, 3.2, 7.8}), log, 1, 0);
        assertNotNull(zero);
        assertEquals("the fitted curve is not positive and finite at x = 3.2, between the data points at x = 3 and x = 4",
                zero.reason());
    }

    /**
     * Under squares a constant curve c has RSS = TSS + n(c − ȳ)², so R² = −n(c − ȳ)²/TSS exactly: on y = x (ȳ = 3.5,
     * TSS = 17.5, n = 6) the answer is accepted up to RSS = TSS·(1 + 1e-6), i.e. |c − ȳ| ≤ √(17.5e-6/6) = 1.7078e-3.
     */
    @Test
    void aCurveWorseThanTheMeanIsNoFitBeyondItsSlack() {
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        double edge = Math.sqrt(17.5e-6 / 6);
        assertNull(check(line, X, 3.5 + 0.99 * edge, 1e-300));
        assertNull(check(line, X, 3.5, 1e-300), "the mean itself (R² = 0)");
        AnswerCheck.Flaw worse = check(line, X, 3.5 + 1.01 * edge, 1e-300);
        assertNotNull(worse);
        assertTrue(worse.reason().startsWith("the fitted curve explains less than a constant would (R² = -"), worse.reason());
        AnswerCheck.Flaw far = check(line, X, 10, 1e-300);
        // R² = −6·6.5²/17.5 = −14.4857…
        assertEquals("the fitted curve explains less than a constant would (R² = -14.5)", far.reason());
        assertTrue(far.remedy().endsWith("a + b*x does not describe these data"), far.remedy());
        // Weights move the mean: with weight 5 on x = 6, ȳ_w = (15 + 30)/10 = 4.5, where the constant is exact R² = 0.
        Observations weighted = Observations.builder().predictor("x", X).response("y", X)
                .weights("w", new double[] {1, 1, 1, 1, 1, 5}).build();
        assertNull(check(line, weighted, FitOptions.defaults(), 4.5, 1e-300));
        assertNotNull(check(line, weighted, FitOptions.defaults(), 3.5, 1e-300));
        // In log space R² is of ln y, and the message says so.
        AnswerCheck.Flaw log = check(new PowerLaw(), X, 100, 0);
        assertNotNull(log);
        assertTrue(log.reason().endsWith(" in log space)"), log.reason());
        // An expectile (the asymmetric loss) is not a central curve: no such check.
        assertNull(check(line, Observations.of(X, X), FitOptions.builder().loss(Loss.asymmetric(0.1)).build(), 10, 1e-300));
    }

    /**
     * Under Huber's loss (δ = 1) on y = 1…6 the best constant is 3.5 by symmetry, with Σρ = 2(½·0.5² + (1.5 − ½) +
     * (2.5 − ½)) = 6.25; a constant 3.5 + h (|h| < 0.5) scores 6.25 + h² (four residuals in the linear zone, whose
     * changes cancel, and ½(0.5 + h)² + ½(0.5 − h)²). The slack 1e-6 of 6.25 is passed at h² = 6.25e-6: h = 2.5e-3.
     */
    @Test
    void underHuberTheBestConstantIsTheYardstick() {
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        FitOptions huber = FitOptions.builder().loss(Loss.huber(1)).build();
        Observations data = Observations.of(X, X);
        assertNull(check(line, data, huber, 3.5 + 2.4e-3, 1e-300));
        assertNull(check(line, data, huber, 3.5 - 2.4e-3, 1e-300));
        AnswerCheck.Flaw worse = check(line, data, huber, 3.5 + 2.6e-3, 1e-300);
        assertNotNull(worse);
        assertEquals("the fitted curve has a higher huber:1.0 objective than the best constant (6.25 against 6.25)", worse.reason());
        AnswerCheck.Flaw far = check(line, data, huber, 10, 1e-300);
        // Residuals 9, 8, …, 4 all in the linear zone: Σ(|r| − ½) = 39 − 3 = 36.
        assertEquals("the fitted curve has a higher huber:1.0 objective than the best constant (36 against 6.25)", far.reason());
        // A robust fit that rightly ignores an outlier is accepted although its squared error exceeds the mean's.
        double[] outlier = {1, 2, 3, 4, 5, 60};
        assertNull(check(line, Observations.of(X, outlier), huber, 0, 1));
        assertNotNull(check(line, outlier, 0, 1), "under squares the same line is worse than the mean");
    }

    /**
     * A parameter whose Jacobian column is exactly zero (a·exp(b·x) at a = 0: ∂f/∂b = a·x·e^{bx} = 0) no longer moves
     * the curve: a stall, not an optimum — unless it rests on an end of its bound. The data's mean is 0, so the zero
     * curve passes the constant check (R² = 0).
     */
    @Test
    void aParameterThatNoLongerMovesTheCurveIsAStall() {
        Law law = new ExpressionLaw("a*exp(b*x)", List.of("x"));
        double[] y = {-1, 1, -1, 1, -1, 1};
        AnswerCheck.Flaw stall = check(law, y, 0, 0.7);
        assertNotNull(stall);
        assertEquals("the fit stalled where b no longer changes the curve (b = 0.7)", stall.reason());
        assertTrue(stall.remedy().contains("fix b"), stall.remedy());
        Observations data = Observations.of(X, y);
        assertNull(check(law, data, FitOptions.builder().bound("b", new Bound(0, 0.7)).build(), 0, 0.7), "on its bound");
        assertNull(check(law, data, FitOptions.builder().bound("b", new Bound(0.7, 2)).build(), 0, 0.7), "on its lower end");
        assertNotNull(check(law, data, FitOptions.builder().bound("b", new Bound(0, 1)).build(), 0, 0.7), "inside its bound");
        // A fixed parameter is not the fit's to move.
        assertNull(check(law, data, FitOptions.builder().fix("b", 0.7).build(), 0, 0.7));
    }
    private static final Law STEP = new ExpressionLaw("a + b*exp(-exp(-1e30*(x - c)))", List.of("x"));

    /**
     * The search is measured against the data's range and looks between the points at four samples: on points two apart
     * (x = 1, 3, …, 11, y = 0, 2, …, 10: range 10), a/(x − 5.9) changes by 2 from x = 5 to x = 7, well inside the range, but
     * by 13 between the samples 5.8 and 6.2, which straddle its pole.
     */
    @Test
    void aPoleIsFoundBetweenTheSamplesWhereTheDataPointsAgree() {
        double[] x = {1, 3, 5, 7, 9, 11};
        Observations data = Observations.of(x, new double[] {0, 2, 4, 6, 8, 10});
        Law pole = new ExpressionLaw("a/(x - c)", List.of("x"));
        AnswerCheck.Flaw f = check(pole, data, FitOptions.defaults(), 1, 5.9);
        assertNotNull(f);
        assertTrue(f.reason().contains(" at x = 5.9, between the data points at x = 5 and x = 7"), f.reason());
        // A step of 15 in the first fifth of the first interval (at 1.2, before the first sample at 1.4) and in the last
        // fifth of another (at 6.8, after the last sample at 6.6) is found all the same: the data points are samples too.
        AnswerCheck.Flaw early = check(STEP, data, FitOptions.defaults(), 0, 15, 1.2);
        assertNotNull(early);
        assertTrue(early.reason().startsWith("the fitted curve has a pole or a jump at x = 1.2, between the data points at x = 1"
                + " and x = 3"), early.reason());
        AnswerCheck.Flaw late = check(STEP, data, FitOptions.defaults(), 0, 15, 6.8);
        assertNotNull(late);
        assertTrue(late.reason().startsWith("the fitted curve has a pole or a jump at x = 6.8, between the data points at x = 5"
                + " and x = 7"), late.reason());
    }

    /**
     * The yardstick of a jump is the data's range (hi − lo), not their size: a step of 5 is a jump on y from 100 to 101, and
     * a step of 10 is none on y from 0 to 100; on data without spread it is 1e-9 of their size (a step of 1e-8 on y = 100
     * is rounding, not a jump), and on all-zero data 1 (a step of 0.5 is none).
     */
    @Test
    void aJumpIsMeasuredAgainstTheDataRange() {
        // (c held throughout: off the step its derivative is 0, which the stall check would name instead.)
        FitOptions held = FitOptions.builder().fix("c", 3.47).build();
        String jump = "the fitted curve has a pole or a jump at x = 3.47";
        Observations narrow = Observations.of(X, new double[] {100, 100, 100, 101, 101, 101});
        assertTrue(check(STEP, narrow, held, 99.75, 1.5, 3.47).reason().startsWith(jump), "R² = 0.75, but a leap of 1.5");
        Observations wide = Observations.of(X, new double[] {0, 20, 40, 60, 80, 100});
        assertNull(check(STEP, wide, held, 45, 10, 3.47));
        Observations flat = Observations.of(X, new double[] {100, 100, 100, 100, 100, 100});
        assertNull(check(STEP, flat, held, 100, 1e-8, 3.47));
        assertTrue(check(STEP, flat, held, 100, 1e-6, 3.47).reason().startsWith(jump), "a step of 1e-6 is 10 times the yardstick");
        Observations zero = Observations.of(X, new double[6]);
        assertNull(check(STEP, zero, held, -0.25, 0.5, 3.47));
        assertTrue(check(STEP, zero, held, -0.75, 1.5, 3.47).reason().startsWith(jump));
    }

    /** Data without spread have no R² (TSS = 0) and no better constant under Huber's loss (Σρ = 0): no curve is refused for it. */
    @Test
    void flatDataRefuseNoCurveForItsFit() {
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        Observations flat = Observations.of(X, new double[] {2, 2, 2, 2, 2, 2});
        assertNull(check(line, flat, FitOptions.defaults(), 2, 0.01));
        assertNull(check(line, flat, FitOptions.builder().loss(Loss.huber(1)).build(), 2, 0.01));
    }

    /**
     * The best constant under Huber's loss is found, not assumed: on y = 1, 2, 3, 4, 5, 60 (δ = 1) Σψ(y − c) = 7 − 2c on
     * (3, 4), so c = 3.5 with Σρ = 2 + 1 + 0.125 + 0.125 + 1 + 56 = 60.25; the constant 10 scores 8.5 + 7.5 + 6.5 + 5.5 +
     * 4.5 + 49.5 = 82, worse (the middle of the range, 30.5, would score 164).
     */
    @Test
    void huberTheBestConstantIsTheMEstimateNotTheMiddle() {
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        Observations data = Observations.of(X, new double[] {1, 2, 3, 4, 5, 60});
        AnswerCheck.Flaw f = check(line, data, FitOptions.builder().loss(Loss.huber(1)).build(), 10, 1e-300);
        assertNotNull(f);
        assertEquals("the fitted curve has a higher huber:1.0 objective than the best constant (82 against 60.25)", f.reason());
    }
}
