package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The progress bar, driven by a fake clock: silent for the first second, then one line, erased at the end. */
class ProgressBarTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final StringWriter text = new StringWriter();

    private ProgressBar bar(String label) {
        return new ProgressBar(new PrintWriter(text, true), label, now::get, true);
    }

    @Test
    void silentDuringTheFirstSecond() {
        ProgressBar b = bar("bootstrap");
        b.update(500, 2000);
        now.addAndGet(ProgressBar.DELAY_NANOS - 1);
        b.draw();
        assertEquals("", text.toString());
        b.close();
        assertEquals("", text.toString(), "nothing drawn, nothing to erase");
    }

    @Test
    void drawsOneLineThenErasesIt() {
        ProgressBar b = bar("bootstrap");
        b.update(960, 2000);
        now.addAndGet(1_400_000_000L);
        b.draw();
        String line = text.toString();
        assertEquals("\rbootstrap                [===========>            ]  48%  1.4 s, ~1.5 s left", line);
        assertTrue(line.length() <= 80);
        b.update(2000, 2000);
        now.addAndGet(1_600_000_000L);
        b.draw();
        assertTrue(text.toString().endsWith("\rbootstrap                [========================] 100%  3.0 s"
                + " ".repeat("1.4 s, ~1.5 s left".length() - "3.0 s".length())), "a shorter line blanks the rest of the old one");
        b.close();
        String all = text.toString();
        String erased = all.substring(all.lastIndexOf('\r', all.length() - 2));
        assertEquals("\r" + " ".repeat(erased.length() - 2) + "\r", erased, "the line is blanked and the cursor returned");
    }

    @Test
    void noEstimateWhenTheUnitsDifferInCost() {
        ProgressBar b = new ProgressBar(new PrintWriter(text, true), "[2/4] metr-horizons", now::get, false);
        b.update(1, 4);
        now.addAndGet(1_200_000_000L);
        b.draw();
        assertEquals("\r[2/4] metr-horizons      [======>                 ]  25%  1.2 s", text.toString());
    }

    @Test
    void progressNeverGoesBackwardsAcrossThreads() {
        ProgressBar b = bar("fit");
        b.update(30, 100);
        b.update(20, 100);     // a slower worker reporting late
        now.addAndGet(2 * ProgressBar.DELAY_NANOS);
        b.draw();
        assertTrue(text.toString().contains(" 30%"), text.toString());
    }

    @Test
    void unknownTotalShowsElapsedTimeAndLongLabelsAreCut() {
        ProgressBar b = bar("a label far longer than the column reserved for it");
        now.addAndGet(75_000_000_000L);
        b.draw();
        assertEquals("\ra label far longer than… 1 min 15 s", text.toString());
    }

    @Test
    void quietOrNoTerminalMeansTheSilentBar() {
        CommandLine terminal = new CommandLine(new Main());
        CommonOptions common = new CommonOptions();
        assertSame(ProgressBar.disabled(), common.progress(terminal.getCommandSpec(), "x"), "Main() is not on a terminal");
        assertFalse(ProgressBar.disabled().enabled());
        ProgressBar.disabled().update(1, 2);
        ProgressBar.disabled().close();
    }
}
