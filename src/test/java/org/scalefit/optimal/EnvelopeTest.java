package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * The lower envelope of two training curves worked out by hand: run a (N = 10⁶) and run b (N = 10⁷) both log
 * losses at C = 6·10¹⁵, 6·10¹⁶, 6·10¹⁷; a is lower at the smallest budget, b at the others, so N_opt is
 * 10⁶, 10⁷, 10⁷ and the least-squares exponent of ln N_opt on ln C is (L·2L/3 + L·L/3)/(2L²) = 1/2 (L = ln 10),
 * as is D_opt's (ln D = ln C − ln 6 − ln N). Between logged points the loss is interpolated linearly in ln C.
 */
class EnvelopeTest {
    private static final double[] PARAMS = {1e6, 1e6, 1e6, 1e7, 1e7, 1e7};
    private static final double[] TOKENS = {1e11, 1e9, 1e10, 1e8, 1e9, 1e10};
    private static final double[] LOSS = {2.5, 4, 3, 4.5, 2.9, 2.2};
    private static final String[] RUN = {"a", "a", "a", "b", "b", "b"};

    @Test
    void theLowestCurveAtEachBudgetIsTheOptimum() {
        Envelope.Result r = Envelope.fit(PARAMS, TOKENS, LOSS, RUN, 3);
        List<Envelope.Point> e = r.envelope();
        assertEquals(3, e.size());
        assertEquals(List.of("a", "b", "b"), e.stream().map(Envelope.Point::run).toList());
        assertEquals(6e15, e.get(0).compute(), 1e3);
        assertEquals(1e6, e.get(0).nOpt(), 0.0);
        assertEquals(1e9, e.get(0).dOpt(), 1e-3);
        assertEquals(4, e.get(0).loss(), 1e-12);
        assertEquals(2.9, e.get(1).loss(), 1e-12);
        assertEquals(2.2, e.get(2).loss(), 1e-12);
        assertEquals(2, e.get(2).runs());
        assertEquals(0.5, r.nOpt().exponent(), 1e-12);
        assertEquals(0.5, r.dOpt().exponent(), 1e-12);
    }

    @Test
    void betweenLoggedPointsTheLossIsInterpolatedInLnC() {
        // five budgets: the second lies half way (in ln C) between 6e15 and 6e16, where a has (4 + 3)/2 and b (4.5 + 2.9)/2
        Envelope.Result r = Envelope.fit(PARAMS, TOKENS, LOSS, RUN, 5);
        assertEquals(5, r.envelope().size());
        Envelope.Point half = r.envelope().get(1);
        assertEquals("a", half.run());
        assertEquals(3.5, half.loss(), 1e-12);
        assertEquals(Math.sqrt(6e15 * 6e16), half.compute(), 1e-9 * half.compute());
        assertEquals("b", r.envelope().get(3).run(), "(3 + 2.5)/2 = 2.75 against (2.9 + 2.2)/2 = 2.55");
        assertEquals(2.55, r.envelope().get(3).loss(), 1e-12);
    }

    @Test
    void aBudgetNeedsTwoRuns() {
        // b moved a hundredfold up in compute: the runs no longer overlap, so no budget has two curves
        double[] tokens = {1e11, 1e9, 1e10, 1e12, 1e13, 1e14};
        assertEquals("envelope fit needs at least 2 FLOP budgets reached by 2 or more runs, found 0",
                assertThrows(InvalidDataException.class, () -> Envelope.fit(PARAMS, tokens, LOSS, RUN, 10)).getMessage());
        // overlapping in exactly one logged compute (6e17): one budget, still too few
        double[] touching = {1e11, 1e9, 1e10, 1e10, 1e11, 1e12};
        assertEquals("envelope fit needs at least 2 FLOP budgets reached by 2 or more runs, found 1",
                assertThrows(InvalidDataException.class, () -> Envelope.fit(PARAMS, touching, LOSS, RUN, 3)).getMessage());
    }

    @Test
    void badInputIsRefusedWithItsRow() {
        assertEquals("envelope fit needs at least 2 budgets, got 1",
                assertThrows(InvalidDataException.class, () -> Envelope.fit(PARAMS, TOKENS, LOSS, RUN, 1)).getMessage());
        assertEquals("envelope fit needs params, tokens, loss and run of equal length", assertThrows(InvalidDataException.class,
                () -> Envelope.fit(PARAMS, TOKENS, new double[] {1}, RUN, 3)).getMessage());
        double[] zero = TOKENS.clone();
        zero[2] = 0;
        assertEquals("envelope fit needs params > 0, tokens > 0 and a finite loss: row 3 has params 1000000.0, tokens 0.0, "
                + "loss 3.0", assertThrows(InvalidDataException.class, () -> Envelope.fit(PARAMS, zero, LOSS, RUN, 3)).getMessage());
        double[] nan = LOSS.clone();
        nan[0] = Double.NaN;
        assertThrows(InvalidDataException.class, () -> Envelope.fit(PARAMS, TOKENS, nan, RUN, 3));
        double[] twoSizes = PARAMS.clone();
        twoSizes[1] = 2e6;
        assertEquals("run \"a\" has two model sizes (1000000.0 and 2000000.0); give each run one size",
                assertThrows(InvalidDataException.class, () -> Envelope.fit(twoSizes, TOKENS, LOSS, RUN, 3)).getMessage());
    }

    @Test
    void twoBudgetsAreEnough() {
        // 6e15 (a: 4 against b: 4.5) and 6e17 (b: 2.2 against a: 2.5): N_opt goes from 10⁶ to 10⁷ over a factor 100
        // in compute, an exponent of exactly 1/2
        Envelope.Result r = Envelope.fit(PARAMS, TOKENS, LOSS, RUN, 2);
        assertEquals(List.of("a", "b"), r.envelope().stream().map(Envelope.Point::run).toList());
        assertEquals(0.5, r.nOpt().exponent(), 1e-12);
        assertEquals(2, r.nOpt().points());
    }

    @Test
    void aRunWithOneLoggedPointCountsAtThatCompute() {
        // run c (N = 10⁵) logged once, at D = 10¹¹, i.e. C = 6e16, the middle budget, with the lowest loss there
        double[] params = {1e6, 1e6, 1e6, 1e7, 1e7, 1e7, 1e5};
        double[] tokens = {1e11, 1e9, 1e10, 1e8, 1e9, 1e10, 1e11};
        double[] loss = {2.5, 4, 3, 4.5, 2.9, 2.2, 2.0};
        String[] run = {"a", "a", "a", "b", "b", "b", "c"};
        Envelope.Point mid = Envelope.fit(params, tokens, loss, run, 3).envelope().get(1);
        assertEquals("c", mid.run());
        assertEquals(2.0, mid.loss(), 0.0);
        assertEquals(3, mid.runs());
        assertEquals(1e5, mid.nOpt(), 0.0);
    }

    @Test
    void aZeroModelSizeIsRefusedWithItsRow() {
        double[] zero = PARAMS.clone();
        zero[0] = 0;
        assertEquals("envelope fit needs params > 0, tokens > 0 and a finite loss: row 1 has params 0.0, tokens 1.0E11, "
                + "loss 2.5", assertThrows(InvalidDataException.class, () -> Envelope.fit(zero, TOKENS, LOSS, RUN, 3)).getMessage());
    }
}
