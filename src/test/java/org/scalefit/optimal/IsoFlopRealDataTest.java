package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.data.Cells;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * Hoffmann et al.'s Approach 2 on the 245 Chinchilla runs Epoch AI digitized ({@code datasets/epoch2024-chinchilla-runs.csv}),
 * against the independent NumPy peer {@code bench/peers/chinchilla_isoflop.py} ({@code peers/chinchilla-isoflop.json}):
 * nearest of Hoffmann's nine budgets within 0.1 decade, a parabola per budget, OLS of log N_opt on log C.
 * The point estimates are the same arithmetic, so they agree to rounding (1e-9 relative); the bootstrap draws other
 * resamples (our seeded streams, not NumPy's), so its intervals agree within Monte Carlo error.
 */
class IsoFlopRealDataTest {
    private static double[] flops;
    private static double[] params;
    private static double[] loss;
    private static JsonNode peer;

    @BeforeAll
    static void load() throws IOException {
        Table t = TableReader.read(Path.of("datasets/epoch2024-chinchilla-runs.csv"));
        int n = t.rowCount();
        flops = new double[n];
        params = new double[n];
        loss = new double[n];
        for (int r = 0; r < n; r++) {
            flops[r] = Cells.number(t, r, t.columnIndex("flops"));
            params[r] = Cells.number(t, r, t.columnIndex("params"));
            loss[r] = Cells.number(t, r, t.columnIndex("loss"));
        }
        try (InputStream in = IsoFlopRealDataTest.class.getResourceAsStream("/peers/chinchilla-isoflop.json")) {
            peer = new ObjectMapper().readTree(in).get("approach2");
        }
    }

    private static IsoFlop.Result fit() {
        return IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), 0.1);
    }

    @Test
    void assignmentKeeps182RunsAndListsThe63Outside() {
        IsoFlop.Result r = fit();
        assertEquals(peer.get("runs_assigned").asInt(), r.runsAssigned());
        assertEquals(182, r.runsAssigned());
        assertEquals(63, r.excluded().size());
        JsonNode outside = peer.get("runs_outside");
        for (int i = 0; i < outside.size(); i++) {
            IsoFlop.Excluded e = r.excluded().get(i);
            assertEquals(outside.get(i).get("run").asInt(), e.run());
            assertEquals(outside.get(i).get("nearest_budget").asDouble(), e.nearest(), 0);
            assertEquals(outside.get(i).get("decades_from_it").asDouble(), e.decades(), 5e-5);
            assertTrue(Math.abs(e.decades()) > 0.1);
        }
    }

    @Test
    void pointEstimatesEqualThePeer() {
        IsoFlop.Result r = fit();
        // Peer: a 0.500050, b 0.499950, N_opt 66.314 B, D_opt 1.4477 T at 5.76e23 FLOP.
        assertEquals(peer.get("a").asDouble(), r.nOpt().exponent(), 1e-9);
        assertEquals(peer.get("b").asDouble(), r.dOpt().exponent(), 1e-9);
        assertEquals(peer.get("n_opt_gopher").asDouble(), r.nOptAt(IsoFlop.GOPHER_FLOPS), 1e-8 * 6.6e10);
        assertEquals(peer.get("d_opt_gopher").asDouble(), r.dOptAt(IsoFlop.GOPHER_FLOPS), 1e-8 * 1.45e12);
        assertEquals(r.dOptAt(IsoFlop.GOPHER_FLOPS), r.dOpt().at(IsoFlop.GOPHER_FLOPS), 1e-9 * 1.45e12);
        JsonNode budgets = peer.get("budgets");
        assertEquals(9, r.profiles().size());
        for (int j = 0; j < 9; j++) {
            IsoFlop.Profile p = r.profiles().get(j);
            assertEquals(budgets.get(j).get("compute").asDouble(), p.compute(), 0);
            assertEquals(budgets.get(j).get("points").asInt(), p.points());
            assertEquals(budgets.get(j).get("n_opt").asDouble(), p.nOpt(), 1e-9 * p.nOpt());
            assertEquals(budgets.get(j).get("loss_min").asDouble(), p.minLoss(), 1e-11);
        }
    }

    @Test
    void issue13DoneWhen() {
        IsoFlop.Result r = fit();
        // Issue 13: a within [0.46, 0.54] and N_opt(5.76e23) within [50, 80] B (Hoffmann et al. 2022: 0.49, 63 B).
        assertTrue(r.nOpt().exponent() >= 0.46 && r.nOpt().exponent() <= 0.54, "a = " + r.nOpt().exponent());
        double n = r.nOptAt(IsoFlop.GOPHER_FLOPS);
        assertTrue(n >= 50e9 && n <= 80e9, "N_opt = " + n);
    }

    @Test
    void toleranceVariantsEqualThePeers() {
        JsonNode v = peer.get("variants");
        for (double tol : new double[] {0.05, 0.075, 0.125, 0.15, 0.2, 0.3}) {
            IsoFlop.Result r = IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), tol);
            JsonNode p = v.get("tolerance_" + tol);
            assertEquals(p.get("a").asDouble(), r.nOpt().exponent(), 1e-9, "tolerance " + tol);
            assertEquals(p.get("points").asInt(), r.runsAssigned(), "tolerance " + tol);
            assertEquals(p.get("n_opt_gopher").asDouble(), r.nOptAt(IsoFlop.GOPHER_FLOPS), 1e-8 * 7e10, "tolerance " + tol);
        }
    }

    @Test
    void bootstrapIntervalsAgreeWithThePeerWithinMonteCarloError() {
        IsoFlop.Result r = fit();
        IsoFlopBootstrap.Result b = IsoFlopBootstrap.run(r, params, loss, new double[] {IsoFlop.GOPHER_FLOPS}, 2000, 2022,
                0.95, 2, Progress.NONE);
        JsonNode ci = peer.get("bootstrap").get("ci95");
        // Peer (2,000 NumPy resamples): a [0.4284, 0.5244], N_opt [32.7, 82.0] B, D_opt [1.17, 2.94] T; 18 resamples
        // without a minimum. The 2.5% quantile of 2,000 draws has a Monte Carlo s.e. of about 0.0055 for a (from the
        // spread of the replicates: sd 0.025, density at the tail); we allow about 2.5 s.e.
        assertEquals(ci.get("a").get(0).asDouble(), b.a().lower(), 0.015);
        assertEquals(ci.get("a").get(1).asDouble(), b.a().upper(), 0.006);
        assertEquals(ci.get("b").get(0).asDouble(), b.b().lower(), 0.006);
        assertEquals(ci.get("b").get(1).asDouble(), b.b().upper(), 0.015);
        assertEquals(ci.get("n_opt_gopher").get(0).asDouble() / 1e9, b.nOpt().get(0).lower() / 1e9, 6);
        assertEquals(ci.get("n_opt_gopher").get(1).asDouble() / 1e9, b.nOpt().get(0).upper() / 1e9, 4);
        assertEquals(ci.get("d_opt_gopher").get(0).asDouble() / 1e12, b.dOpt().get(0).lower() / 1e12, 0.08);
        assertEquals(ci.get("d_opt_gopher").get(1).asDouble() / 1e12, b.dOpt().get(0).upper() / 1e12, 0.5);
        // 18 of 2,000 in the peer: a binomial count, s.e. about 4.2.
        assertEquals(18, b.withoutMinimum(), 13);
        assertEquals(2000 - b.withoutMinimum(), b.a().used());
    }

    @Test
    void bootstrapIsTheSameOnAnyThreadCount() {
        IsoFlop.Result r = fit();
        IsoFlopBootstrap.Result one = IsoFlopBootstrap.run(r, params, loss, new double[] {1e22, 1e24}, 300, 7, 0.9, 1,
                Progress.NONE);
        IsoFlopBootstrap.Result four = IsoFlopBootstrap.run(r, params, loss, new double[] {1e22, 1e24}, 300, 7, 0.9, 4,
                Progress.NONE);
        assertEquals(one.withoutMinimum(), four.withoutMinimum());
        assertArrayEquals(new double[] {one.a().lower(), one.a().upper(), one.nOpt().get(1).lower(), one.dOpt().get(0).upper()},
                new double[] {four.a().lower(), four.a().upper(), four.nOpt().get(1).lower(), four.dOpt().get(0).upper()}, 0);
    }

    @Test
    void badBudgetsAndToleranceAreRefused() {
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(flops, params, loss, new double[0], 0.1));
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), 0));
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(flops, params, loss, new double[] {1e19, -1}, 0.1));
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(flops, params, loss, new double[] {1e19, 1e19}, 0.1));
        // Budgets far from every run: no budget has runs, so no power law.
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> IsoFlop.fit(flops, params, loss, new double[] {1e10, 1e11}, 0.1));
        assertTrue(e.getMessage().contains("found 0 of 2"), e.getMessage());
    }
}
