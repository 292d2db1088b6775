package org.scalefit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.scalefit.Progress;

/**
 * A one-line progress bar on standard error for work that takes longer than about a second:
 * {@code bootstrap  [===========>            ]  48%  1.4 s, ~1.5 s left}.
 *
 * <p>Drawn only when standard error is a terminal and {@code --quiet} is not given (see
 * {@link CommonOptions#progress}); otherwise every method does nothing, so redirected output and
 * logs never see carriage returns. Nothing is drawn during the first {@link #DELAY_NANOS} (quick work
 * stays silent); after that a daemon thread redraws the line every {@link #REDRAW_NANOS}, so the
 * workers that call {@link #update(long, long)} only store two numbers. {@link #close()} erases the
 * line, leaving the terminal as if the bar had never been there.
 *
 * <pre>{@code
 * try (ProgressBar bar = common.progress(spec, "bootstrap")) {
 *     result = Bootstrap.run(fit, resampler, 2000, seed, threads, bar);
 * }
 * }</pre>
 */
public final class ProgressBar implements Progress, AutoCloseable {
    /** Work shorter than this never shows a bar. */
    public static final long DELAY_NANOS = 1_000_000_000L;
    /**
     * The system property that overrides {@link #DELAY_NANOS}, in milliseconds: read once per bar, for the
     * packaging test, which must see a bar on machines fast enough to finish its figure within a second.
     */
    public static final String DELAY_PROPERTY = "scalefit.progress.delayMillis";
    /** How often the line is redrawn. */
    public static final long REDRAW_NANOS = 100_000_000L;
    /** Characters between the brackets. */
    static final int BAR_WIDTH = 24;
    /** Longest label drawn; longer ones are cut so the line fits 80 columns. */
    static final int LABEL_WIDTH = 24;

    private static final ProgressBar DISABLED = new ProgressBar(null, "", System::nanoTime, false);

    private final PrintWriter err;
    private final String label;
    private final LongSupplier clock;
    private final boolean estimate;
    private final long start;
    private final long delayNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private Thread ticker;
    private int drawnWidth;
    private boolean closed;

    ProgressBar(PrintWriter err, String label, LongSupplier clock, boolean estimate) {
        this.err = err;
        this.label = label.length() > LABEL_WIDTH ? label.substring(0, LABEL_WIDTH - 1) + "…" : label;
        this.clock = clock;
        this.estimate = estimate;
        this.start = clock.getAsLong();
        this.delayNanos = Math.max(0L, Long.getLong(DELAY_PROPERTY, DELAY_NANOS / 1_000_000L)) * 1_000_000L;
    }

    /**
     * A bar that draws nothing (output is not a terminal, or {@code --quiet}).
     *
     * @return the shared silent bar
     */
    public static ProgressBar disabled() {
        return DISABLED;
    }

    /**
     * Starts a bar on {@code err} that draws itself after {@link #DELAY_NANOS}.
     *
     * @param err      the terminal's standard error
     * @param label    what is running, e.g. {@code bootstrap}
     * @param estimate whether to estimate the time left from the fraction done (off when the units
     *                 are of very unequal cost, like the figures of {@code reproduce})
     * @return the running bar; close it when the work is done
     */
    public static ProgressBar start(PrintWriter err, String label, boolean estimate) {
        ProgressBar bar = new ProgressBar(err, label, System::nanoTime, estimate);
        Thread t = new Thread(bar::tickUntilClosed, "scalefit-progress");
        t.setDaemon(true);
        bar.ticker = t;
        t.start();
        return bar;
    }

    /**
     * Whether this process's standard error is an interactive terminal. On Linux the answer comes from
     * where file descriptor 2 points ({@code /dev/pts/N} or {@code /dev/ttyN}), so a bar still shows
     * when only standard output is redirected ({@code scalefit fit ... --json > fit.json}); elsewhere it
     * falls back to {@link System#console()}, which needs both standard input and output on a terminal.
     *
     * @return true when standard error is a terminal
     */
    public static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc: fall through to the portable (stricter) test.
        }
        return System.console() != null;
    }

    /** @return true when this bar draws (a terminal, and not {@code --quiet}) */
    public boolean enabled() {
        return err != null;
    }

    @Override
    public void update(long done, long total) {
        if (err != null) {
            this.total.set(total);
            this.done.accumulateAndGet(done, Math::max);
        }
    }

    /** Stops redrawing and erases the line if it was drawn. */
    @Override
    public void close() {
        if (err == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
            notifyAll();
        }
        if (ticker != null && ticker != Thread.currentThread()) {
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void tickUntilClosed() {
        synchronized (this) {
            while (!closed) {
                draw();
                try {
                    wait(REDRAW_NANOS / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Draws the current state if the delay has passed (called on the ticker thread, or by tests). */
    synchronized void draw() {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < delayNanos) {
            return;
        }
        String line = render(done.get(), total.get(), (now - start) / 1e9);
        int pad = Math.max(0, drawnWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        drawnWidth = line.length();
    }

    /**
     * The line for a state: label, bar, percentage, elapsed time and, once a few percent are done, an
     * estimate of the time left (if asked for). Without a known total it shows the elapsed time only.
     */
    String render(long done, long total, double seconds) {
        StringBuilder s = new StringBuilder(80);
        s.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s ", label));
        if (total <= 0) {
            s.append(String.format(Locale.ROOT, "%s", time(seconds)));
            return s.toString();
        }
        double f = Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.floor(f * BAR_WIDTH);
        s.append('[');
        s.append("=".repeat(filled));
        if (filled < BAR_WIDTH) {
            s.append('>');
            s.append(" ".repeat(BAR_WIDTH - filled - 1));
        }
        s.append(']');
        s.append(String.format(Locale.ROOT, " %3d%%  %s", (int) Math.floor(f * 100), time(seconds)));
        if (estimate && f >= 0.05 && f < 1) {
            s.append(", ~").append(time(seconds * (1 - f) / f)).append(" left");
        }
        return s.toString();
    }

    private static String time(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long m = (long) (seconds / 60);
        return String.format(Locale.ROOT, "%d min %02d s", m, (long) (seconds - 60 * m));
    }
}
