package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * Where the engine starts: the {@link Starts} strategies and their parsing, the {@link Solver} names, and the start
 * points {@link StartGenerator} builds from them. Every expected start is worked out from the rules the Javadoc states
 * (the grid: scales ×10^k and other parameters shifted by k·max(|p|, 1); random start s drawn from
 * {@code Seeds.random(seed, stream, s)}; a start moved 1e-3 of its bound's width inside it), not read back from the code.
 */
class StartsTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final double[] Y = {2.0, 1.3, 0.9, 0.7, 0.55, 0.45};
    private static final Observations DATA = Observations.of(X, Y);

    // ---------- Starts ----------

    @Test
    void parsedStrategiesSayWhatTheyAdd() {
        Starts both = Starts.parse(" Grid+RANDOM:20 ");
        assertTrue(both.withGrid());
        assertEquals(20, both.randomCount());
        assertEquals("Grid+RANDOM:20", both.name());
        assertTrue(both.includeGuess());
        assertFalse(both.isAuto());

        Starts auto = Starts.parse("auto");
        assertTrue(auto.isAuto());
        assertFalse(auto.withGrid());
        assertEquals(0, auto.randomCount());
        assertTrue(Starts.parse("auto+grid").withGrid());
        assertEquals(7, Starts.parse("random: 7").randomCount());
        assertEquals(1, Starts.parse("random:1").randomCount(), "one random start is the least");

        assertTrue(Starts.auto().isAuto());
        assertFalse(Starts.grid().isAuto());
        assertFalse(Starts.random(1).isAuto());
        assertFalse(Starts.explicit("mine", List.<double[]>of(new double[] {1, 2})).isAuto());
        assertFalse(Starts.warm(new double[] {1, 2}).isAuto());
        assertFalse(Starts.warm(new double[] {1, 2}).includeGuess());
        assertEquals("random:3", Starts.random(3).name());
        assertEquals(1, Starts.warm(new double[] {1, 2}).explicitCount());
    }

    @Test
    void badStrategiesAreRefusedByName() {
        InvalidOptionException zero = assertThrows(InvalidOptionException.class, () -> Starts.parse("random:0"));
        assertTrue(zero.getMessage().contains("random needs at least 1 start"), zero.getMessage());
        InvalidOptionException word = assertThrows(InvalidOptionException.class, () -> Starts.parse("random:many"));
        assertTrue(word.getMessage().contains("\"many\" is not a whole number"), word.getMessage());
        InvalidOptionException unknown = assertThrows(InvalidOptionException.class, () -> Starts.parse("grid+sobol"));
        assertTrue(unknown.getMessage().contains("use auto, grid, random:N, grid+random:N or hoffmann-grid"), unknown.getMessage());

        InvalidDataException negative = assertThrows(InvalidDataException.class, () -> new Starts(false, -1, List.of(), "x"));
        assertTrue(negative.getMessage().contains("must be ≥ 0, got -1"), negative.getMessage());
        InvalidDataException many = assertThrows(InvalidDataException.class,
                () -> new Starts(false, Starts.MAX_RANDOM + 1, List.of(), "x"));
        assertTrue(many.getMessage().contains("at most 100000 random starts, got 100001"), many.getMessage());
        assertEquals(Starts.MAX_RANDOM, new Starts(false, Starts.MAX_RANDOM, List.of(), "x").randomCount());
        assertEquals(0, new Starts(false, 0, List.of(), "x").randomCount());
        InvalidDataException empty = assertThrows(InvalidDataException.class,
                () -> new Starts(false, 0, List.of(), "nothing", false));
        assertTrue(empty.getMessage().contains("starts \"nothing\" exclude the data-driven guess but give no start point"),
                empty.getMessage());
    }

    /** The points are copied in and out: a caller changing its array changes no strategy. */
    @Test
    void explicitPointsAreCopies() {
        double[] point = {1, 2};
        Starts warm = Starts.warm(point);
        point[0] = 99;
        assertArrayEquals(new double[] {1, 2}, warm.explicit().get(0));
        warm.explicit().get(0)[1] = 99;
        assertArrayEquals(new double[] {1, 2}, warm.explicit().get(0));
    }

    /**
     * Hoffmann et al.'s grid as Epoch AI's replication runs it (Besiroglu et al. 2024, as
     * {@link Starts#hoffmannGrid()} quotes it): α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}, in the law's order (eᵉ, eᵃ, eᵇ, α, β),
     * every combination once, 5·5·5·6·6 = 4,500, and no data-driven guess.
     */
    @Test
    void hoffmannGridIsEveryCombinationOnce() {
        Starts grid = Starts.parse(" Hoffmann-Grid ");
        assertEquals(Starts.HOFFMANN_GRID, grid.name());
        assertFalse(grid.includeGuess());
        assertFalse(grid.isAuto());
        List<double[]> points = grid.explicit();
        assertEquals(4500, grid.explicitCount());
        Set<List<Long>> seen = new HashSet<>();
        for (double[] p : points) {
            long e = Math.round(2 * Math.log(p[0]));
            long a = Math.round(Math.log(p[1]) / 5);
            long b = Math.round(Math.log(p[2]) / 5);
            long alpha = Math.round(2 * p[3]);
            long beta = Math.round(2 * p[4]);
            assertTrue(e >= -2 && e <= 2 && a >= 0 && a <= 5 && b >= 0 && b <= 5 && alpha >= 0 && alpha <= 4
                    && beta >= 0 && beta <= 4, java.util.Arrays.toString(p));
            assertEquals(Math.exp(e / 2.0), p[0], 1e-15 * p[0]);
            assertEquals(Math.exp(5.0 * a), p[1], 1e-12 * p[1]);
            assertEquals(Math.exp(5.0 * b), p[2], 1e-12 * p[2]);
            assertEquals(alpha / 2.0, p[3], 0);
            assertEquals(beta / 2.0, p[4], 0);
            seen.add(List.of(e, a, b, alpha, beta));
        }
        assertEquals(4500, seen.size());
        // The first point, which wins ties: the lowest of every coordinate.
        assertArrayEquals(new double[] {Math.exp(-1), 1, 1, 0, 0}, points.get(0), 1e-15);
        assertArrayEquals(new double[] {Math.exp(1), Math.exp(25), Math.exp(25), 2, 2}, points.get(4499), 1e-3);
    }

    // ---------- Solver ----------

    @Test
    void solverNamesParseInAnyCase() {
        assertEquals(Solver.AUTO, Solver.parse(" Auto "));
        assertEquals(Solver.LM, Solver.parse("LM"));
        assertEquals(Solver.LM, Solver.parse("levenberg-marquardt"));
        assertEquals(Solver.LBFGS, Solver.parse("lbfgs"));
        assertEquals(Solver.LBFGS, Solver.parse("L-BFGS"));
        assertEquals(Solver.VARPRO, Solver.parse("varpro"));
        assertEquals(Solver.VARPRO, Solver.parse("projection"));
        assertEquals(Solver.VARPRO, Solver.parse("variable-projection"));
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> Solver.parse("newton"));
        assertTrue(e.getMessage().contains("\"newton\": use auto, lm, lbfgs or varpro"), e.getMessage());
        assertEquals("lbfgs", Solver.LBFGS.toString());
        assertEquals("varpro", Solver.VARPRO.toString());
    }

    // ---------- StartGenerator ----------

    private static List<double[]> starts(Law law, FitOptions options) {
        Problem problem = Problem.of(law, DATA, options, Space.resolve(options.space(), law));
        return StartGenerator.starts(problem, law, DATA, options);
    }

    /**
     * A user formula's guess is 1 for every parameter; the user's start value and fixed value replace it. The grid
     * over two free real parameters has 5 levels each, offsets −2…2 times max(|p|, 1): 24 points besides the guess.
     */
    @Test
    void gridShiftsEachRealParameterByMultiplesOfItsSize() {
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        FitOptions options = FitOptions.builder().starts(Starts.grid()).start("b", 4).fix("c", 0.25).build();
        List<double[]> starts = starts(law, options);
        assertEquals(25, starts.size());
        assertArrayEquals(new double[] {1, 4, 0.25}, starts.get(0), 0);
        Set<List<Double>> grid = new HashSet<>();
        for (double[] s : starts.subList(1, starts.size())) {
            assertEquals(0.25, s[2], 0, "a fixed value stays fixed");
            grid.add(List.of(s[0], s[1]));
        }
        Set<List<Double>> expected = new HashSet<>();
        for (double a : new double[] {-1, 0, 1, 2, 3}) {
            for (double b : new double[] {-4, 0, 4, 8, 12}) {
                if (a != 1 || b != 4) {
                    expected.add(List.of(a, b));
                }
            }
        }
        assertEquals(expected, grid);
    }

    /** A positive scale (the power law's a, fitted as ln a) is gridded by decades: a × 10^{−2…2}. */
    @Test
    void gridSpreadsAPositiveScaleOverDecades() {
        Law law = new PowerLaw();
        FitOptions options = FitOptions.builder().starts(Starts.grid()).start("a", 3).start("alpha", 0.5).build();
        List<double[]> starts = starts(law, options);
        assertEquals(25, starts.size());
        assertArrayEquals(new double[] {3, 0.5}, starts.get(0), 0);
        Set<Long> decades = new HashSet<>();
        Set<Double> alphas = new HashSet<>();
        for (double[] s : starts.subList(1, starts.size())) {
            double k = Math.log10(s[0] / 3);
            assertEquals(Math.round(k), k, 1e-12, "a = 3 × 10^k");
            decades.add(Math.round(k));
            alphas.add(s[1]);
        }
        assertEquals(Set.of(-2L, -1L, 0L, 1L, 2L), decades);
        assertEquals(Set.of(-1.5, -0.5, 0.5, 1.5, 2.5), alphas);
    }

    /**
     * The grid's levels shrink as parameters are added (3 for four and five, 2 for more, each then a shift of
     * ±max(|p|, 1), none of them the guess), and it is refused beyond {@value Fitter#MAX_GRID_STARTS} points: ten
     * parameters give 2¹⁰ = 1,024 starts besides the guess, eleven would give 2,048, as the refusal says (it said 2,047 until
     * 2026-12-08: it subtracted the guess, which only an odd number of levels contains).
     */
    @Test
    void gridLevelsShrinkWithTheParameterCountAndStopAtTheCap() {
        assertEquals(1 + 80, starts(formula(4), FitOptions.builder().starts(Starts.grid()).build()).size());
        assertEquals(1 + 242, starts(formula(5), FitOptions.builder().starts(Starts.grid()).build()).size());
        List<double[]> six = starts(formula(6), FitOptions.builder().starts(Starts.grid()).build());
        // With two levels the offsets are ±½ (×2), never 0: no grid point is the guess, so all 2⁶ are kept.
        assertEquals(1 + 64, six.size());
        for (double[] s : six.subList(1, six.size())) {
            for (double v : s) {
                assertTrue(v == 0 || v == 2, "1 ± 1: " + v);
            }
        }
        List<double[]> four = starts(formula(4), FitOptions.builder().starts(Starts.grid()).build());
        for (double[] s : four.subList(1, four.size())) {
            for (double v : s) {
                assertTrue(v == 0 || v == 1 || v == 2, "1 + {−1, 0, 1}: " + v);
            }
        }
        assertEquals(1 + 1024, starts(formula(10), FitOptions.builder().starts(Starts.grid()).build()).size());
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> starts(formula(11), FitOptions.builder().starts(Starts.grid()).build()));
        assertTrue(e.getMessage().contains("would try 2048 starts for the 11 free parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("more than 1024"), e.getMessage());
        // Fixing one brings the eleven back under the cap.
        assertEquals(1 + 1024, starts(formula(11), FitOptions.builder().starts(Starts.grid()).fix("p10", 1).build()).size());
    }

    /** p0 + p1·x + … + p(k−1)·x^(k−1): k real parameters, guess 1 each. */
    private static Law formula(int k) {
        StringBuilder s = new StringBuilder("p0");
        for (int j = 1; j < k; j++) {
            s.append(" + p").append(j).append("*x^").append(j);
        }
        return new ExpressionLaw(s.toString(), List.of("x"));
    }

    /**
     * Random start s is a function of (seed, s) alone: replayed here from {@code Seeds.random(seed, RANDOM_STARTS, s)} by
     * the documented rule — ln a moved by 2z, a real parameter's magnitude max(|p|, 1e-3)·10^{1.5z} with its sign flipped
     * when the next uniform draw is below 0.2, a bounded one moved by z·max(|θ|, 1) in its transform's coordinate.
     */
    @Test
    void randomStartsAreReproducibleFromTheirSeedAlone() {
        Law law = new PowerLaw();
        FitOptions options = FitOptions.builder().starts(Starts.random(40)).seed(11).start("a", 3).start("alpha", -0.5).build();
        List<double[]> starts = starts(law, options);
        assertEquals(41, starts.size());
        assertArrayEquals(new double[] {3, -0.5}, starts.get(0), 0);
        int flipped = 0;
        for (int s = 0; s < 40; s++) {
            SplittableRandom rng = Seeds.random(11, Stream.RANDOM_STARTS, s);
            double za = rng.nextGaussian();
            double zb = rng.nextGaussian();
            boolean flip = rng.nextDouble() < 0.2;
            flipped += flip ? 1 : 0;
            double[] p = starts.get(1 + s);
            assertEquals(Math.exp(Math.log(3) + 2 * za), p[0], 1e-12 * p[0]);
            assertEquals((flip ? 1 : -1) * 0.5 * Math.pow(10, 1.5 * zb), p[1], 1e-12 * Math.abs(p[1]));
        }
        assertTrue(flipped > 0 && flipped < 40, "both signs drawn: " + flipped);
        // The same seed gives the same starts, another seed others; the first of a longer list are the shorter list.
        List<double[]> again = starts(law, options.toBuilder().starts(Starts.random(60)).build());
        for (int s = 0; s < 41; s++) {
            assertArrayEquals(starts.get(s), again.get(s), 0);
        }
        List<double[]> other = starts(law, options.toBuilder().seed(12).build());
        assertNotEquals(starts.get(1)[0], other.get(1)[0]);
        // Later rounds of a retry draw later points of the same sequence, not the first ones again.
        Problem problem = Problem.of(law, DATA, options, Space.LOG);
        List<double[]> all = StartGenerator.randomStarts(problem, starts.get(0), 10, 11, Stream.SYSTEMATIC_RETRY);
        List<double[]> later = StartGenerator.randomStarts(problem, starts.get(0), 4, 6, 11, Stream.SYSTEMATIC_RETRY);
        assertEquals(6, later.size());
        for (int s = 0; s < 6; s++) {
            assertArrayEquals(all.get(4 + s), later.get(s), 0);
        }
        assertNotEquals(all.get(0)[0], StartGenerator.randomStarts(problem, starts.get(0), 1, 11, Stream.FALLBACK_STARTS).get(0)[0]);
    }

    /** A zero guess has no sign: its magnitude starts from 1e-3 and its sign from +. */
    @Test
    void aZeroGuessSpreadsFromAThousandth() {
        Law law = new ExpressionLaw("a*x + b", List.of("x"));
        FitOptions options = FitOptions.builder().starts(Starts.random(30)).seed(3).start("a", 0).start("b", 0).build();
        List<double[]> starts = starts(law, options);
        for (int s = 0; s < 30; s++) {
            SplittableRandom rng = Seeds.random(3, Stream.RANDOM_STARTS, s);
            double za = rng.nextGaussian();
            double fa = rng.nextDouble();
            double zb = rng.nextGaussian();
            double fb = rng.nextDouble();
            assertEquals((fa < 0.2 ? -1 : 1) * 1e-3 * Math.pow(10, 1.5 * za), starts.get(1 + s)[0], 1e-15);
            assertEquals((fb < 0.2 ? -1 : 1) * 1e-3 * Math.pow(10, 1.5 * zb), starts.get(1 + s)[1], 1e-15);
        }
    }

    /** Every start lies inside its bounds however far the draws go: random ones strictly, grid ones at worst on a half-open end. */
    @Test
    void everyStartLiesInsideItsBounds() {
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        FitOptions options = FitOptions.builder().starts(Starts.parse("grid+random:200")).seed(5)
                .bound("a", new Bound(0.5, 4)).bound("b", new Bound(0, Double.POSITIVE_INFINITY))
                .bound("c", new Bound(Double.NEGATIVE_INFINITY, 1)).build();
        List<double[]> starts = starts(law, options);
        assertEquals(1 + 124 + 200, starts.size());
        for (double[] s : starts) {
            // The grid can land on a half-open bound's end (θ = 0 in its transform), never beyond it.
            assertTrue(s[0] > 0.5 && s[0] < 4 && s[1] >= 0 && s[2] <= 1, java.util.Arrays.toString(s));
        }
        for (double[] s : starts.subList(1 + 124, starts.size())) {
            assertTrue(s[1] > 0 && s[2] < 1, "a random start strictly inside: " + java.util.Arrays.toString(s));
        }
    }

    /**
     * A guess outside a bound is moved 1e-3 of the bound's width inside it (of max(1, |p|) for a half-open bound); a
     * guess at or below 0 for a positive parameter becomes its magnitude.
     */
    @Test
    void aGuessOutsideItsBoundMovesJustInside() {
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        FitOptions two = FitOptions.builder().bound("a", new Bound(2, 5)).bound("b", new Bound(-3, 0.5))
                .bound("c", new Bound(Double.NEGATIVE_INFINITY, 1)).build();
        assertArrayEquals(new double[] {2.003, 0.5 - 0.0035, 1 - 1e-3}, starts(law, two).get(0), 1e-15);
        FitOptions lower = FitOptions.builder().bound("a", new Bound(3, Double.POSITIVE_INFINITY)).start("b", -8)
                .bound("c", new Bound(Double.NEGATIVE_INFINITY, -2)).start("c", -5).build();
        assertArrayEquals(new double[] {3.001, -8, -5}, starts(law, lower).get(0), 1e-15);
        // On the bound itself is outside too (a start must be strictly inside).
        FitOptions onIt = FitOptions.builder().bound("a", new Bound(1, 2)).build();
        assertEquals(1.001, starts(law, onIt).get(0)[0], 1e-15);
        FitOptions atTop = FitOptions.builder().bound("a", new Bound(0, 1)).build();
        assertEquals(0.999, starts(law, atTop).get(0)[0], 1e-15);
    }

    /** Start values the user gave are used as given or refused with the reason, never moved. */
    @Test
    void userStartValuesOutsideTheirRangeAreRefused() {
        InvalidOptionException negative = assertThrows(InvalidOptionException.class,
                () -> starts(new PowerLaw(), FitOptions.builder().start("a", -2).build()));
        assertTrue(negative.getMessage().contains("a must be positive in power-law (it is fitted as ln a)"), negative.getMessage());
        assertThrows(InvalidOptionException.class, () -> starts(new PowerLaw(), FitOptions.builder().start("a", 0).build()));
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        InvalidOptionException outside = assertThrows(InvalidOptionException.class,
                () -> starts(law, FitOptions.builder().bound("b", new Bound(0, 1)).start("b", 1).build()));
        assertTrue(outside.getMessage().contains("lies outside") && outside.getMessage().contains("start inside the bound or widen it"),
                outside.getMessage());
        assertThrows(InvalidOptionException.class,
                () -> starts(law, FitOptions.builder().bound("b", new Bound(0, 1)).start("b", 0).build()));
        assertEquals(0.5, starts(law, FitOptions.builder().bound("b", new Bound(0, 1)).start("b", 0.5).build()).get(0)[1], 0);
    }

    /**
     * Order breaks ties: the guess, then explicit points (with fixed values written over theirs), then random starts.
     * A warm start is its point alone.
     */
    @Test
    void startsComeInTheOrderThatBreaksTies() {
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        List<double[]> points = List.of(new double[] {5, 6, 7}, new double[] {8, 9, 10});
        FitOptions options = FitOptions.builder().starts(new Starts(false, 2, points, "mine")).fix("c", 0.5).seed(1).build();
        List<double[]> starts = starts(law, options);
        assertEquals(5, starts.size());
        assertArrayEquals(new double[] {1, 1, 0.5}, starts.get(0), 0);
        assertArrayEquals(new double[] {5, 6, 0.5}, starts.get(1), 0);
        assertArrayEquals(new double[] {8, 9, 0.5}, starts.get(2), 0);
        assertEquals(0.5, starts.get(3)[2], 0);
        InvalidDataException wrong = assertThrows(InvalidDataException.class, () -> starts(law,
                FitOptions.builder().starts(Starts.explicit("short", List.<double[]>of(new double[] {1, 2}))).build()));
        assertTrue(wrong.getMessage().contains("explicit start has 2 values; a*exp(-b*x) + c has 3 parameters")
                || wrong.getMessage().contains("explicit start has 2 values;"), wrong.getMessage());
        List<double[]> warm = starts(law, FitOptions.builder().starts(Starts.warm(new double[] {2, 3, 4})).build());
        assertEquals(1, warm.size());
        assertArrayEquals(new double[] {2, 3, 4}, warm.get(0), 0);
        List<double[]> warmFixed = starts(law, FitOptions.builder().starts(Starts.warm(new double[] {2, 3, 4})).fix("a", 9).build());
        assertArrayEquals(new double[] {9, 3, 4}, warmFixed.get(0), 0);
    }

    /** Nothing in this class depends on a map's order: the fixed values are applied by name. */
    @Test
    void fixedValuesApplyByName() {
        Law law = new ExpressionLaw("a*exp(-b*x) + c", List.of("x"));
        FitOptions options = FitOptions.builder().fix("c", 2).fix("a", 3).build();
        List<double[]> starts = starts(law, options);
        assertArrayEquals(new double[] {3, 1, 2}, starts.get(0), 0);
        assertEquals(1, starts.size());
    }
    /**
     * Explicit points are not refused but moved into the law's domain: a positive scale given as −2 starts at 2, given as 0
     * at 1 (a user's start value is refused instead: {@link #userStartValuesOutsideTheirRangeAreRefused}).
     */
    @Test
    void anExplicitPointOutsideThePositiveDomainIsMovedIntoIt() {
        List<double[]> points = List.of(new double[] {-2, 0.5}, new double[] {0, 0.5}, new double[] {3, 0.5});
        List<double[]> starts = starts(new PowerLaw(), FitOptions.builder().starts(Starts.explicit("mine", points)).build());
        assertArrayEquals(new double[] {2, 0.5}, starts.get(1), 0);
        assertArrayEquals(new double[] {1, 0.5}, starts.get(2), 0);
        assertArrayEquals(new double[] {3, 0.5}, starts.get(3), 0);
    }

    /**
     * Five free parameters get three levels each: Chinchilla's positive E, A and B by decades, A × {0.1, 1, 10}, and its
     * real alpha and beta shifted by −1, 0, 1 times max(|p|, 1): 3⁵ − 1 = 242 points besides the guess.
     */
    @Test
    void fiveParametersGetThreeLevelsDecadesForScales() {
        double[] n = {1e7, 1e7, 1e8, 1e8, 1e9, 1e9};
        double[] d = {1e9, 1e10, 1e9, 1e10, 1e9, 1e10};
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            y[i] = 1.7 + 400 * Math.pow(n[i], -0.34) + 410 * Math.pow(d[i], -0.28);
        }
        Observations data = Observations.builder().predictor("N", n).predictor("D", d).response("loss", y).build();
        Law law = new org.scalefit.model.ChinchillaLaw();
        FitOptions options = FitOptions.builder().starts(Starts.grid()).start("E", 1.7).start("A", 400).start("B", 410)
                .start("alpha", 0.34).start("beta", 0.28).build();
        Problem problem = Problem.of(law, data, options, Space.resolve(options.space(), law));
        List<double[]> starts = StartGenerator.starts(problem, law, data, options);
        assertEquals(243, starts.size());
        Set<Long> decadesOfA = new HashSet<>();
        Set<Long> alphas = new HashSet<>();
        for (double[] s : starts.subList(1, starts.size())) {
            double k = Math.log10(s[1] / 400);
            assertEquals(Math.round(k), k, 1e-12);
            decadesOfA.add(Math.round(k));
            alphas.add(Math.round((s[3] - 0.34) * 1e9));
        }
        assertEquals(Set.of(-1L, 0L, 1L), decadesOfA);
        assertEquals(Set.of(-1_000_000_000L, 0L, 1_000_000_000L), alphas, "alpha − 0.34 ∈ {−1, 0, 1}");
    }

    /**
     * A bounded parameter's random start moves its transform's coordinate θ by z·max(|θ|, 1) (replayed with the engine's
     * own transform, whose maps are tested on their own): near the top of [0, 5] θ exceeds 1, so the scale matters.
     */
    @Test
    void aBoundedParametersRandomStartsMoveByItsOwnScale() {
        Law law = new PowerLaw();
        FitOptions options = FitOptions.builder().starts(Starts.random(10)).seed(21).start("a", 3).start("alpha", 4.9)
                .bound("alpha", new Bound(0, 5)).build();
        Problem problem = Problem.of(law, DATA, options, Space.LOG);
        List<double[]> starts = StartGenerator.starts(problem, law, DATA, options);
        double theta = problem.transforms[1].toInternal(4.9);
        assertTrue(Math.abs(theta) > 1, "θ = " + theta);
        for (int s = 0; s < 10; s++) {
            SplittableRandom rng = Seeds.random(21, Stream.RANDOM_STARTS, s);
            double za = rng.nextGaussian();
            double zb = rng.nextGaussian();
            assertEquals(Math.exp(Math.log(3) + 2 * za), starts.get(1 + s)[0], 1e-12 * starts.get(1 + s)[0]);
            assertEquals(problem.transforms[1].toExternal(theta + zb * Math.abs(theta)), starts.get(1 + s)[1], 1e-12);
        }
    }
}
