/**
 * Data in: experiment tables read from files and turned into the {@link org.scalefit.data.Observations}
 * a fit consumes, with a message naming file, row, column and value for anything wrong.
 *
 * <h2>Observations</h2>
 * {@link org.scalefit.data.Observations} is the immutable input of every fit: one or more
 * predictor columns x (named as the law names them, e.g. {@code N} and {@code D}), a response y,
 * optional weights or standard deviations, optional group labels, and the file row of each point.
 * Every value is finite.
 *
 * <h2>Tables</h2>
 * {@link org.scalefit.data.TableReader} reads CSV (comma, semicolon or tab, detected), TSV and
 * JSON Lines into a {@link org.scalefit.data.Table} of text cells, streaming the file and keeping
 * only the columns asked for. Files must be UTF-8. {@link org.scalefit.data.Cells} converts cells
 * to numbers, dates and labels. {@link org.scalefit.data.DataSpec} says which columns make the
 * observations — plain ({@link org.scalefit.data.ColumnSpec}, {@code N=params}), dates, or a
 * quotient ({@link org.scalefit.data.DerivedColumn}, {@code D=compute/(6*params)}) — plus the
 * response, weights or sigma, groups and {@link org.scalefit.data.RowFilter}s, and whether to stop
 * at the first bad row or skip and report bad rows ({@link org.scalefit.data.LoadResult}).
 *
 * <h2>Row numbers</h2>
 * Rows follow the spreadsheet convention: in CSV and TSV the header is row 1 and the first data
 * row is row 2; blank lines are skipped but counted, so row numbers match what a spreadsheet
 * shows. In JSON Lines the row is the line number. Observations keep these numbers, so a message
 * from the fit ({@code power-law fit needs x > 0: row 4 of runs.csv, column "compute" is -2.0})
 * points at the line to fix.
 *
 * <h2>Dates</h2>
 * Time is a double: days since 1970-01-01 UTC, with the time of day as a fraction.
 * {@link org.scalefit.data.Dates} reads ISO dates and date-times (with or without an offset),
 * {@code YYYY-MM} (the first of the month) and decimal years ({@code 2024.37}: the start of the
 * year plus 0.37 of its 365 or 366 days), and converts back to dates and decimal years. Durations
 * in months and years use the mean Gregorian lengths {@link org.scalefit.data.Dates#DAYS_PER_MONTH}
 * and {@link org.scalefit.data.Dates#DAYS_PER_YEAR}.
 *
 * <pre>{@code
 * DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").build();
 * Observations obs = spec.load(Path.of("runs.csv")).observations();
 * }</pre>
 */
package org.scalefit.data;
