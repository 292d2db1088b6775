package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Table;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.DirectAccuracyLaw;
import org.scalefit.model.ExpDecayLink;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OvertrainingLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.SigmoidLink;

/**
 * Reading the rows of a downstream prediction, their roles and refusals, the columns and the model's predictors.
 * Every expected number is worked out by hand from the small tables written here (source rows count from 2, the
 * header being row 1).
 */
class DownstreamDataTest {
    private static final List<String> COLUMNS = List.of("run", "params", "mult", "tokens", "loss", "err", "fit", "target");

    /** Five rows: runs a (two checkpoints), b and c in the fits, t to predict, x in neither (fit = 0, target = 0). */
    private static Table table() {
        return Table.of("runs.csv", COLUMNS, List.of(
                List.of("a", "100", "20", "2000", "3.0", "0.6", "1", "0"),
                List.of("a", "100", "40", "4000", "2.8", "0.55", "1", "0"),
                List.of("b", "200", "20", "4000", "2.6", "0.5", "1", "0"),
                List.of("x", "300", "20", "6000", "2.5", "", "0", "0"),
                List.of("t", "400", "20", "8000", "", "n/a", "0", "1")));
    }

    private static RowSelection fitAndTarget() {
        return RowSelection.parse(List.of(), List.of("fit==1"), List.of("fit==1"), List.of("target==1"));
    }

    @Test
    void readsRolesValuesAndLabels() {
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                fitAndTarget());
        assertEquals(4, d.rows().size(), "row x has no role and is left out");
        assertArrayEquals(new int[] {0, 1, 2}, d.lossFitRows());
        assertArrayEquals(new int[] {0, 1, 2}, d.metricFitRows());
        assertArrayEquals(new int[] {3}, d.predictRows());
        DownstreamData.Row t = d.rows().get(3);
        assertEquals(6, t.sourceRow());
        assertEquals("t", t.unit());
        assertEquals(400, t.n());
        assertEquals(8000, t.d());
        assertTrue(Double.isNaN(t.loss()) && Double.isNaN(t.metric()), "a target's missing cells are NaN, not errors");
        assertFalse(t.lossFit() || t.metricFit());
        assertEquals(6 * 400 * 8000.0, t.compute(), 0.0);
        assertEquals(0.55, d.rows().get(1).metric(), 0.0);
        assertEquals(List.of("a", "b", "t"), d.units());
        assertEquals("runs.csv", d.source());
        assertEquals("params", d.nLabel());
        assertEquals("tokens", d.dLabel());
        assertEquals("tokens/params", d.mLabel());
        assertEquals("loss", d.lossLabel());
        assertEquals("err", d.metricLabel());
    }

    /** With M = D/N the tokens are M·N: 20·100 = 2000, and the labels say so. */
    @Test
    void aMultiplierColumnGivesTokens() {
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("M=mult", "N=params", "loss", "err", "run"),
                fitAndTarget());
        assertEquals(2000, d.rows().get(0).d(), 0.0);
        assertEquals(4000, d.rows().get(1).d(), 0.0);
        assertEquals(8000, d.rows().get(3).d(), 0.0);
        assertEquals("mult·params", d.dLabel());
        assertEquals("mult", d.mLabel());
    }

    /** A quotient column: D = tokens/(2·params) is 2000/(2·100) = 10 for the first row. */
    @Test
    void aQuotientColumnIsDividedByItsFactor() {
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens/(2*params)", "loss", "err", "run"),
                fitAndTarget());
        assertEquals(10, d.rows().get(0).d(), 1e-15);
        assertEquals(10, d.rows().get(3).d(), 1e-15);
        assertEquals("tokens/(2*params)", d.dLabel());
    }

    /** The denominator may be the table's first column (index 0): 4000/(2·200) = 10. */
    @Test
    void aQuotientOverTheFirstColumn() {
        Table t = Table.of("runs.csv", List.of("params", "tokens", "loss", "err"), List.of(List.of("200", "4000", "2.6", "0.5")));
        DownstreamData d = DownstreamData.read(t, DownstreamColumns.of("N=params", "D=tokens/(2*params)", "loss", "err", null),
                RowSelection.all());
        assertEquals(10, d.rows().get(0).d(), 1e-15);
    }

    /** Every row in both fits, none predicted. */
    @Test
    void allRowsSelection() {
        RowSelection all = RowSelection.all();
        assertTrue(all.where().isEmpty() && all.lossFit().isEmpty() && all.metricFit().isEmpty() && all.predict().isEmpty());
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                RowSelection.parse(List.of("target==0", "fit==1"), List.of(), List.of(), List.of()));
        assertArrayEquals(new int[] {0, 1, 2}, d.lossFitRows());
        assertArrayEquals(new int[] {0, 1, 2}, d.metricFitRows());
    }

    /** Without an id column every row is its own run, named by its source row; without predict filters nothing is predicted. */
    @Test
    void withoutIdsEachRowIsARun() {
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens", "loss", "err", null),
                RowSelection.parse(List.of("fit==1"), List.of(), List.of(), List.of()));
        assertEquals(List.of("row 2", "row 3", "row 4"), d.units());
        assertEquals(0, d.predictRows().length);
    }

    @Test
    void aSelectedRowWithoutWhatItsRoleNeedsIsNamed() {
        // Row 5 (x), in both fits, has no metric: fine for the loss fit; for the link fit it is an error naming row and
        // column, and the part is the link-fit set (it was the loss-fit set, so the command line suggested the wrong filter).
        DownstreamInputException e = assertThrows(DownstreamInputException.class, () -> DownstreamData.read(table(),
                DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                RowSelection.parse(List.of("target==0"), List.of(), List.of(), List.of())));
        assertEquals(DownstreamInputException.Part.METRIC_FIT_SET, e.part());
        assertEquals(5, e.row().orElseThrow());
        assertEquals("err", e.column());
        assertEquals("runs.csv", e.source());
        DownstreamData lossOnly = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                RowSelection.parse(List.of("target==0"), List.of(), List.of("fit==1"), List.of()));
        assertEquals(4, lossOnly.lossFitRows().length);
        assertEquals(3, lossOnly.metricFitRows().length);
        // The target row (6) in the loss fit has no loss.
        DownstreamInputException noLoss = assertThrows(DownstreamInputException.class, () -> DownstreamData.read(table(),
                DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                RowSelection.parse(List.of(), List.of("target==1"), List.of("fit==1"), List.of())));
        assertEquals(DownstreamInputException.Part.LOSS_FIT_SET, noLoss.part());
        assertEquals(6, noLoss.row().orElseThrow());
        assertEquals("loss", noLoss.column());
    }

    /** A cell that does not parse is the problem of the role that needs it: link fit, prediction. */
    @Test
    void aBadCellNamesTheRoleThatNeedsIt() {
        Table t = Table.of("runs.csv", COLUMNS, List.of(
                List.of("a", "100", "20", "2000", "3.0", "0.6", "1", "0"),
                List.of("b", "x", "20", "4000", "2.6q", "0.5", "0", "0"),
                List.of("t", "400", "20", "8000", "", "", "0", "1")));
        DownstreamColumns c = DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run");
        DownstreamInputException link = assertThrows(DownstreamInputException.class, () -> DownstreamData.read(t, c,
                RowSelection.parse(List.of(), List.of("fit==1"), List.of(), List.of("target==1"))));
        assertEquals(DownstreamInputException.Part.METRIC_FIT_SET, link.part(), "row b is only in the link fit: " + link.getMessage());
        assertEquals(3, link.row().orElseThrow());
        assertEquals("loss", link.column());
        Table badTarget = Table.of("runs.csv", COLUMNS, List.of(
                List.of("a", "100", "20", "2000", "3.0", "0.6", "1", "0"),
                List.of("t", "4e2x", "20", "8000", "", "", "0", "1")));
        DownstreamInputException target = assertThrows(DownstreamInputException.class, () -> DownstreamData.read(badTarget, c,
                RowSelection.parse(List.of(), List.of("fit==1"), List.of("fit==1"), List.of("target==1"))));
        assertEquals(DownstreamInputException.Part.PREDICT_SET, target.part());
        assertEquals("params", target.column());
        Table noId = Table.of("runs.csv", COLUMNS, List.of(List.of("", "100", "20", "2000", "3.0", "0.6", "1", "0")));
        DownstreamInputException id = assertThrows(DownstreamInputException.class, () -> DownstreamData.read(noId, c, fitAndTarget()));
        assertEquals(DownstreamInputException.Part.LOSS_FIT_SET, id.part());
        assertEquals("run", id.column());
        assertEquals(2, id.row().orElseThrow());
    }

    @Test
    void rowsMadeInCodeAreChecked() {
        DownstreamData.Row fit = new DownstreamData.Row(0, "a", 1e8, 2e9, 3.0, 0.5, true, true, false);
        DownstreamInputException noSize = assertThrows(DownstreamInputException.class, () -> data(fit,
                new DownstreamData.Row(0, "z", 0, 2e9, 3.0, 0.5, true, false, false)));
        assertEquals(DownstreamInputException.Part.LOSS_FIT_SET, noSize.part());
        assertEquals("run z needs N > 0 and D > 0, has N = 0.0, D = 2.0E9", noSize.getMessage());
        assertTrue(noSize.row().isEmpty());
        assertEquals("run z needs N > 0 and D > 0, has N = 1.0E8, D = 0.0", assertThrows(DownstreamInputException.class,
                () -> data(fit, new DownstreamData.Row(0, "z", 1e8, 0, 3.0, 0.5, true, false, false))).getMessage());
        DownstreamInputException badTarget = assertThrows(DownstreamInputException.class, () -> data(fit,
                new DownstreamData.Row(0, "z", 1e8, Double.NaN, Double.NaN, Double.NaN, false, false, true)));
        assertEquals(DownstreamInputException.Part.PREDICT_SET, badTarget.part());
        DownstreamInputException infinite = assertThrows(DownstreamInputException.class, () -> data(fit,
                new DownstreamData.Row(0, "z", 1e300, 1e300, Double.NaN, Double.NaN, false, false, true)));
        assertEquals(DownstreamInputException.Part.PREDICT_SET, infinite.part(), "C = 6·N·D overflows");
        DownstreamInputException linkNoLoss = assertThrows(DownstreamInputException.class, () -> data(fit,
                new DownstreamData.Row(0, "z", Double.NaN, Double.NaN, Double.NaN, 0.4, false, true, false)));
        assertEquals(DownstreamInputException.Part.METRIC_FIT_SET, linkNoLoss.part());
        assertEquals("run z has no loss", linkNoLoss.getMessage());
        // A link-only point needs no N and D (the OLMo ladder's anchor).
        assertEquals(2, data(fit, new DownstreamData.Row(0, "anchor", Double.NaN, Double.NaN, 0, 1, false, true, false))
                .metricFitRows().length);
        DownstreamInputException noLossFit = assertThrows(DownstreamInputException.class, () -> data(
                new DownstreamData.Row(0, "a", 1e8, 2e9, 3.0, 0.5, false, true, false)));
        assertEquals(DownstreamInputException.Part.LOSS_FIT_SET, noLossFit.part());
        assertEquals("no row of test is in the loss fit", noLossFit.getMessage());
        DownstreamInputException noLinkFit = assertThrows(DownstreamInputException.class, () -> data(
                new DownstreamData.Row(0, "a", 1e8, 2e9, 3.0, 0.5, true, false, false)));
        assertEquals(DownstreamInputException.Part.METRIC_FIT_SET, noLinkFit.part());
    }

    private static DownstreamData data(DownstreamData.Row... rows) {
        return new DownstreamData("test", "N", "D", "D/N", "loss", "acc", List.of(rows));
    }

    @Test
    void selectAndHoldOut() {
        DownstreamData d = DownstreamData.read(table(), DownstreamColumns.of("N=params", "D=tokens", "loss", "err", "run"),
                fitAndTarget());
        DownstreamData twice = d.select(new int[] {2, 2, 0});
        assertEquals(List.of("b", "b", "a"), twice.rows().stream().map(DownstreamData.Row::unit).toList());
        assertEquals(List.of("b", "a"), twice.units());
        DownstreamData withoutA = d.holdingOut(Set.of("a"));
        assertEquals(List.of("b", "t"), withoutA.units());
        assertEquals("tokens/params", withoutA.mLabel());
        assertThrows(DownstreamInputException.class, () -> d.holdingOut(Set.of("a", "b")));
    }

    @Test
    void columnsTakeNAndOneOfDOrM() {
        DownstreamColumns c = DownstreamColumns.of(List.of("D=tokens", "N=params"), "loss", "err", "run");
        assertEquals("N", c.n().name());
        assertEquals("D", c.tokens().name());
        assertFalse(c.multiplier());
        assertTrue(DownstreamColumns.of("N=params", "M=mult", "loss", "err", null).multiplier());
        for (List<String> bad : List.of(List.of("N=params", "D=tokens", "M=mult"), List.of("N=params"), List.of("D=tokens", "M=mult"),
                List.of("N=params", "N=mult"), List.of("X=params", "D=tokens"), List.<String>of())) {
            DownstreamInputException e = assertThrows(DownstreamInputException.class,
                    () -> DownstreamColumns.of(bad, "loss", "err", null), bad.toString());
            assertEquals(DownstreamInputException.Part.PREDICTORS, e.part());
        }
        assertTrue(assertThrows(DownstreamInputException.class, () -> DownstreamColumns.of(List.of(), "loss", "err", null))
                .getMessage().endsWith("got none"));
        assertTrue(assertThrows(DownstreamInputException.class, () -> DownstreamColumns.of(List.of("N=params", "D=t", "M=m"),
                "loss", "err", null)).getMessage().endsWith("got N, D, M"));
        // A spec with no name before "=" is a column spec without a name, even when its column looks like a quotient.
        assertTrue(assertThrows(org.scalefit.InvalidDataException.class, () -> DownstreamColumns.of(List.of("=tokens/params", "N=params"),
                "loss", "err", null)).getMessage().startsWith("no name before \"=\""));
        var spec = DownstreamColumns.of("N=params", "D=tokens", "loss", "err", null);
        assertThrows(DownstreamInputException.class, () -> new DownstreamColumns(spec.tokens(), spec.n(), "loss", "err", null));
    }

    /** Each predictor of the loss law from (N, D) = (10, 30): M = D/N = 3, C = 6·N·D = 1800. */
    @Test
    void lossInputsFollowThePredictorNames() {
        assertArrayEquals(new double[] {10, 30}, model(new ChinchillaLaw()).lossInputs(10, 30), 0.0);
        assertArrayEquals(new double[] {10, 3}, model(new OvertrainingLaw()).lossInputs(10, 30), 0.0);
        assertArrayEquals(new double[] {1800}, model(new PowerLaw()).lossInputs(10, 30), 0.0);
    }

    private static DownstreamModel model(Law loss) {
        return DownstreamModel.of(loss, new ExpDecayLink());
    }

    @Test
    void modelChecksItsLawsAndCopiesItsSettings() {
        DownstreamInputException threePredictorLink = assertThrows(DownstreamInputException.class,
                () -> DownstreamModel.of(new ChinchillaLaw(), new DirectAccuracyLaw()));
        assertEquals(DownstreamInputException.Part.LAWS, threePredictorLink.part());
        assertTrue(threePredictorLink.getMessage().contains("takes 2 predictors; a link takes one"), threePredictorLink.getMessage());
        for (ExpressionLaw bad : List.of(new ExpressionLaw("a + b*x + c*y", List.of("x", "y")),
                new ExpressionLaw("a*N + b*D + c*M", List.of("N", "D", "M")), new ExpressionLaw("a*N^b + c*x", List.of("N", "x")))) {
            DownstreamInputException e = assertThrows(DownstreamInputException.class, () -> DownstreamModel.of(bad, new SigmoidLink()));
            assertEquals(DownstreamInputException.Part.LAWS, e.part());
            assertTrue(e.getMessage().startsWith("the loss law " + bad.name() + " takes predictors " + String.join(", ", bad.predictors())
                    + "; a loss law takes two of N, D, M (= D/N) and C (= 6·N·D), or one (compute C)"), e.getMessage());
        }
        // Any two of N, D, M, C in any order: from (N, D) = (10, 30), C = 1800 and M = 3.
        assertArrayEquals(new double[] {1800, 10}, DownstreamModel.of(new ExpressionLaw("a*C^b + c*N", List.of("C", "N")),
                new SigmoidLink()).lossInputs(10, 30), 0.0);
        assertArrayEquals(new double[] {30, 3}, DownstreamModel.of(new ExpressionLaw("a*D^b + c*M", List.of("D", "M")),
                new SigmoidLink()).lossInputs(10, 30), 0.0);
        assertEquals(MetricKind.ERROR, DownstreamModel.kindOf(new ExpDecayLink()));
        assertEquals(MetricKind.ACCURACY, DownstreamModel.kindOf(new SigmoidLink()));
        assertEquals(MetricKind.ACCURACY, DownstreamModel.kindOf(new PowerLaw()));
        DownstreamModel m = DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink());
        assertTrue(m.direct());
        assertFalse(m.withDirect(false).direct());
        assertEquals(MetricKind.ERROR, m.withMetricKind(MetricKind.ERROR).metricKind());
        var opts = org.scalefit.fit.FitOptions.builder().maxIterations(77).build();
        assertEquals(77, m.withLossOptions(opts).lossOptions().maxIterations());
        assertEquals(77, m.withLinkOptions(opts).linkOptions().maxIterations());
        assertEquals(77, m.withDirectOptions(opts).directOptions().maxIterations());
        assertEquals(m.lossLaw(), m.withDirectOptions(opts).lossLaw());
    }

    /** Closed forms of the small value types. */
    @Test
    void scoresIntervalsAndErrors() {
        assertEquals(0.53, MetricKind.ERROR.score(0.47), 1e-15);
        assertEquals(0.47, MetricKind.ERROR.metric(0.53), 1e-15);
        assertEquals(0.47, MetricKind.ACCURACY.score(0.47), 0.0);
        assertEquals(0.47, MetricKind.ACCURACY.metric(0.47), 0.0);
        PredictedValue v = new PredictedValue(0.5, 0.4, 0.7, 0.3, 0.8, "delta");
        assertEquals(0.3, v.width(), 1e-15);
        assertTrue(v.covers(0.3) && v.covers(0.8) && v.covers(0.5), "the new-run interval's ends are inside");
        assertFalse(v.covers(0.2999) || v.covers(0.8001));
        PredictedValue swapped = DownstreamFit.ordered(new PredictedValue(0.5, 0.7, 0.4, 0.8, 0.3, "delta"));
        assertEquals(List.of(0.4, 0.7, 0.3, 0.8), List.of(swapped.lower(), swapped.upper(), swapped.newRunLower(), swapped.newRunUpper()));
        assertTrue(Double.isNaN(PredictedValue.point(2).width()));
        PredictPoint p = new PredictPoint("p", 10, 30, 2.0, 0.4);
        assertEquals(1800, p.compute(), 0.0);
        DownstreamPrediction d = new DownstreamPrediction(p, PredictedValue.point(2.1), PredictedValue.point(0.5), null, 0, 0, List.of());
        assertEquals(0.05, d.lossRelativeError(), 1e-15);
        assertEquals(0.25, d.metricRelativeError(), 1e-15);
        assertEquals(0.1, d.metricError(), 1e-15);
        for (double[] bad : new double[][] {{0, 1}, {1, 0}, {-1, 1}, {Double.POSITIVE_INFINITY, 1}, {1, Double.POSITIVE_INFINITY}, {Double.NaN, 1}}) {
            assertEquals(DownstreamInputException.Part.PREDICT_SET,
                    assertThrows(DownstreamInputException.class, () -> PredictPoint.of("q", bad[0], bad[1])).part());
        }
    }
}
