package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.Place;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;

/** Bad data carry their place as fields, not only in the message: source, row, column and value. */
class PlaceTest {
    @Test
    void aCellThatIsNotANumberCarriesItsPlace() {
        Table t = TableReader.parse("compute,loss\n1e20,3.1\n2e20,abc\n", "runs.csv");
        DataSpec spec = DataSpec.builder().predictor("compute").response("loss").build();
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> spec.load(t));
        assertEquals(new Place("runs.csv", 3, "loss", "abc"), e.place());
        assertEquals(List.of(org.scalefit.OptionKey.SKIP_INVALID), e.optionKeys());
        assertEquals("row 3 of runs.csv, column \"loss\": \"abc\" is not a number; fix the cell, or leave out rows that "
                + "cannot be used with skip-invalid", e.getMessage());
    }

    @Test
    void aNonPositivePredictorOfAPowerLawCarriesItsPlace() {
        Table t = TableReader.parse("compute,loss\n1e20,3.1\n-2,2.9\n4e20,2.7\n", "runs.csv");
        Observations obs = DataSpec.builder().predictor("compute").response("loss").build().load(t).observations();
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(new PowerLaw(), obs));
        assertEquals(new Place("runs.csv", 3, "compute", "-2.0"), e.place());
    }
}
