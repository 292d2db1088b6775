package org.scalefit.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;

/**
 * Indexed tasks: every index exactly once, in order on one thread, the same slots filled on several, failures
 * passed on as they are, and progress counted to the total.
 */
class ParallelTest {

    @Test
    void oneThreadRunsInOrderOnTheCaller() {
        List<Integer> order = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Parallel.forEach(1, 5, i -> {
            assertSame(caller, Thread.currentThread());
            order.add(i);
        });
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        List<Integer> single = new ArrayList<>();
        Parallel.forEach(4, 1, single::add);
        assertEquals(List.of(0), single, "one task needs no pool");
        Parallel.forEach(4, 0, i -> {
            throw new AssertionError("no task to run");
        });
    }

    @Test
    void severalThreadsFillTheSameSlots() {
        double[] one = new double[1000];
        double[] four = new double[1000];
        AtomicInteger calls = new AtomicInteger();
        Parallel.forEach(1, one.length, i -> one[i] = Math.sqrt(i) * Math.log1p(i));
        Parallel.forEach(4, four.length, i -> {
            calls.incrementAndGet();
            four[i] = Math.sqrt(i) * Math.log1p(i);
        });
        assertArrayEquals(one, four, 0.0);
        assertEquals(1000, calls.get(), "each index once");
    }

    @Test
    void aWorkersFailureReachesTheCallerWithItsMessage() {
        // the library's exceptions (no copy constructor for the fork-join pool to use) arrive as they were thrown
        InvalidDataException thrown = new InvalidDataException("replicate 17 has no data");
        assertSame(thrown, assertThrows(InvalidDataException.class, () -> Parallel.forEach(2, 100, i -> {
            if (i == 17) {
                throw thrown;
            }
        })));
        // an error stays an error, not wrapped in a checked or unrelated exception
        StackOverflowError error = new StackOverflowError("deep");
        Throwable got = assertThrows(StackOverflowError.class, () -> Parallel.forEach(2, 100, i -> {
            if (i == 50) {
                throw error;
            }
        }));
        assertTrue(got == error || got.getCause() == error, got.toString());
    }

    @Test
    void interruptedWhileWaitingIsAFailedFitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            FitFailedException e = assertThrows(FitFailedException.class, () -> Parallel.forEach(2, 100, i -> {
            }));
            assertEquals("interrupted", e.getMessage());
            assertEquals(true, Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void progressCountsEveryTaskUpToTheTotal() {
        for (int threads : new int[] {1, 3}) {
            List<long[]> seen = new ArrayList<>();
            int[] out = new int[40];
            Parallel.forEach(threads, out.length, i -> out[i] = i * i, (done, total) -> {
                synchronized (seen) {
                    seen.add(new long[] {done, total});
                }
            });
            assertEquals(41, seen.size(), "an update at 0 and one per task");
            assertArrayEquals(new long[] {0, 40}, seen.get(0));
            long max = seen.stream().mapToLong(s -> s[0]).max().orElseThrow();
            assertEquals(40, max);
            seen.forEach(s -> assertEquals(40, s[1]));
            assertEquals(39 * 39, out[39]);
        }
    }
}
