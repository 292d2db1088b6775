package org.scalefit.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Cells;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/** The typed METR horizons agree with METR's published file (skipped when the shared reference data are absent). */
class MetrHorizonsTypedTest {
    private static final Path PUBLISHED = Path.of("../shared/reference-data/metr/published_horizons_th1.0_th1.1.csv");

    @Test
    void everyTypedHorizonMatchesThePublishedValue() {
        assumeTrue(Files.exists(PUBLISHED), "shared reference data not present");
        Table ref = TableReader.read(PUBLISHED);
        Table ours = Datasets.directory(Path.of("datasets")).table(HorizonReproduction.HORIZONS);
        for (int r = 0; r < ours.rowCount(); r++) {
            String date = ours.cell(r, ours.columnIndex("release_date"));
            double p50 = Cells.number(ours, r, ours.columnIndex("p50_minutes"));
            double lo = Cells.number(ours, r, ours.columnIndex("p50_ci_low"));
            double hi = Cells.number(ours, r, ours.columnIndex("p50_ci_high"));
            boolean found = false;
            for (int k = 0; k < ref.rowCount(); k++) {
                if (ref.cell(k, ref.columnIndex("benchmark")).equals("METR-Horizon-v1")
                        && ref.cell(k, ref.columnIndex("release_date")).equals(date)
                        && Math.abs(Cells.number(ref, k, ref.columnIndex("p50_minutes")) / p50 - 1) < 5e-4) {
                    assertEquals(Cells.number(ref, k, ref.columnIndex("p50_ci_low")), lo, 5e-4 * lo, "row " + (r + 2));
                    assertEquals(Cells.number(ref, k, ref.columnIndex("p50_ci_high")), hi, 5e-4 * hi, "row " + (r + 2));
                    found = true;
                }
            }
            assertTrue(found, "row " + (r + 2) + " (" + ours.cell(r, 0) + ") has no published match");
        }
    }
}
