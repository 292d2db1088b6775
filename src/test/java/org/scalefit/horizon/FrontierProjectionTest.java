package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frontier (a model is on it when no earlier or same-day model has a longer horizon; a tie with the best
 * so far stays on it) on points given out of date order, and a projection's per-shape lists.
 */
class FrontierProjectionTest {
    @Test
    void theFrontierKeepsTiesAndSortsByDate() {
        List<HorizonPoint> points = List.of(HorizonPoint.of("c", 300, 20), HorizonPoint.of("a", 100, 10),
                HorizonPoint.of("b", 200, 10), HorizonPoint.of("d", 250, 5), HorizonPoint.of("e", 300, 15));
        assertEquals(List.of("a", "b", "c"), Frontier.select(points).stream().map(HorizonPoint::model).toList(),
                "b ties a, d falls below, e is beaten on its own day by c");
    }

    @Test
    void aProjectionListsEachShapesOwnMilestonesAndHorizons() {
        List<HorizonPoint> pts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pts.add(HorizonPoint.of("m" + i, 18000 + 120 * i, Math.pow(2, 0.6 * i + 0.01 * (i % 3))));
        }
        TrendFit fit = Trends.fit(pts, TrendOptions.defaults().withReplicates(0));
        Projection p = Projection.of(fit, Milestone.defaults(), new double[] {19500, 20000});
        for (TrendKind k : fit.kinds()) {
            assertEquals(5, p.milestones(k).size(), k + " milestones");
            p.milestones(k).forEach(m -> assertEquals(k, m.kind()));
            assertEquals(2, p.horizons(k).size(), k + " horizons");
            p.horizons(k).forEach(h -> assertEquals(k, h.kind()));
        }
    }
}
