package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.BrokenPowerLaw;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The problem the optimiser solves ({@link Problem#of}): which parameters are free, how each is transformed, the bounds
 * and the constraints listed with the fit (a law's domain, a law's range for these data), the rows in canonical order,
 * and the weighted residuals and Jacobian. Expected values are closed forms worked in the comments.
 */
class ProblemTest {
    private static final double[] X = {4, 1, 16, 2, 8};
    private static final double[] Y = {2.5, 10, 0.6, 5, 1.2};

    @Test
    void aPositiveParameterIsFittedOnTheLogScaleAndSaysSo() {
        Observations data = Observations.of(X, Y);
        Problem plain = Problem.of(new PowerLaw(), data, FitOptions.defaults(), Space.LOG);
        assertEquals(2, plain.m);
        assertArrayEquals(new int[] {0, 1}, plain.free);
        assertEquals(new Transform.Log(), plain.transforms[0]);
        assertEquals(new Transform.Identity(), plain.transforms[1]);
        assertNull(plain.bounds[0]);
        assertEquals(List.of(new Constraint("a", 0, Double.POSITIVE_INFINITY, Constraint.Source.DOMAIN,
                "the law's domain; fitted as ln a")), plain.constraints);
        // A bound from 0 on a positive parameter: its lower end is read as the smallest positive number, and said so.
        Problem fromZero = Problem.of(new PowerLaw(), data, FitOptions.builder().bound("a", new Bound(0, 50)).build(), Space.LOG);
        assertEquals(List.of(new Constraint("a", 0, Double.POSITIVE_INFINITY, Constraint.Source.DOMAIN,
                "the law's domain; fitted as ln a (the bound's lower end 0.0 counts as the smallest positive number)")),
                fromZero.constraints);
        assertEquals(new Bound(0, 50), fromZero.bounds[0]);
        assertFalse(fromZero.fromLaw[0]);
        assertEquals(new Transform.Interval(Double.MIN_NORMAL, 50), fromZero.transforms[0]);
        // A positive lower end needs no remark.
        Problem fromOne = Problem.of(new PowerLaw(), data, FitOptions.builder().bound("a", new Bound(1, 50)).build(), Space.LOG);
        assertEquals("the law's domain; fitted as ln a", fromOne.constraints.get(0).reason());
        // Held alpha: one free parameter, its value in the template.
        Problem held = Problem.of(new PowerLaw(), data, FitOptions.builder().fix("alpha", 1.5).build(), Space.LOG);
        assertEquals(1, held.m);
        assertArrayEquals(new int[] {0}, held.free);
        assertEquals(1.5, held.template[1], 0);
        double[] p = new double[2];
        held.toFull(new double[] {Math.log(3)}, p);
        assertArrayEquals(new double[] {3, 1.5}, p, 1e-15);
        assertArrayEquals(new double[] {Math.log(3)}, held.toInternal(new double[] {3, 1.5}), 1e-15);
    }

    @Test
    void aLawsRangeBecomesABoundTheFitListsAndCanLift() {
        // A broken power law's break location is kept within the data's x: [1, 16] here, on a log scale (a positive
        // parameter with a positive lower end), and its sharpness within [1e-4·ln 16, ln 16].
        BrokenPowerLaw law = new BrokenPowerLaw(1);
        double[] x = {1, 2, 3, 4, 6, 8, 12, 16};
        double[] y = {10, 7, 5.8, 5, 4.3, 3.9, 3.5, 3.2};
        Observations data = Observations.of(x, y);
        Problem problem = Problem.of(law, data, FitOptions.defaults(), Space.LOG);
        List<String> names = law.parameters();
        int d = -1;
        int f = -1;
        for (int a = 0; a < problem.m; a++) {
            if (law.range(problem.free[a], data).isPresent()) {
                if (d < 0) {
                    d = a;
                } else {
                    f = a;
                }
            }
        }
        assertEquals(new Bound(1, 16), problem.bounds[d]);
        assertTrue(problem.fromLaw[d]);
        assertEquals(new Transform.LogInterval(1, 16), problem.transforms[d]);
        double span = Math.log(16);
        assertEquals(new Bound(1e-4 * span, span), problem.bounds[f]);
        assertTrue(problem.fromLaw[f]);
        String dName = names.get(problem.free[d]);
        assertTrue(problem.constraints.contains(new Constraint(dName, 1, 16, Constraint.Source.RANGE,
                "a break beyond the data's x cannot be told from a change of b and c0")), problem.constraints.toString());
        // The user's bound replaces the range: no range constraint for that parameter, and its bound is the user's.
        Problem lifted = Problem.of(law, data, FitOptions.builder().bound(dName, new Bound(0.5, 40)).build(), Space.LOG);
        assertEquals(new Bound(0.5, 40), lifted.bounds[d]);
        assertFalse(lifted.fromLaw[d]);
        assertFalse(lifted.constraints.stream().anyMatch(c -> c.parameter().equals(dName) && c.liftable()),
                lifted.constraints.toString());
    }

    @Test
    void aValueRestsOnABoundWithinARelativeMillionth() {
        Observations data = Observations.of(X, Y);
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        Problem p = Problem.of(line, data, FitOptions.builder().bound("a", new Bound(0, 2)).bound("b", Bound.parse("-300:"))
                .build(), Space.LINEAR);
        // a in [0, 2]: within 1e-6·max(1, |end|) of an end.
        assertTrue(p.atBound(0, 1e-6));
        assertFalse(p.atBound(0, 1.1e-6));
        assertTrue(p.atBound(0, 2 - 2e-6 + 1e-12), "1e-6·max(1, 2) = 2e-6 from the upper end");
        assertFalse(p.atBound(0, 2 - 2.1e-6));
        assertFalse(p.atBound(0, 1));
        // b ≥ −300: 3e-4 from it still rests on it; the infinite upper end is never reached.
        assertTrue(p.atBound(1, -300 + 2.9e-4));
        assertFalse(p.atBound(1, -300 + 3.1e-4));
        assertFalse(p.atBound(1, 1e300));
        Problem free = Problem.of(line, data, FitOptions.builder().build(), Space.LINEAR);
        assertFalse(free.atBound(0, 0), "no bound");
        Problem upperOnly = Problem.of(line, data, FitOptions.builder().bound("a", Bound.parse(":5")).build(), Space.LINEAR);
        assertTrue(upperOnly.atBound(0, 5 - 4e-6));
        assertFalse(upperOnly.atBound(0, -1e300), "the infinite lower end is never reached");
    }

    @Test
    void rowsAreSortedAndResidualsWeighted() {
        // Rows sorted by x: order[k] is the data index of the k-th smallest x.
        double[] w = {4, 1, 0.25, 9, 1};
        Observations data = Observations.builder().predictor("x", X).response("y", Y).weights("w", w).build();
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        Problem p = Problem.of(line, data, FitOptions.builder().build(), Space.LINEAR);
        assertArrayEquals(new int[] {1, 3, 0, 4, 2}, p.order);
        assertArrayEquals(new double[] {10, 5, 2.5, 1.2, 0.6}, p.target, 0);
        assertArrayEquals(new double[] {1, 3, 2, 1, 0.5}, p.sqrtW, 0);
        assertEquals(5, p.n);
        // rᵢ = √wᵢ(yᵢ − a − b·xᵢ) at a = 1, b = 0.5, in row order.
        double[] r = new double[5];
        assertEquals(0, p.residuals(new double[] {1, 0.5}, r));
        assertArrayEquals(new double[] {1 * (10 - 1.5), 3 * (5 - 2), 2 * (2.5 - 3), 1 * (1.2 - 5), 0.5 * (0.6 - 9)}, r, 1e-14);
        // The Jacobian of √wᵢ·gᵢ: columns √wᵢ and √wᵢ·xᵢ.
        double[][] jac = new double[5][2];
        p.jacobianP(new double[] {1, 0.5}, jac, new double[2]);
        assertArrayEquals(new double[] {3, 6}, jac[1], 1e-12);
        assertArrayEquals(new double[] {0.5, 8}, jac[4], 1e-12);
        // In log space the target is ln y.
        Problem log = Problem.of(new PowerLaw(), data, FitOptions.defaults(), Space.LOG);
        assertEquals(Math.log(10), log.target[0], 0);
        // Where the model cannot be evaluated the residual is NaN and counted.
        Law pole = new ExpressionLaw("a/(x - b)", List.of("x"));
        Problem q = Problem.of(pole, data, FitOptions.builder().build(), Space.LINEAR);
        double[] rq = new double[5];
        assertEquals(1, q.residuals(new double[] {1, 4}, rq), "x = 4 is the pole");
        assertTrue(Double.isNaN(rq[2]), java.util.Arrays.toString(rq));
        assertEquals(1 * (10 - 1.0 / (1 - 4)), rq[0], 1e-14);
        double[][] jq = new double[5][2];
        q.jacobianP(new double[] {1, 4}, jq, new double[2]);
        assertArrayEquals(new double[] {0, 0}, jq[2], 0, "a non-finite derivative enters as 0");
    }
}
