package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;
import org.scalefit.model.ParameterDomain;

/**
 * The changes of variables between a parameter and the optimiser's coordinate (MINUIT's transforms, James &amp; Roos
 * 1975; the MINUIT user's guide, section "Parameter limits"), the bounds a user types and the constraints the engine
 * lists. Every expected value is a closed form of the transform worked in the comment beside it.
 */
class TransformTest {
    private static final double H = 1e-6;

    /** dp/dθ against the central difference of toExternal (error O(h²) ≈ 1e-12 for these smooth maps). */
    private static void derivativeIsTheSlope(Transform t, double theta) {
        double fd = (t.toExternal(theta + H) - t.toExternal(theta - H)) / (2 * H);
        assertEquals(fd, t.derivative(theta), 1e-7 * Math.max(1, Math.abs(fd)), t + " at θ = " + theta);
    }

    @Test
    void eachBoundChoosesItsTransform() {
        assertInstanceOf(Transform.Identity.class, Transform.of(ParameterDomain.REAL, null));
        assertInstanceOf(Transform.Log.class, Transform.of(ParameterDomain.POSITIVE, null));
        Bound whole = Bound.parse(":");
        assertInstanceOf(Transform.Identity.class, Transform.of(ParameterDomain.REAL, whole));
        // A positive parameter's unbounded bound still starts at the smallest normal double.
        assertEquals(new Transform.Lower(Double.MIN_NORMAL), Transform.of(ParameterDomain.POSITIVE, whole));
        assertEquals(new Transform.Lower(2), Transform.of(ParameterDomain.REAL, new Bound(2, Double.POSITIVE_INFINITY)));
        assertEquals(new Transform.Upper(-3), Transform.of(ParameterDomain.REAL, new Bound(Double.NEGATIVE_INFINITY, -3)));
        assertEquals(new Transform.Interval(-1, 4), Transform.of(ParameterDomain.REAL, new Bound(-1, 4)));
        // A positive parameter bounded from 0 (or below) starts at the smallest normal double instead.
        assertEquals(new Transform.Interval(Double.MIN_NORMAL, 4), Transform.of(ParameterDomain.POSITIVE, new Bound(0, 4)));
        assertEquals(new Transform.Lower(Double.MIN_NORMAL),
                Transform.of(ParameterDomain.POSITIVE, new Bound(-5, Double.POSITIVE_INFINITY)));
        assertEquals(new Transform.Interval(0.5, 4), Transform.of(ParameterDomain.POSITIVE, new Bound(0.5, 4)));
        InvalidDataException none = assertThrows(InvalidDataException.class,
                () -> Transform.of(ParameterDomain.POSITIVE, new Bound(-5, -1)));
        assertEquals("bound -5.0:-1.0 leaves no positive values", none.getMessage());
        assertThrows(InvalidDataException.class, () -> Transform.of(ParameterDomain.POSITIVE, new Bound(0, Double.MIN_NORMAL)),
                "an interval ending at the smallest positive number holds no positive value above it");
        // A law's range: on the log scale for a positive parameter with a positive lower end, else linear.
        assertEquals(new Transform.LogInterval(1, 100), Transform.ofRange(ParameterDomain.POSITIVE, new Bound(1, 100)));
        assertEquals(new Transform.Interval(0, 100), Transform.ofRange(ParameterDomain.POSITIVE, new Bound(0, 100)));
        assertEquals(new Transform.Interval(1, 100), Transform.ofRange(ParameterDomain.REAL, new Bound(1, 100)));
    }

    @Test
    void theLowerBoundsSquareRootMap() {
        // p = lo − s + s·√(θ² + 1) with s = max(1, |lo|): at θ = 0 exactly lo; at θ = √3 (√(θ²+1) = 2) lo + s.
        Transform.Lower small = new Transform.Lower(0.5);
        assertEquals(0.5, small.toExternal(0), 0);
        assertEquals(1.5, small.toExternal(Math.sqrt(3)), 1e-15);
        assertEquals(1.5, small.toExternal(-Math.sqrt(3)), 1e-15, "even in θ");
        assertEquals(Math.sqrt(3), small.toInternal(1.5), 1e-15);
        assertEquals(0, small.toInternal(0.5), 0);
        assertEquals(0, small.toInternal(0.2), 0, "below the bound: clamped to the bound's θ");
        Transform.Lower large = new Transform.Lower(-200);
        assertEquals(0, large.toExternal(Math.sqrt(3)), 1e-12, "s = 200: −200 − 200 + 400");
        assertEquals(Math.sqrt(3), large.toInternal(0), 1e-14);
        assertEquals(Math.sqrt(8), large.toInternal(200), 1e-14, "(200 + 200)/200 + 1 = 3, √(3² − 1)");
        // dp/dθ = s·θ/√(θ² + 1): at θ = √3, s·√3/2.
        assertEquals(Math.sqrt(3) / 2, small.derivative(Math.sqrt(3)), 1e-15);
        assertEquals(200 * Math.sqrt(3) / 2, large.derivative(Math.sqrt(3)), 1e-12);
        for (double theta : new double[] {-2, -0.3, 0.7, 5}) {
            derivativeIsTheSlope(small, theta);
            derivativeIsTheSlope(large, theta);
            assertEquals(Math.abs(theta), small.toInternal(small.toExternal(theta)), 1e-9);
        }
    }

    @Test
    void theUpperBoundsSquareRootMap() {
        // p = hi + s − s·√(θ² + 1), the mirror image of the lower bound's.
        Transform.Upper small = new Transform.Upper(0.5);
        assertEquals(0.5, small.toExternal(0), 0);
        assertEquals(-0.5, small.toExternal(Math.sqrt(3)), 1e-15);
        assertEquals(Math.sqrt(3), small.toInternal(-0.5), 1e-15);
        assertEquals(0, small.toInternal(0.9), 0, "above the bound: clamped");
        Transform.Upper large = new Transform.Upper(300);
        assertEquals(0, large.toExternal(Math.sqrt(3)), 1e-12, "300 + 300 − 600");
        assertEquals(Math.sqrt(3), large.toInternal(0), 1e-14);
        assertEquals(-Math.sqrt(3) / 2, small.derivative(Math.sqrt(3)), 1e-15);
        assertEquals(-300 * Math.sqrt(3) / 2, large.derivative(Math.sqrt(3)), 1e-12);
        for (double theta : new double[] {-2, -0.3, 0.7, 5}) {
            derivativeIsTheSlope(small, theta);
            derivativeIsTheSlope(large, theta);
            assertEquals(Math.abs(theta), large.toInternal(large.toExternal(theta)), 1e-9);
        }
    }

    @Test
    void theIntervalsSineMap() {
        // p = lo + (hi − lo)(sin θ + 1)/2: lo at θ = −π/2, the middle at 0, hi at π/2; dp/dθ = (hi − lo)cos θ/2.
        Transform.Interval t = new Transform.Interval(-1, 4);
        assertEquals(1.5, t.toExternal(0), 1e-15);
        assertEquals(-1, t.toExternal(-Math.PI / 2), 0);
        assertEquals(4, t.toExternal(Math.PI / 2), 0);
        assertEquals(-1 + 5 * (Math.sin(0.4) + 1) / 2, t.toExternal(0.4), 1e-15);
        assertEquals(0, t.toInternal(1.5), 1e-15);
        assertEquals(Math.PI / 2, t.toInternal(4), 1e-15);
        assertEquals(-Math.PI / 2, t.toInternal(-1), 1e-15);
        assertEquals(Math.PI / 2, t.toInternal(9), 1e-15, "beyond the bound: clamped to its end");
        assertEquals(-Math.PI / 2, t.toInternal(-7), 1e-15);
        assertEquals(Math.asin(0.2), t.toInternal(2), 1e-15, "2·(2 + 1)/5 − 1 = 0.2");
        assertEquals(2.5, t.derivative(0), 1e-15);
        assertEquals(2.5 * Math.cos(1.1), t.derivative(1.1), 1e-15);
        for (double theta : new double[] {-1.2, -0.3, 0.7, 1.4}) {
            derivativeIsTheSlope(t, theta);
            assertEquals(theta, t.toInternal(t.toExternal(theta)), 1e-9);
        }
        // The log-scale interval of a law's range: ln p moves as the sine, so the middle is the geometric mean.
        Transform.LogInterval g = new Transform.LogInterval(1, 100);
        assertEquals(10, g.toExternal(0), 1e-12);
        assertEquals(1, g.toExternal(-Math.PI / 2), 1e-12);
        assertEquals(100, g.toExternal(Math.PI / 2), 1e-12);
        assertEquals(0, g.toInternal(10), 1e-15);
        assertEquals(Math.PI / 2, g.toInternal(1e4), 1e-15, "clamped");
        for (double theta : new double[] {-1.2, 0.3, 1.4}) {
            derivativeIsTheSlope(g, theta);
        }
        // Unbounded maps: identity, and exp for a positive scale.
        Transform.Log log = new Transform.Log();
        assertEquals(Math.E, log.toExternal(1), 1e-15);
        assertEquals(1, log.toInternal(Math.E), 1e-15);
        assertEquals(Math.exp(2), log.derivative(2), 1e-12);
        Transform.Identity id = new Transform.Identity();
        assertEquals(-3, id.toExternal(-3), 0);
        assertEquals(-3, id.toInternal(-3), 0);
        assertEquals(1, id.derivative(7), 0);
    }

    @Test
    void boundsAreParsedFromLoColonHi() {
        assertEquals(new Bound(0, 2), Bound.parse("0:2"));
        assertEquals(new Bound(0, Double.POSITIVE_INFINITY), Bound.parse("0:"));
        assertEquals(new Bound(Double.NEGATIVE_INFINITY, 1.5), Bound.parse(" :1.5 "));
        assertEquals(new Bound(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), Bound.parse("-inf:inf"));
        assertEquals(new Bound(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), Bound.parse("-Infinity:+INF"));
        assertEquals(new Bound(-1e-3, 1e6), Bound.parse(" -1e-3 : 1e6"));
        assertEquals(new Bound(2, Double.POSITIVE_INFINITY), Bound.parse("2:infinity"));
        InvalidDataException colon = assertThrows(InvalidDataException.class, () -> Bound.parse("0-2"));
        assertEquals("bound \"0-2\" must look like LO:HI (either side may be empty)", colon.getMessage());
        InvalidDataException word = assertThrows(InvalidDataException.class, () -> Bound.parse("0:two"));
        assertEquals("bound \"0:two\": \"two\" is not a number", word.getMessage());
        InvalidDataException order = assertThrows(InvalidDataException.class, () -> Bound.parse("2:1"));
        assertEquals("bound needs lower < upper, got 2.0:1.0", order.getMessage());
        assertThrows(InvalidDataException.class, () -> new Bound(1, 1), "an empty interval");
        assertThrows(InvalidDataException.class, () -> new Bound(Double.NaN, 1));
        assertThrows(InvalidDataException.class, () -> new Bound(0, Double.NaN));
        assertThrows(InvalidDataException.class, () -> Bound.parse("inf:-inf"));
        // Both ends belong to the interval.
        Bound b = new Bound(0, 2);
        assertTrue(b.contains(0) && b.contains(2) && b.contains(1));
        assertFalse(b.contains(-1e-300) || b.contains(2.000001) || b.contains(Double.NaN));
        assertEquals("0.0:2.0", b.toString());
        assertEquals("0.0:", Bound.parse("0:").toString());
        assertEquals(":-1.0", Bound.parse(":-1").toString());
        assertEquals(":", Bound.parse(":").toString());
    }

    @Test
    void aConstraintSaysWhereItComesFromAndHowToLiftIt() {
        Constraint range = new Constraint("d1", 5e5, 1.3e9, Constraint.Source.RANGE, "a break beyond the data");
        assertTrue(range.liftable());
        assertEquals(OptionKey.BOUND.with("d1=LO:HI"), range.liftedBy());
        assertEquals("d1 in [500000, 1.3e+09]: a break beyond the data; lift with " + OptionKey.BOUND.with("d1=LO:HI"),
                range.describe());
        assertEquals("range", Constraint.Source.RANGE.label());
        Constraint domain = new Constraint("A", 0, Double.POSITIVE_INFINITY, Constraint.Source.DOMAIN,
                "the law's domain; fitted as ln A");
        assertFalse(domain.liftable());
        assertEquals("", domain.liftedBy());
        assertEquals("A > 0: the law's domain; fitted as ln A", domain.describe());
        assertEquals("domain", Constraint.Source.DOMAIN.label());
        // Five significant digits for a range's ends, six for a domain's.
        assertEquals("s in [0.12346, 2]: r; lift with " + OptionKey.BOUND.with("s=LO:HI"),
                new Constraint("s", 0.123456789, 2, Constraint.Source.RANGE, "r").describe());
        assertEquals("s > 0.123457: r", new Constraint("s", 0.123456789, Double.POSITIVE_INFINITY,
                Constraint.Source.DOMAIN, "r").describe());
    }
}
