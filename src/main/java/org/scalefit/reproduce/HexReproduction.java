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
 * Jones (2021), Hex: Elo against training compute for board sizes 3–9, from the author's own vector figure
 * ({@code flops_curves.svg} of andyljones/boardlaw, MIT) digitized by {@code datasets/digitize_jones2021.py}: every
 * training run (195) and every board's compute frontier as Jones drew it — his {@code interp_frontier}, the plain
 * maximum over the runs on a 101-point grid in log compute, not forward-filled. Jones's change-point model is refitted
 * to the 707 frontier points by least squares with scalefit's engine.
 *
 * <p>Compared with the paper (digitized data): m_flops = 510 Elo per tenfold compute ("about 500"), the compute
 * multiplier per board row 10^(430/510) ≈ 7 ("7×"), m_board = −430, c_incline = −4400, m_plateau = −270,
 * c_plateau = 570 (Jones 2021, fitted frontier parameters, two significant figures). The SciPy peer
 * ({@code bench/peers/jones2021_frontier.py}) reaches the same least-squares optimum: 505.609, 7.0889, −430.062,
 * −4399.03, −268.444, 574.976.
 *
 * <pre>{@code
 * FigureResult r = new HexReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class HexReproduction implements Reproduction {
    /** The runs and frontiers digitized from Jones's figure. */
    public static final String RUNS = "jones2021-hex-runs-digitized.csv";
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
        int sc = t.columnIndex("series");
        int rc = t.columnIndex("run");
        int fc = t.columnIndex("train_flops");
        int ec = t.columnIndex("elo");
        Map<Integer, Map<String, List<double[]>>> boards = new TreeMap<>();
        Map<Integer, List<double[]>> drawnFrontiers = new TreeMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            int b = (int) Math.round(Cells.number(t, r, bc));
            double[] point = {Cells.number(t, r, fc), Cells.number(t, r, ec)};
            if (t.cell(r, sc).strip().equals("frontier")) {
                drawnFrontiers.computeIfAbsent(b, k -> new ArrayList<>()).add(point);
            } else {
                boards.computeIfAbsent(b, k -> new LinkedHashMap<>()).computeIfAbsent(t.cell(r, rc), k -> new ArrayList<>())
                        .add(point);
            }
        }
        Map<Integer, List<XY>> runs = new TreeMap<>();
        for (Map.Entry<Integer, Map<String, List<double[]>>> e : boards.entrySet()) {
            List<XY> rs = new ArrayList<>();
            for (List<double[]> pts : e.getValue().values()) {
                rs.add(KaplanReproduction.sortedByX(pts));
            }
            runs.put(e.getKey(), rs);
        }
        List<Double> ox = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> oy = new ArrayList<>();
        Map<Integer, XY> frontiers = new TreeMap<>();
        for (Map.Entry<Integer, List<double[]>> e : drawnFrontiers.entrySet()) {
            XY f = KaplanReproduction.sortedByX(e.getValue());
            frontiers.put(e.getKey(), f);
            double[] fx = f.x();
            double[] fy = f.y();
            for (int i = 0; i < fx.length; i++) {
                ox.add(fx[i]);
                on.add((double) e.getKey());
                oy.add(fy[i]);
            }
        }
        Observations obs = Observations.builder().source(RUNS).predictor("C", "train_flops", KaplanReproduction.unbox(ox))
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
                "Runs and frontiers digitized from Jones (2021)'s own vector figure (boardlaw, MIT);\n"
                        + "bold: frontier as he drew it; dashed: his change-point model refitted by scalefit");

        Parameter mf = fit.parameter("m_flops");
        Estimate factor = fit.derived("compute_factor_per_board");
        String peer = "SciPy peer (bench/peers/jones2021_frontier.py): ";
        List<PublishedComparison> numbers = new ArrayList<>();
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "Elo per 10x compute (m_flops)", mf.value(), mf.lower(),
                mf.upper(), 510, PAPER + ", fitted frontier parameters (\"about 500 Elo\")", peer + "505.609"));
        numbers.add(PublishedComparison.published(DataKind.DIGITIZED, "compute multiplier per board size", factor.value(),
                factor.lower(), factor.upper(), Math.pow(10, 430.0 / 510), PAPER + " (\"7×\"; 10^(430/510) = 6.97)",
                peer + "7.0889"));
        String[][] rest = {{"m_board", "-430", "-430.062"}, {"c_incline", "-4400", "-4399.03"}, {"m_plateau", "-270", "-268.444"},
            {"c_plateau", "570", "574.976"}};
        for (String[] r : rest) {
            Parameter q = fit.parameter(r[0]);
            numbers.add(PublishedComparison.published(DataKind.DIGITIZED, r[0], q.value(), q.lower(), q.upper(),
                    Double.parseDouble(r[1]), PAPER + ", fitted frontier parameters (two significant figures)", peer + r[2]));
        }
        int runCount = runs.values().stream().mapToInt(List::size).sum();
        List<String> notes = List.of(
                "Data: the " + runCount + " training runs and the 7 board frontiers of Jones's own figure (flops_curves.svg "
                        + "of andyljones/boardlaw, MIT), digitized from its vector paths by datasets/digitize_jones2021.py "
                        + "(axes calibrated from the tick labels; every tick maps back within 1e-5 Elo and 4e-8 decade).",
                "Frontier: as Jones drew it, his interp_frontier — the maximum Elo over each board's runs on a 101-point grid "
                        + "in log10 compute, not forward-filled, so it dips where a better run ends. The change-point model "
                        + "is fitted to all seven frontiers at once (" + obs.size() + " points, least squares in Elo), the "
                        + "objective Jones minimised.",
                "Intervals: t intervals from the fit's covariance; the points along a frontier are not independent, so "
                        + "these understate the uncertainty (the peer's run-level bootstrap gives m_flops 489–518 and the "
                        + "multiplier 6.94–7.43).",
                String.format(Locale.ROOT, "Refitted model: %s", fit.formulaWithValues()));
        return new FigureResult(id(), "Hex: Elo against training compute by board size", PAPER
                + ", compute frontiers (Figure of Elo v. FLOPS)", HexChart.draw(input), numbers, notes,
                List.of(data.describe(RUNS)));
    }
}
