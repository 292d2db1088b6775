package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The frontier: the models that were state of the art when released. A model counts if its
 * horizon is at least the best horizon of every model released before it and at least that of
 * every other model released the same day — METR's {@code is_sota}, reproduced exactly on their
 * published TH1.0 and TH1.1 results.
 *
 * <pre>{@code
 * List<HorizonPoint> frontier = Frontier.select(points);   // in date order
 * }</pre>
 */
public final class Frontier {
    private Frontier() {
    }

    /**
     * @param points models with dates and horizons, in any order
     * @return the frontier models, sorted by date (ties in input order)
     */
    public static List<HorizonPoint> select(List<HorizonPoint> points) {
        List<HorizonPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(HorizonPoint::date));
        List<HorizonPoint> out = new ArrayList<>();
        double bestBefore = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double bestToday = Double.NEGATIVE_INFINITY;
            while (j < sorted.size() && sorted.get(j).date() == sorted.get(i).date()) {
                bestToday = Math.max(bestToday, sorted.get(j).minutes());
                j++;
            }
            for (int k = i; k < j; k++) {
                HorizonPoint p = sorted.get(k);
                if (p.minutes() >= bestBefore && p.minutes() >= bestToday) {
                    out.add(p);
                }
            }
            bestBefore = Math.max(bestBefore, bestToday);
            i = j;
        }
        return out;
    }

    /**
     * @param points models
     * @param model  a model name
     * @return true when the model is on the frontier of these points
     */
    public static boolean isFrontier(List<HorizonPoint> points, String model) {
        for (HorizonPoint p : select(points)) {
            if (p.model().equals(model)) {
                return true;
            }
        }
        return false;
    }
}
