package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Dates;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * The frontier rule gives METR's published trend sets exactly: for each trend in {@code datasets/metr-trend-sets.csv}
 * (the model sets behind METR's published doubling times, written by {@code datasets/make_metr_trend_sets.py} from
 * METR's YAML files), {@link Trends#fit} with {@code frontier} and the trend's release window selects the same models in
 * the same order, and the doubling time equals the SciPy peer's ({@code peers/metr-trends.json}) to 1e-9.
 */
class MetrTrendSetsTest {
    private static final Path HORIZONS = Path.of("datasets/metr-horizons.csv");
    private static final Path LATEST = Path.of("datasets/metr-horizons-th1.1-latest.csv");

    private static Map<String, List<String>> published() {
        Table t = TableReader.read(Path.of("datasets/metr-trend-sets.csv"));
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            sets.computeIfAbsent(t.cell(r, t.columnIndex("trend")), k -> new ArrayList<>()).add(t.cell(r, t.columnIndex("model")));
        }
        return sets;
    }

    private static TrendFit fit(Path file, String version, String since, String until) {
        HorizonTable table = HorizonTable.read(file, new HorizonTable.Columns("model", "release_date", "p50_minutes", null, null,
                version), List.of());
        TrendOptions o = TrendOptions.defaults().withFrontier(true).withKinds(EnumSet.of(TrendKind.EXPONENTIAL))
                .withReplicates(0).withThreads(1)
                .withSince(since == null ? Double.NaN : Dates.toEpochDay(since))
                .withUntil(until == null ? Double.NaN : Dates.toEpochDay(until));
        return Trends.fit(table.points(), o);
    }

    @Test
    void frontierSelectsMetrsModelSets() {
        Map<String, List<String>> sets = published();
        // trend → file, version, release window (METR's), doubling days of the peer (metr-trends.json)
        Object[][] cases = {
            {"th1.0_paper_2025_03", HORIZONS, "TH1.0", null, "2025-02-24", 212.1764193440112},
            {"th1.0_2025_04_with_o3", HORIZONS, "TH1.0", null, "2025-04-16", 207.47961324601658},
            {"th1.1_2026_01_all_time", HORIZONS, "TH1.1", null, null, 196.47461726569722},
            {"th1.1_2026_01_from_2023", HORIZONS, "TH1.1", "2023-01-01", null, 130.80098112326917},
            {"th1.1_latest_all_time", LATEST, "TH1.1", null, null, 187.77754378812728},
            {"th1.1_latest_from_2023", LATEST, "TH1.1", "2023-01-01", null, 128.74380265078204}};
        assertEquals(cases.length, sets.size(), "every published trend is checked");
        for (Object[] c : cases) {
            TrendFit fit = fit((Path) c[1], (String) c[2], (String) c[3], (String) c[4]);
            List<String> models = fit.used().stream().map(HorizonPoint::model).toList();
            assertEquals(sets.get((String) c[0]), models, (String) c[0]);
            assertEquals((double) c[5], fit.doublingTimeDays(), 1e-9 * 200, (String) c[0]);
        }
    }
}
