package org.scalefit.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two downstream figures of {@code scalefit reproduce} on the bundled data: Gadre et al.'s relative
 * errors (their notebook: 0.7103%, 0.7320%, 3.6365%, 0.0464%) and the OLMo ladder's 13B predictions (the
 * authors' chained_main.csv) and abstract summaries, each row with its source.
 */
class DownstreamReproductionsTest {
    private static PublishedComparison number(FigureResult r, String prefix) {
        return r.numbers().stream().filter(c -> c.quantity().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no number " + prefix));
    }

    @Test
    void gadre() {
        FigureResult r = new GadreDownstreamReproduction().run(Datasets.directory(java.nio.file.Path.of("datasets")));
        assertEquals("gadre2024-downstream", r.id());
        assertEquals(2, r.figure().panels().size());
        // The notebook's printed values, to its four digits.
        assertEquals(0.7103, number(r, "1.4B, M = 640: C4 loss").fitted(), 5e-5);
        assertEquals(0.7320, number(r, "6.9B, M = 20: C4 loss").fitted(), 5e-5);
        assertEquals(3.6365, number(r, "1.4B, M = 640: 17-task").fitted(), 5e-5);
        assertEquals(0.0464, number(r, "6.9B, M = 20: 17-task error, rel").fitted(), 5e-5);
        PublishedComparison twoSteps = number(r, "6.9B, M = 20: 17-task error, two steps");
        assertTrue(twoSteps.publishedInsideInterval(), "the observed error lies in the delta-method interval");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("one degree of freedom")));
        assertTrue(number(r, "backtest").note().startsWith("predictable") || number(r, "backtest").note().startsWith("misses")
                || number(r, "backtest").note().startsWith("no better"));
    }

    @Test
    void olmo() {
        FigureResult r = new OlmoLadderReproduction().run(Datasets.directory(java.nio.file.Path.of("datasets")));
        assertEquals("olmo2024-ladder", r.id());
        assertEquals(8, r.figure().panels().size());
        for (String task : List.of("MMLU", "HellaSwag", "ARC-Challenge", "ARC-Easy", "PIQA", "CommonsenseQA", "Social IQa",
                "OpenBookQA")) {
            PublishedComparison c = number(r, task + ", 13B-5T");
            assertEquals(c.published(), c.fitted(), 1e-5, task + " vs the authors' stored prediction");
        }
        assertEquals(6.9, number(r, "mean abs. error").fitted(), 0.05);
        assertEquals(2.11, number(r, "max abs. error").fitted(), 0.01);
        double predictable = number(r, "tasks predictable").fitted();
        assertTrue(predictable >= 0 && predictable <= 8);
    }
}
