package org.scalefit.horizon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;
import org.scalefit.data.Cells;
import org.scalefit.data.Dates;
import org.scalefit.data.RowFilter;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.stats.Interval;

/**
 * Reads per-model horizons (a model, a release date, a horizon in minutes and optionally its
 * interval) from a table such as {@code datasets/metr-horizons.csv}, and release dates for run
 * files from METR's {@code release_dates.yaml} or a two-column CSV.
 *
 * <p>Interval columns default to the horizon column's name with {@code _minutes} replaced by
 * {@code _ci_low} / {@code _ci_high} (so {@code p50_minutes} finds {@code p50_ci_low},
 * {@code p50_ci_high}) when the table has them. A table with a {@code benchmark_version} column — or, as in
 * METR's own {@code published_horizons} export, a {@code benchmark} column — holding several versions (TH1.0 and
 * TH1.1) is narrowed to one: the one asked for, or else the first in the file, with a note naming the column; the
 * versions measure the same models on different task suites, so they are never mixed. Without a {@code model}
 * column, METR's {@code model_key} names the models.
 *
 * <pre>{@code
 * HorizonTable t = HorizonTable.read(Path.of("datasets/metr-horizons.csv"), HorizonTable.Columns.defaults(), List.of());
 * TrendFit fit = Trends.fit(t.points(), TrendOptions.defaults().withFrontier(true));
 * Map<String, Double> dates = HorizonTable.releaseDates(Path.of("release_dates.yaml"));
 * }</pre>
 *
 * @param source  the file name
 * @param points  one point per model
 * @param version the benchmark version kept, or null when the table has none
 * @param notes   notes for the reader (e.g. which version was chosen)
 * @param skipped rows left out as invalid (only when reading with {@code skipInvalid}), in file order
 */
public record HorizonTable(String source, List<HorizonPoint> points, String version, List<String> notes,
                           List<org.scalefit.data.SkippedRow> skipped) {
    /** The column that marks the benchmark version. */
    public static final String VERSION_COLUMN = "benchmark_version";
    /** The same in METR's {@code published_horizons_th1.0_th1.1.csv}. */
    public static final String METR_VERSION_COLUMN = "benchmark";

    /**
     * Copies the lists.
     *
     * @param source  the file name
     * @param points  one point per model
     * @param version the benchmark version kept, or null when the table has none
     * @param notes   notes for the reader (e.g. which version was chosen)
     * @param skipped rows left out as invalid, in file order
     */
    public HorizonTable {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
        skipped = List.copyOf(skipped);
    }

    /**
     * A table with no rows skipped.
     *
     * @param source  the file name
     * @param points  one point per model
     * @param version the benchmark version kept, or null
     * @param notes   notes for the reader
     */
    public HorizonTable(String source, List<HorizonPoint> points, String version, List<String> notes) {
        this(source, points, version, notes, List.of());
    }

    /** @return notes for the reader (e.g. which version was chosen), in the library's words */
    @Override
    public List<String> notes() {
        return notes(null);
    }

    /**
     * @param optionNames a front end's name of each option the notes mention, or null for the library's words
     * @return the notes
     */
    public List<String> notes(java.util.function.Function<OptionKey, String> optionNames) {
        return notes.stream().map(n -> OptionKey.render(n, optionNames)).toList();
    }

    /**
     * Column names of a horizon table.
     *
     * @param model   model column (if absent, models are named by their row)
     * @param date    release date column
     * @param minutes horizon column (minutes)
     * @param lower   interval lower-end column, or null for the default
     * @param upper   interval upper-end column, or null for the default
     * @param version the benchmark version to keep, or null for the first in the file
     */
    public record Columns(String model, String date, String minutes, String lower, String upper, String version) {
        /** @return model, release_date, p50_minutes, default interval columns, first version */
        public static Columns defaults() {
            return new Columns("model", "release_date", "p50_minutes", null, null, null);
        }
    }

    /**
     * Reads the table.
     *
     * @param path    the file
     * @param columns which columns hold what
     * @param filters rows to keep (all must match)
     * @return the points
     * @throws InvalidDataException for a missing column, an unparsable date, a negative horizon,
     *                              an interval that does not contain its estimate, or a model given twice
     */
    public static HorizonTable read(Path path, Columns columns, List<RowFilter> filters) {
        return read(path, columns, filters, false);
    }

    /**
     * Reads the table, optionally leaving out rows with a missing or invalid value (an empty or
     * non-numeric horizon, an unparsable date, an interval that does not contain its estimate) and
     * listing them in {@link #skipped()} instead of stopping at the first.
     *
     * <pre>{@code
     * HorizonTable t = HorizonTable.read(Path.of("horizons.csv"), HorizonTable.Columns.defaults(), List.of(), true);
     * t.skipped().forEach(r -> System.err.println(r.reason()));
     * }</pre>
     *
     * @param path        the file
     * @param columns     which columns hold what
     * @param filters     rows to keep (all must match)
     * @param skipInvalid true to skip invalid rows and list them
     * @return the points
     * @throws InvalidDataException as {@link #read(Path, Columns, List)}; with {@code skipInvalid} only for
     *                              problems of the whole table (a missing column, a model given twice, no rows left)
     */
    public static HorizonTable read(Path path, Columns columns, List<RowFilter> filters, boolean skipInvalid) {
        Table table = TableReader.read(path);
        List<String> notes = new ArrayList<>();
        IntPredicate keep = RowFilter.all(filters, table);
        String version = null;
        String versionColumn = table.hasColumn(VERSION_COLUMN) ? VERSION_COLUMN
                : table.hasColumn(METR_VERSION_COLUMN) ? METR_VERSION_COLUMN : null;
        if (versionColumn != null) {
            int vc = table.columnIndex(versionColumn);
            Set<String> versions = new LinkedHashSet<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (keep.test(r)) {
                    versions.add(table.cell(r, vc).strip());
                }
            }
            if (columns.version() != null) {
                // METR's own export names the suites METR-Horizon-v1 and -v1.1; our tables TH1.0 and TH1.1.
                String alias = Map.of("TH1.0", "METR-Horizon-v1", "TH1.1", "METR-Horizon-v1.1", "METR-Horizon-v1", "TH1.0",
                        "METR-Horizon-v1.1", "TH1.1").get(columns.version());
                if (!versions.contains(columns.version()) && alias != null && versions.contains(alias)) {
                    columns = new Columns(columns.model(), columns.date(), columns.minutes(), columns.lower(), columns.upper(),
                            alias);
                }
                if (!versions.contains(columns.version())) {
                    throw new InvalidDataException("no rows of " + table.source() + " have " + versionColumn + " "
                            + columns.version() + "; it has " + String.join(", ", versions));
                }
                version = columns.version();
            } else if (versions.size() > 1) {
                version = versions.iterator().next();
                notes.add(table.source() + " holds " + String.join(" and ", versions) + " results"
                        + (versionColumn.equals(VERSION_COLUMN) ? "" : " (column " + versionColumn + ")") + "; using " + version
                        + " (choose with " + OptionKey.BENCHMARK_VERSION.label() + ")");
            } else if (versions.size() == 1) {
                version = versions.iterator().next();
            }
            if (version != null) {
                String v = version;
                keep = keep.and(r -> table.cell(r, vc).strip().equals(v));
            }
        }
        int cd = table.columnIndex(columns.date());
        int cy = table.columnIndex(columns.minutes());
        String modelColumn = !table.hasColumn(columns.model()) && columns.model().equals(Columns.defaults().model())
                && table.hasColumn("model_key") ? "model_key" : columns.model();
        int cm = table.hasColumn(modelColumn) ? table.columnIndex(modelColumn) : -1;
        if (cm < 0 && !columns.model().equals(Columns.defaults().model())) {
            table.columnIndex(columns.model());
        }
        String base = columns.minutes().endsWith("_minutes")
                ? columns.minutes().substring(0, columns.minutes().length() - "_minutes".length()) : columns.minutes();
        String lowName = columns.lower() != null ? columns.lower() : base + "_ci_low";
        String highName = columns.upper() != null ? columns.upper() : base + "_ci_high";
        int cl = columns.lower() != null || table.hasColumn(lowName) ? table.columnIndex(lowName) : -1;
        int ch = columns.upper() != null || table.hasColumn(highName) ? table.columnIndex(highName) : -1;
        if ((cl < 0) != (ch < 0)) {
            throw new InvalidDataException(table.source() + " has " + (cl < 0 ? highName : lowName) + " but not "
                    + (cl < 0 ? lowName : highName) + "; give both interval ends or neither");
        }
        List<HorizonPoint> points = new ArrayList<>();
        List<org.scalefit.data.SkippedRow> skipped = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (!keep.test(r)) {
                continue;
            }
            String model;
            try {
                model = cm < 0 ? "row " + table.sourceRow(r) : Cells.label(table, r, cm);
            } catch (InvalidDataException e) {
                skip(skipped, skipInvalid, table, r, cm, e);
                continue;
            }
            Integer before = seen.get(model);
            if (before != null) {
                // A model named twice is a problem of the whole table, never skipped as one invalid row.
                throw new InvalidDataException("model \"" + model + "\" appears twice in " + table.source() + " (rows "
                        + before + " and " + table.sourceRow(r) + "); keep one with " + OptionKey.WHERE.label());
            }
            int column = cd;
            try {
                double date = Cells.epochDay(table, r, cd);
                column = cy;
                double minutes = Cells.number(table, r, cy);
                if (!(minutes >= 0)) {
                    throw new InvalidDataException(table.where(r, cy) + " is " + table.cell(r, cy).strip()
                            + ": horizons must be ≥ 0 minutes");
                }
                HorizonPoint p = HorizonPoint.of(model, date, minutes);
                if (cl >= 0 && !table.cell(r, cl).isBlank() && !table.cell(r, ch).isBlank()) {
                    column = cl;
                    double lo = Cells.number(table, r, cl);
                    column = ch;
                    double hi = Cells.number(table, r, ch);
                    if (!(lo >= 0 && lo <= minutes && hi >= minutes)) {
                        throw new InvalidDataException("row " + table.sourceRow(r) + " of " + table.source() + ": the interval ["
                                + table.cell(r, cl).strip() + ", " + table.cell(r, ch).strip()
                                + "] does not contain the horizon " + table.cell(r, cy).strip());
                    }
                    p = p.withInterval(lo, hi);
                }
                seen.put(model, table.sourceRow(r));
                points.add(p);
            } catch (InvalidDataException e) {
                skip(skipped, skipInvalid, table, r, column, e);
            }
        }
        if (points.isEmpty()) {
            throw new InvalidDataException("no rows of " + table.source() + " are left"
                    + (filters.isEmpty() ? "" : " after the filters")
                    + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped as invalid, the first: " + skipped.get(0).reason()));
        }
        return new HorizonTable(table.source(), points, version, notes, skipped);
    }

    /** Leaves an invalid row out (listing it) when asked to, else stops at it. */
    private static void skip(List<org.scalefit.data.SkippedRow> skipped, boolean skipInvalid, Table table, int r, int column,
                             InvalidDataException e) {
        if (!skipInvalid) {
            throw e;
        }
        skipped.add(new org.scalefit.data.SkippedRow(table.sourceRow(r), column < 0 ? "" : table.columns().get(column),
                e.getMessage()));
    }

    /**
     * Release dates by model name, from METR's {@code release_dates.yaml} (a {@code date:} map of
     * {@code name: YYYY-MM-DD}) or from a CSV/TSV whose first two columns are the model and the date.
     *
     * @param path the file
     * @return dates (days since 1970-01-01) by model
     * @throws InvalidDataException for an unreadable file or date
     */
    public static Map<String, Double> releaseDates(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Map<String, Double> out = new LinkedHashMap<>();
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidDataException(Files.exists(path) ? "cannot read " + path + ": " + e.getMessage()
                        : "file not found: " + path, e);
            }
            boolean inDates = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) {
                    inDates = line.strip().equals("date:") || line.strip().equals("dates:");
                    continue;
                }
                if (!inDates) {
                    continue;
                }
                int colon = line.lastIndexOf(':');
                if (colon < 0) {
                    throw new InvalidDataException("line " + (i + 1) + " of " + name + " is not \"model: YYYY-MM-DD\"");
                }
                String model = unquote(line.substring(0, colon).strip());
                String value = unquote(line.substring(colon + 1).strip());
                try {
                    out.put(model, Dates.toEpochDay(value));
                } catch (InvalidDataException e) {
                    throw new InvalidDataException("line " + (i + 1) + " of " + name + ": " + e.getMessage());
                }
            }
            if (out.isEmpty()) {
                throw new InvalidDataException(name + " has no \"date:\" map of model: YYYY-MM-DD");
            }
            return out;
        }
        Table t = TableReader.read(path);
        if (t.columnCount() < 2) {
            throw new InvalidDataException(name + " needs two columns: model and release date");
        }
        for (int r = 0; r < t.rowCount(); r++) {
            out.put(Cells.label(t, r, 0), Cells.epochDay(t, r, 1));
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
