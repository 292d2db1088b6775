package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.data.Cells;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.EloFrontier;
import org.scalefit.plot.charts.HexChart;
import org.scalefit.plot.charts.XY;

/**
 * Jones (2021), Hex: Elo against training compute for board sizes 3–9. The runs are generated from
 * Jones's published frontier model; each board's frontier is the best Elo over its runs at each
 * compute (forward-filled, so it never falls), and the change-point model is refitted to all
 * frontiers with scalefit's engine.
 *
 * <p>Published numbers compared (Jones 2021, fitted frontier parameters): m_flops = 510 Elo per
 * tenfold compute ("about 500"), the compute multiplier per board row 10^(430/510) ≈ 7 ("7×"),
 * m_board = −430, c_incline = −4400, m_plateau = −270, c_plateau = 570.
 *
 * <pre>{@code
 * FigureResult r = new HexReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class HexReproduction implements Reproduction {
    /** Runs generated from the published frontier model. */
    public static final String RUNS = "jones2021-hex-runs.csv";
    private static final String PAPER = "Jones (2021)";

    /** Creates the reproduction. */
    public HexReproduction() {
    }

    @Override
    public String id() {
        return "jones2021-hex";
    }

    @Override
    public FigureResult run(Datasets data) {
        Table t = data.table(RUNS);
        int bc = t.columnIndex("board_size");
        int rc = t.columnIndex("run");
        int fc = t.columnIndex("flops");
        int ec = t.columnIndex("elo");
        Map<Integer, Map<String, List<double[]>>> boards = new TreeMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            int b = (int) Math.round(Cells.number(t, r, bc));
            boards.computeIfAbsent(b, k -> new LinkedHashMap<>()).computeIfAbsent(t.cell(r, rc), k -> new ArrayList<>())
                    .add(new double[] {Cells.number(t, r, fc), Cells.number(t, r, ec)});
        }
        Map<Integer, List<XY>> runs = new TreeMap<>();
        Map<Integer, XY> frontiers = new TreeMap<>();
        List<Double> ox = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> oy = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<double[]>>> e : boards.entrySet()) {
            List<XY> rs = new ArrayList<>();
            for (List<double[]> pts : e.getValue().values()) {
                pts.sort((a, b) -> Double.compare(a[0], b[0]));
                double[] x = new double[pts.size()];
                double[] y = new double[pts.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = pts.get(i)[0];
                    y[i] = pts.get(i)[1];
                }
                rs.add(new XY(x, y));
            }
            runs.put(e.getKey(), rs);
            XY f = forwardFilledMax(CurveEnvelope.upper(rs, 101));
            frontiers.put(e.getKey(), f);
            double[] fx = f.x();
            double[] fy = f.y();
            for (int i = 0; i < fx.length; i++) {
                ox.add(fx[i]);
                on.add((double) e.getKey());
                oy.add(fy[i]);
            }
        }
        Observations obs = Observations.builder().source(RUNS).predictor("C", "flops", KaplanReproduction.unbox(ox))
                .predictor("n", "board_size", KaplanReproduction.unbox(on)).response("elo", KaplanReproduction.unbox(oy))
                .build();
        Fit fit = Fitter.fit(new EloFrontier(), obs, FitOptions.defaults());

        List<HexChart.Board> chartBoards = new ArrayList<>();
        double[] p = fit.values();
        for (Map.Entry<Integer, List<XY>> e : runs.entrySet()) {
            XY f = frontiers.get(e.getKey());
            double[] gx = f.x();
            double[] gy = new double[gx.length];
            for (int i = 0; i < gx.length; i++) {
                gy[i] = fit.law().value(new double[] {gx[i], e.getKey()}, p);
            }
            chartBoards.add(new HexChart.Board(e.getKey(), e.getValue(), f, new XY(gx, gy)));
        }
        HexChart.Input input = new HexChart.Input(chartBoards,
                "Runs generated from Jones (2021)'s published frontier model, not his runs;\n"
                        + "bold: frontier of the runs; dashed: change-point model refitted by scalefit");

        Parameter mf = fit.parameter("m_flops");
        Estimate factor = fit.derived("compute_factor_per_board");
        List<PublishedComparison> numbers = new ArrayList<>();
        numbers.add(new PublishedComparison("Elo per 10x compute (m_flops)", mf.value(), mf.lower(), mf.upper(), 510,
                PAPER + ", fitted frontier parameters (\"about 500 Elo\")", ""));
        numbers.add(new PublishedComparison("compute multiplier per board size", factor.value(), factor.lower(), factor.upper(),
                Math.pow(10, 430.0 / 510), PAPER + " (\"7×\"; 10^(430/510) = 6.97)", ""));
        String[][] rest = {{"m_board", "-430"}, {"c_incline", "-4400"}, {"m_plateau", "-270"}, {"c_plateau", "570"}};
        for (String[] r : rest) {
            Parameter q = fit.parameter(r[0]);
            numbers.add(new PublishedComparison(r[0], q.value(), q.lower(), q.upper(), Double.parseDouble(r[1]),
                    PAPER + ", fitted frontier parameters", ""));
        }
        int runCount = runs.values().stream().mapToInt(List::size).sum();
        List<String> notes = List.of(
                "Jones's per-run data are not bundled. The " + runCount + " runs are generated from his published "
                        + "frontier model (plateau −270·n + 570, incline 510·log10 C − 430·n − 4400, capped at 0), each "
                        + "with its own compute lag (up to 0.9 decades), ceiling, start below the plateau, smooth corners "
                        + "and noise (datasets/generate_jones2021.py).",
                "Frontier: the best Elo over each board's runs at each compute on a 101-point grid, forward-filled; "
                        + "the change-point model is fitted to all seven frontiers at once (" + obs.size()
                        + " points, linear space). Runs lag the model, so the refitted intercepts sit below the "
                        + "published ones; the slope and the per-board multiplier are what the chart is about.",
                String.format(Locale.ROOT, "Refitted model: %s", fit.formulaWithValues()));
        return new FigureResult(id(), "Hex: Elo against training compute by board size", PAPER
                + ", compute frontiers (Figure of Elo v. FLOPS)", HexChart.draw(input), numbers, notes,
                List.of(data.describe(RUNS)));
    }

    /** The upper envelope as points, made non-decreasing: more compute never makes the frontier worse. */
    static XY forwardFilledMax(CurveEnvelope e) {
        XY pts = e.points();
        double[] x = pts.x();
        double[] y = pts.y();
        for (int i = 1; i < y.length; i++) {
            y[i] = Math.max(y[i], y[i - 1]);
        }
        return new XY(x, y);
    }
}
