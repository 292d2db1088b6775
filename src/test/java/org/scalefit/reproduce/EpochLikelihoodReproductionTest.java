package org.scalefit.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code epoch2024-approach3} figure's report rows against Besiroglu et al. (2024) and the SciPy peer
 * {@code bench/peers/chinchilla_approach3.py} (src/test/resources/peers/chinchilla-approach3.json): log L 879.7731391,
 * A 482.0057, B 2085.434, E 1.816864, α 0.3478130, β 0.3658541, LR 83.99548 against the unrounded TeX values and
 * 635.0409 against the values as printed.
 */
class EpochLikelihoodReproductionTest {
    @Test
    void reportRowsAreEpochsNumbers() {
        FigureResult r = new EpochLikelihoodReproduction().run(Datasets.locate());
        Map<String, PublishedComparison> rows = new LinkedHashMap<>();
        for (PublishedComparison c : r.numbers()) {
            rows.put(c.quantity(), c);
            assertEquals(DataKind.DIGITIZED, c.data(), c.quantity());
        }
        assertEquals(482.0057, rows.get("A (maximum likelihood)").fitted(), 1e-3);
        assertEquals(2085.434, rows.get("B (maximum likelihood)").fitted(), 1e-2);
        assertEquals(1.816864, rows.get("E (maximum likelihood)").fitted(), 1e-5);
        assertEquals(0.3478130, rows.get("alpha (maximum likelihood)").fitted(), 1e-6);
        assertEquals(0.3658541, rows.get("beta (maximum likelihood)").fitted(), 1e-6);
        assertEquals(879.7731391, rows.get("log-likelihood at the optimum").fitted(), 1e-6);
        assertTrue(rows.get("log-likelihood at the optimum").fitted() >= 879.76, "issue 13: log L >= 879.76");
        assertEquals(-12.2666239, rows.get("ln σ (the Huber density's scale)").fitted(), 1e-6);
        assertEquals(83.99548, rows.get("LR statistic against Hoffmann's law (TeX values)").fitted(), 2e-5);
        assertEquals(84, rows.get("LR statistic against Hoffmann's law (TeX values)").fitted(), 1, "issue 13: LR 84 ± 1");
        assertEquals(635.0409, rows.get("LR statistic against Hoffmann's law as printed").fitted(), 1e-3);
        assertEquals("epoch2024-approach3", r.id());
    }
}
