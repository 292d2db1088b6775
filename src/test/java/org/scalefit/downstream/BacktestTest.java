package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Backtests: which runs are held out, the verdicts on data that do and do not follow the laws, and when none is possible. */
class BacktestTest {
    @Test
    void aLadderThatFollowsItsLawsIsPredictable() {
        DownstreamFit fit = TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), Fixtures.olmoModel(0).withDirect(false)
                .withLossOptions(org.scalefit.fit.FitOptions.builder().build()));
        BacktestResult b = Backtest.run(fit, Backtest.defaultHoldOut(fit));
        assertEquals(4, b.heldOut().size());
        // The four largest runs by compute: 1.3B at 10, 5 and 2 × 20 tokens per parameter, 760M at 10×.
        assertEquals(List.of("1.3E9x10.0", "1.3E9x5.0", "7.6E8x10.0", "1.3E9x2.0"), b.heldOut());
        assertEquals(BacktestResult.Verdict.PREDICTABLE, b.verdict(), b.explanation());
        assertEquals(4, b.covered());
        assertTrue(b.meanAbsError() < 0.01 && b.meanAbsError() < b.meanAbsErrorFlat(), b.explanation());
    }

    @Test
    void anEmergenceAtTheTopIsAMiss() {
        DownstreamFit fit = TwoStep.fit(Fixtures.ladder(3, 1e20), Fixtures.olmoModel(0).withDirect(false)
                .withLossOptions(org.scalefit.fit.FitOptions.builder().build()));
        BacktestResult b = Backtest.run(fit, 4);
        assertEquals(BacktestResult.Verdict.MISSES, b.verdict(), b.explanation());
        assertTrue(b.covered() < b.compared());
        assertTrue(b.explanation().startsWith((b.compared() - b.covered()) + " of 4 held-out runs outside their 95% interval; "
                + "mean absolute error " + org.scalefit.Numbers.format(b.meanAbsError(), 3)), b.explanation());
    }

    /** Gadre's default set: holding out one of the five loss-law runs leaves four points for four parameters. */
    @Test
    void gadresDefaultSetCannotHoldOutALossRun() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        BacktestResult one = Backtest.run(fit, 1);
        assertEquals(List.of("rpj-open_lm_1b-1.0"), one.heldOut(), "the largest run is the link-only 1.4B run");
        assertTrue(one.verdict() != BacktestResult.Verdict.NOT_POSSIBLE);
        BacktestResult two = Backtest.run(fit, 2);
        assertEquals(BacktestResult.Verdict.NOT_POSSIBLE, two.verdict());
        assertTrue(two.explanation().contains("leaves the loss law (overtraining, 4 free parameters) 4 points"), two.explanation());
    }

    /** On the OLMo ladder the verdict follows its definition for every task, and the held-out runs are the largest. */
    @Test
    void olmoVerdictsFollowTheirDefinition() {
        for (String task : Fixtures.OLMO_TASKS) {
            DownstreamFit fit = Fixtures.olmo(task, 0);
            BacktestResult b = Backtest.run(fit, Backtest.defaultHoldOut(fit));
            assertEquals(List.of("1B-10xC", "1B-5xC", "760M-10xC", "1B-2xC"), b.heldOut(), task);
            boolean predictable = b.covered() == b.compared() && b.meanAbsError() < b.meanAbsErrorFlat();
            assertEquals(predictable, b.verdict() == BacktestResult.Verdict.PREDICTABLE, task + ": " + b.explanation());
            assertEquals(4, b.compared());
        }
    }

    @Test
    void refusesAHoldOutOfNothing() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        assertEquals(DownstreamInputException.Part.SETTING, org.junit.jupiter.api.Assertions.assertThrows(
                DownstreamInputException.class, () -> Backtest.run(fit, 0)).part());
    }
}
