package org.scalefit.horizon;

import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * The levels a horizon bootstrap resamples, outermost first. Every replicate resamples the same
 * families and tasks for all models (so replicate horizons of different models are correlated as
 * they are in reality), and the runs of each (model, task) pair separately.
 *
 * <pre>{@code
 * HorizonOptions o = HorizonOptions.defaults().withResampling(Resampling.parse("ftr"));
 * }</pre>
 */
public enum Resampling {
    /** METR's "ftr": task families with replacement, then tasks within each drawn family, then runs within each drawn task. */
    FAMILY_TASK_RUN("ftr"),
    /** Tasks with replacement, then runs within each drawn task. */
    TASK_RUN("tr"),
    /** Tasks with replacement, keeping each drawn task's runs as they are. */
    TASK("t");

    private final String code;

    Resampling(String code) {
        this.code = code;
    }

    /** @return the short code: {@code ftr}, {@code tr} or {@code t} */
    public String code() {
        return code;
    }

    /**
     * @param text {@code ftr}, {@code tr} or {@code t}
     * @return the resampling
     * @throws InvalidDataException for any other text
     */
    public static Resampling parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Resampling r : values()) {
            if (r.code.equals(t)) {
                return r;
            }
        }
        throw new InvalidDataException("unknown resampling \"" + text + "\": use ftr (families, tasks, runs), tr or t");
    }
}
