package org.scalefit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedPipeline}: results in number order whatever the production and finishing order, the producer held
 * to the window when it produces in order, never held when the item awaited has not been produced yet, and the first
 * error of any side rethrown.
 */
class OrderedPipelineTest {
    @Test
    void resultsComeInNumberOrderAndTheWindowBoundsWhatIsHeld() {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        int[] maxAhead = {0};
        List<Integer> out = new ArrayList<>();
        int n = OrderedPipeline.<Integer, Integer>run(3, 8,
                emit -> {
                    for (int i = 0; i < 2000; i++) {
                        emit.emit(i, i);
                        int ahead = produced.incrementAndGet() - consumed.get();
                        synchronized (maxAhead) {
                            maxAhead[0] = Math.max(maxAhead[0], ahead);
                        }
                    }
                },
                i -> {
                    if (i % 7 == 0) {
                        Thread.onSpinWait();
                        try {
                            Thread.sleep(0, 200_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return i * i;
                },
                r -> {
                    out.add(r);
                    consumed.incrementAndGet();
                });
        assertEquals(2000, n);
        for (int i = 0; i < 2000; i++) {
            assertEquals(i * i, out.get(i));
        }
        assertTrue(maxAhead[0] <= 8 + 1, "items ahead of the consumer: " + maxAhead[0]);
    }

    @Test
    void itemsProducedOutOfOrderDoNotHoldTheProducer() {
        // 0 comes last: every other item must be produced (and held) before the consumer can start.
        List<Integer> out = new ArrayList<>();
        OrderedPipeline.<Integer, Integer>run(2, 4,
                emit -> {
                    for (int i = 1; i < 500; i++) {
                        emit.emit(i, i);
                    }
                    emit.emit(0, 0);
                },
                i -> -i, out::add);
        assertEquals(500, out.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(-i, out.get(i));
        }
    }

    @Test
    void theFirstErrorOfAnySideIsRethrown() {
        IllegalStateException producer = assertThrows(IllegalStateException.class, () -> OrderedPipeline.<Integer, Integer>run(2, 4,
                emit -> {
                    emit.emit(0, 0);
                    throw new IllegalStateException("bad file");
                }, i -> i, r -> { }));
        assertEquals("bad file", producer.getMessage());
        ArithmeticException worker = assertThrows(ArithmeticException.class, () -> OrderedPipeline.<Integer, Integer>run(2, 4,
                emit -> {
                    for (int i = 0; i < 100; i++) {
                        emit.emit(i, i);
                    }
                }, i -> 10 / (i - 50), r -> { }));
        assertEquals("/ by zero", worker.getMessage());
        IllegalArgumentException consumer = assertThrows(IllegalArgumentException.class, () -> OrderedPipeline.<Integer, Integer>run(2, 4,
                emit -> {
                    for (int i = 0; i < 10_000; i++) {
                        emit.emit(i, i);
                    }
                }, i -> i, r -> {
                    if (r == 17) {
                        throw new IllegalArgumentException("disk full");
                    }
                }));
        assertEquals("disk full", consumer.getMessage());
        assertThrows(IllegalStateException.class, () -> OrderedPipeline.<Integer, Integer>run(1, 4,
                emit -> emit.emit(1, 1), i -> i, r -> { }));
    }
}
