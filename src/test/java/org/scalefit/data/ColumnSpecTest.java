package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

class ColumnSpecTest {
    private static String error(Runnable r) {
        return assertThrows(InvalidDataException.class, r::run).getMessage();
    }

    @Test
    void nameAndColumn() {
        assertEquals(new ColumnSpec("N", "params"), ColumnSpec.parse("N=params"));
        assertEquals(new ColumnSpec("N", "params"), ColumnSpec.parse(" N = params "));
        assertEquals("N=params", ColumnSpec.parse("N=params").toString());
        assertEquals(List.of("params"), ColumnSpec.parse("N=params").columns());
    }

    @Test
    void columnOnly() {
        ColumnSpec c = ColumnSpec.parse("compute");
        assertEquals("compute", c.name());
        assertEquals("compute", c.column());
        assertEquals("compute", c.toString());
    }

    @Test
    void columnMayBeAnyText() {
        assertEquals(new ColumnSpec("L", "loss (nats)"), ColumnSpec.parse("L=loss (nats)"));
    }

    @Test
    void invalidNames() {
        assertEquals("\"N-1\" is not a valid name: use letters, digits and _, not starting with a digit",
                error(() -> ColumnSpec.parse("N-1=params")));
        assertEquals("\"1x\" is not a valid name: use letters, digits and _, not starting with a digit",
                error(() -> ColumnSpec.parse("1x=params")));
        // A bare column name is taken as it is, whatever it holds (issue 14: --x "Seen Examples", --x train-loss).
        assertEquals("train-loss", ColumnSpec.parse("train-loss").column());
    }

    @Test
    void missingParts() {
        assertEquals("empty column spec; write NAME=COLUMN or COLUMN, e.g. N=params", error(() -> ColumnSpec.parse(" ")));
        assertEquals("no name before \"=\" in \"=params\"; write NAME=COLUMN, e.g. N=params",
                error(() -> ColumnSpec.parse("=params")));
        assertEquals("no column after \"=\" in \"N=\"; write NAME=COLUMN, e.g. N=params", error(() -> ColumnSpec.parse("N=")));
    }

    @Test
    void derivedColumnParses() {
        assertEquals(new DerivedColumn("D", "compute", "params", 6), DerivedColumn.parse("D=compute/(6*params)"));
        assertEquals(new DerivedColumn("D", "compute", "params", 6), DerivedColumn.parse(" D = compute / ( params * 6 ) "));
        assertEquals(new DerivedColumn("D", "compute", "params", 6), DerivedColumn.parse("D=compute/(6·params)"));
        assertEquals(new DerivedColumn("r", "tokens", "params", 1), DerivedColumn.parse("r=tokens/params"));
        assertEquals("D=compute/(6*params)", DerivedColumn.parse("D=compute/(6*params)").toString());
        assertEquals("tokens/params", DerivedColumn.parse("r=tokens/params").describe());
        assertEquals(List.of("compute", "params"), DerivedColumn.parse("D=compute/(6*params)").columns());
        assertEquals(1e11, DerivedColumn.parse("D=compute/(6*params)").apply(6e20, 1e9), 1e-3);
    }

    @Test
    void derivedColumnRejectsOtherForms() {
        String form = "; write NAME=NUMERATOR/(FACTOR*DENOMINATOR) or NAME=NUMERATOR/DENOMINATOR, e.g. D=compute/(6*params)";
        assertEquals("cannot read derived predictor \"D=compute*params\"" + form, error(() -> DerivedColumn.parse("D=compute*params")));
        assertEquals("cannot read derived predictor \"compute/params\"" + form, error(() -> DerivedColumn.parse("compute/params")));
        assertEquals("cannot read derived predictor \"D=compute/(a*params)\"" + form,
                error(() -> DerivedColumn.parse("D=compute/(a*params)")));
        assertEquals("derived predictor \"D\" needs a finite, non-zero factor, not 0.0",
                error(() -> DerivedColumn.parse("D=compute/(0*params)")));
    }
}
