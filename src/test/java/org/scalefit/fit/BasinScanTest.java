package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.Space;

/**
 * The engine's scan for basins ({@link BasinScan}) on a problem whose profile is known in closed form: y = a·sin(b·x + 0.5)
 * on the twenty uneven points of {@code bench/oracles/search_basins.py} (run 2026-12-07). For each b the best a is linear
 * least squares, a(b) = Σys/Σs² with s = sin(b·x + 0.5), and the profile is φ(b) = Σy² − (Σys)²/Σs²; the script's dense
 * scan of φ over [−60, 60] puts the global minimum at b = 1.0003 (between the profile's neighbouring minima at 0.609 and
 * 1.391) and the next lowest at b = −1.122 (between −1.700 and −0.716), 200 times higher.
 */
class BasinScanTest {
    static final double[] X = new double[20];
    static final double[] Y = new double[20];

    static {
        for (int i = 1; i <= 20; i++) {
            X[i - 1] = 0.4 * i + 0.01 * i * i;
            Y[i - 1] = 2 * Math.sin(X[i - 1] + 0.5) + 0.05 * (i % 2 == 0 ? 1 : -1);
        }
    }

    static final Law SINE = new ExpressionLaw("a*sin(b*x + 0.5)", List.of("x"));
    static final Observations DATA = Observations.of(X, Y);

    /** a(b) = Σys/Σs², in closed form. */
    static double profileA(double b) {
        double sy = 0;
        double ss = 0;
        for (int i = 0; i < X.length; i++) {
            double s = Math.sin(b * X[i] + 0.5);
            sy += Y[i] * s;
            ss += s * s;
        }
        return sy / ss;
    }

    /** φ(b), the residual sum of squares at (a(b), b), summed directly. */
    static double profile(double b) {
        double a = profileA(b);
        double rss = 0;
        for (int i = 0; i < X.length; i++) {
            double r = Y[i] - a * Math.sin(b * X[i] + 0.5);
            rss += r * r;
        }
        return rss;
    }

    private static BasinScan scan(Law law, Observations data, FitOptions options, double[] start) {
        Problem problem = Problem.of(law, data, options, Space.resolve(options.space(), law));
        return new BasinScan(problem, options.loss(), start);
    }

    /**
     * The scan's basins, best first: each is a grid level of b with a solved by least squares, and scored by the fit's
     * objective Σρ = RSS; the best lies in the global basin although the first start (b = −1.1) lies in the other,
     * which the scan lists too. The fit's optimum falls in the best basin's grid cell.
     */
    @Test
    void theBestBasinIsTheGlobalOneWhateverTheStart() {
        BasinScan scan = scan(SINE, DATA, FitOptions.defaults(), new double[] {-1.8, -1.1});
        assertEquals(1, scan.nonlinearCount(), "a is linear, b is not");
        List<BasinScan.Basin> basins = scan.basins(1);
        assertTrue(basins.size() >= 2, "basins " + basins.size());
        double last = Double.NEGATIVE_INFINITY;
        boolean second = false;
        for (BasinScan.Basin basin : basins) {
            double b = basin.p()[1];
            assertEquals(profileA(b), basin.p()[0], 1e-9 * Math.abs(profileA(b)), "a(b) at b = " + b);
            assertEquals(profile(b), basin.objective(), 1e-9 * profile(b), "φ(b) at b = " + b);
            assertTrue(basin.objective() >= last, "best first");
            last = basin.objective();
            second |= b > -1.700 && b < -0.716;
        }
        double best = basins.get(0).p()[1];
        assertTrue(best > 0.609 && best < 1.391, "the global basin first: b = " + best);
        assertTrue(second, "the start's own basin is listed too");
        // SciPy's global optimum (b = 1.0003281754) lies in the best basin's cell; the second optimum in another.
        double[] global = {1.9995013003387843, 1.0003281754038158};
        double[] other = {-1.830214481820762, -1.1219771080107674};
        assertArrayEquals(basins.get(0).cell(), scan.cell(global));
        assertFalse(BasinScan.adjacent(scan.cell(global), scan.cell(other)));
    }

    /** Two cells are one basin when they are equal or neighbours in every coordinate. */
    @Test
    void adjacentCellsDifferByAtMostOneInEveryCoordinate() {
        assertTrue(BasinScan.adjacent(new int[] {3, 4}, new int[] {3, 4}));
        assertTrue(BasinScan.adjacent(new int[] {3, 4}, new int[] {4, 3}));
        assertTrue(BasinScan.adjacent(new int[] {3, 4}, new int[] {2, 5}));
        assertFalse(BasinScan.adjacent(new int[] {3, 4}, new int[] {5, 4}));
        assertFalse(BasinScan.adjacent(new int[] {3, 4}, new int[] {3, 2}));
        assertFalse(BasinScan.adjacent(new int[] {3, 4}, new int[] {1, 4}));
        assertTrue(BasinScan.adjacent(new int[] {}, new int[] {}));
    }

    /** With b moved, the linear a is re-solved: a(b) in closed form; inside a bound, 1e-3 of its width inside the end. */
    @Test
    void theLinearParametersAreSolvedForTheOthers() {
        BasinScan scan = scan(SINE, DATA, FitOptions.defaults(), new double[] {1, 1});
        for (double b : new double[] {1.0003281754038158, -1.1219771080107674, 0.3, 3}) {
            double[] p = scan.withLinearSolved(new double[] {123, b});
            assertEquals(b, p[1], 0);
            assertEquals(profileA(b), p[0], 1e-10 * Math.abs(profileA(b)), "a(" + b + ")");
        }
        double[] in = {123, 1};
        scan.withLinearSolved(in);
        assertEquals(123, in[0], 0, "the argument is not changed");
        // a(1) = 1.99927 lies above the bound [0.5, 1]: it is put 1e-3 of the width inside, at 0.9995; with the half-open
        // bound (−∞, 1], 1e-3·max(1, |a|) = 2.0e-3 inside; below [3, ∞), as far inside 3.
        BasinScan bounded = scan(SINE, DATA, FitOptions.builder().bound("a", new Bound(0.5, 1)).build(), new double[] {0.75, 1});
        assertEquals(0.9995, bounded.withLinearSolved(new double[] {0.75, 1})[0], 1e-15);
        BasinScan upper = scan(SINE, DATA, FitOptions.builder().bound("a", new Bound(Double.NEGATIVE_INFINITY, 1)).build(),
                new double[] {0.5, 1});
        assertEquals(1 - 1e-3 * profileA(1), upper.withLinearSolved(new double[] {0.5, 1})[0], 1e-12);
        BasinScan lower = scan(SINE, DATA, FitOptions.builder().bound("a", new Bound(3, Double.POSITIVE_INFINITY)).build(),
                new double[] {4, 1});
        assertEquals(3 + 1e-3 * profileA(1), lower.withLinearSolved(new double[] {4, 1})[0], 1e-12);
        // Where the model cannot be evaluated (ln of a negative number) nothing is solved: p comes back as it was.
        Law log = new ExpressionLaw("a*log(x - b)", List.of("x"));
        BasinScan none = scan(log, DATA, FitOptions.defaults(), new double[] {1, 0});
        assertArrayEquals(new double[] {7, 5}, none.withLinearSolved(new double[] {7, 5}), 0);
    }

    /**
     * In log space the residual is about the relative error, so the linear parameters of E + A·x^(−α) are weighted least
     * squares with weights 1/y²: the 2×2 normal equations solved here by Cramer's rule. When that puts A (a positive
     * parameter) at or below 0 — data rising with x while α > 0 — A is set where its term is a thousandth of the data's
     * scale, 1e-3·√(Σy²/Σφ²) with φ = x^(−α), and E is re-solved with A held: E = Σw(y − Aφ)/Σw.
     */
    @Test
    void inLogSpaceTheSolveIsWeightedAndKeepsAPositive() {
        double[] x = {1, 2, 4, 8, 16, 32};
        double[] y = {5.1, 3.9, 3.2, 2.85, 2.62, 2.55};
        Law law = new OffsetPowerLaw();
        Observations data = Observations.of(x, y);
        BasinScan scan = scan(law, data, FitOptions.defaults(), new double[] {2, 3, 0.7});
        assertEquals(1, scan.nonlinearCount());
        double alpha = 0.7;
        double s0 = 0;
        double s1 = 0;
        double s11 = 0;
        double t0 = 0;
        double t1 = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1 / (y[i] * y[i]);
            double phi = Math.pow(x[i], -alpha);
            s0 += w;
            s1 += w * phi;
            s11 += w * phi * phi;
            t0 += w * y[i];
            t1 += w * phi * y[i];
        }
        double det = s0 * s11 - s1 * s1;
        double e = (t0 * s11 - s1 * t1) / det;
        double a = (s0 * t1 - s1 * t0) / det;
        double[] p = scan.withLinearSolved(new double[] {0, 1, alpha});
        assertEquals(e, p[0], 1e-9 * Math.abs(e));
        assertEquals(a, p[1], 1e-9 * Math.abs(a));
        assertEquals(alpha, p[2], 0);

        double[] rising = {1.0, 1.5, 2.1, 2.6, 3.2, 3.9};
        Observations up = Observations.of(x, rising);
        BasinScan held = scan(law, up, FitOptions.defaults(), new double[] {2, 3, 0.7});
        double ys = 0;
        double ps = 0;
        double sw = 0;
        double swr = 0;
        for (int i = 0; i < x.length; i++) {
            double phi = Math.pow(x[i], -alpha);
            ys += rising[i] * rising[i];
            ps += phi * phi;
        }
        double aHeld = 1e-3 * Math.sqrt(ys / ps);
        for (int i = 0; i < x.length; i++) {
            double w = 1 / (rising[i] * rising[i]);
            sw += w;
            swr += w * (rising[i] - aHeld * Math.pow(x[i], -alpha));
        }
        double[] q = held.withLinearSolved(new double[] {0, 1, alpha});
        assertEquals(aHeld, q[1], 1e-12 * aHeld);
        assertEquals(swr / sw, q[0], 1e-9 * Math.abs(swr / sw));
    }

    /**
     * With five or more parameters outside the linear set the grid gives way to seeded random points: the same seed
     * gives the same basins, each scored by the objective at its point, best first and no two in neighbouring cells.
     */
    @Test
    void beyondFourNonlinearParametersTheSeededPointsAreReproducible() {
        Law law = new ExpressionLaw("exp(-b1*x) + exp(-b2*x) + exp(-b3*x) + exp(-b4*x) + exp(-b5*x)", List.of("x"));
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = Math.exp(-0.1 * X[i]) + Math.exp(-0.5 * X[i]) + Math.exp(-X[i]) + Math.exp(-2 * X[i]) + Math.exp(-5 * X[i]);
        }
        Observations data = Observations.of(X, y);
        double[] start = {1, 1, 1, 1, 1};
        BasinScan scan = scan(law, data, FitOptions.defaults(), start);
        assertEquals(5, scan.nonlinearCount());
        List<BasinScan.Basin> one = scan.basins(7);
        List<BasinScan.Basin> again = scan(law, data, FitOptions.defaults(), start).basins(7);
        List<BasinScan.Basin> other = scan.basins(8);
        assertEquals(one.size(), again.size());
        assertTrue(one.size() > 1);
        for (int k = 0; k < one.size(); k++) {
            assertArrayEquals(one.get(k).p(), again.get(k).p(), 0);
        }
        assertNotEquals(one.get(0).objective(), other.get(0).objective());
        for (int k = 0; k < one.size(); k++) {
            double[] p = one.get(k).p();
            double rss = 0;
            for (int i = 0; i < X.length; i++) {
                double f = 0;
                for (double b : p) {
                    f += Math.exp(-b * X[i]);
                }
                rss += (y[i] - f) * (y[i] - f);
            }
            assertEquals(rss, one.get(k).objective(), 1e-12 * rss + 1e-300);
            if (k > 0) {
                assertTrue(one.get(k).objective() >= one.get(k - 1).objective());
            }
            for (int l = 0; l < k; l++) {
                assertFalse(BasinScan.adjacent(one.get(k).cell(), one.get(l).cell()));
            }
        }
    }
    /**
     * A first start whose value is already a level (b = 1, on the ladder at order one) adds nothing to the grid: the
     * levels stay sorted and distinct, so the basins are distinct points, the global one first.
     */
    @Test
    void aStartOnALevelLeavesTheLevelsDistinct() {
        List<BasinScan.Basin> basins = scan(SINE, DATA, FitOptions.defaults(), new double[] {2, 1}).basins(1);
        assertTrue(basins.size() >= 2);
        assertEquals(1.0, basins.get(0).p()[1], 0.391);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (BasinScan.Basin basin : basins) {
            assertTrue(seen.add(basin.p()[1]), "b = " + basin.p()[1] + " twice");
            assertEquals(profile(basin.p()[1]), basin.objective(), 1e-9 * profile(basin.p()[1]));
        }
    }
    /**
     * Inside a bound the levels are spread evenly over it, at (k + ½)/40 of b ∈ [0.2, 3] for one nonlinear parameter (0.235,
     * 0.305, …, 2.965), plus the first start's own value; the global basin is still found first, at the level 1.005, and the
     * optimum falls in its cell.
     */
    @Test
    void insideABoundTheLevelsSpreadEvenlyOverIt() {
        FitOptions options = FitOptions.builder().bound("b", new Bound(0.2, 3)).build();
        BasinScan scan = scan(SINE, DATA, options, new double[] {-1.8, 2.5});
        List<BasinScan.Basin> basins = scan.basins(1);
        assertTrue(!basins.isEmpty());
        for (BasinScan.Basin basin : basins) {
            double b = basin.p()[1];
            double k = (b - 0.2) / 2.8 * 40 - 0.5;
            assertTrue(b == 2.5 || Math.abs(k - Math.round(k)) < 1e-9, "b = " + b + " is no level");
            assertTrue(b > 0.2 && b < 3);
            assertEquals(profile(b), basin.objective(), 1e-9 * profile(b));
        }
        assertEquals(0.2 + 11.5 * 0.07, basins.get(0).p()[1], 1e-12);
        assertArrayEquals(basins.get(0).cell(), scan.cell(new double[] {1.9995013003387843, 1.0003281754038158}));
    }
}
