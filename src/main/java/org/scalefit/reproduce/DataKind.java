package org.scalefit.reproduce;

import java.util.Locale;

/**
 * Where the points behind a reproduced number come from, which decides what the number may be compared with:
 * a published value only when the points are measurements (real, or read off the authors' own figure), and
 * the law the points were made from when they were generated — refitting generated points shows that the
 * engine recovers its input, not that the paper is reproduced.
 *
 * <pre>{@code
 * DataKind kind = DataKind.DIGITIZED;
 * boolean againstThePaper = kind.measured();   // true
 * String json = kind.code();                   // "digitized"
 * }</pre>
 */
public enum DataKind {
    /** The authors' (or a database's) own numbers, as published. */
    REAL,
    /** Measurements read off a published figure (e.g. Epoch's digitization of Chinchilla's runs, Jones's vector plot). */
    DIGITIZED,
    /** Points computed by our scripts from a published law: they can only show that a refit recovers that law. */
    GENERATED;

    /** @return {@code real}, {@code digitized} or {@code generated}, as written in {@code report.json} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for real and digitized data, the only kinds whose fits may be compared with published values */
    public boolean measured() {
        return this != GENERATED;
    }
}
