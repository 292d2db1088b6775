package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

class RowFilterTest {
    private static final Table RUNS = TableReader.parse(String.join("\n",
            "model,loss,date,lr",
            "gpt4,3.1,2023-03-14,1e-3",
            "gpt3, 4.5 ,2020-05-28,0.001",
            "llama,6,2023-02-24T10:00:00Z,3e-4",
            "gpt4,2.9,2024-05-13,abc",
            ""), "runs.csv");

    private static List<Integer> matching(String filter) {
        IntPredicate p = RowFilter.parse(filter).bind(RUNS);
        return IntStream.range(0, RUNS.rowCount()).filter(p).boxed().toList();
    }

    private static String error(Runnable r) {
        return assertThrows(InvalidDataException.class, r::run).getMessage();
    }

    @Test
    void parsesOperators() {
        assertEquals(new RowFilter("loss", RowFilter.Operator.LT, "5"), RowFilter.parse("loss<5"));
        assertEquals(new RowFilter("loss", RowFilter.Operator.LE, "5"), RowFilter.parse("loss <= 5"));
        assertEquals(new RowFilter("loss", RowFilter.Operator.GT, "5"), RowFilter.parse("loss>5"));
        assertEquals(new RowFilter("date", RowFilter.Operator.GE, "2023-01-01"), RowFilter.parse("date>=2023-01-01"));
        assertEquals(new RowFilter("model", RowFilter.Operator.EQ, "gpt4"), RowFilter.parse("model==gpt4"));
        assertEquals(new RowFilter("model", RowFilter.Operator.NE, "gpt 4"), RowFilter.parse("model != \"gpt 4\""));
        assertEquals("loss<=5", RowFilter.parse("loss <= 5").toString());
    }

    @Test
    void numericComparison() {
        assertEquals(List.of(0, 1, 3), matching("loss<5"));
        assertEquals(List.of(2), matching("loss>=6"));
        assertEquals(List.of(2), matching("loss==6.0"));
    }

    @Test
    void numericEqualityFallsBackToTextForNonNumbers() {
        assertEquals(List.of(0, 1), matching("lr==0.001"));
        assertEquals(List.of(2, 3), matching("lr!=1e-3"));
    }

    @Test
    void dateComparison() {
        assertEquals(List.of(0, 2, 3), matching("date>=2023-01-01"));
        assertEquals(List.of(1), matching("date<2023"));
        assertEquals(List.of(0, 2, 3), matching("date>2023-02-24"), "10:00 on the day is after its midnight");
        assertEquals(List.of(0, 3), matching("date>2023-02-25"));
        assertEquals(List.of(0, 1, 3), matching("date!=2023-02-24T10:00Z"));
    }

    @Test
    void stringEquality() {
        assertEquals(List.of(0, 3), matching("model==gpt4"));
        assertEquals(List.of(1, 2), matching("model!=gpt4"));
        assertEquals(List.of(), matching("model==GPT4"));
    }

    @Test
    void orderingOnACellThatIsNotANumberNamesIt() {
        IntPredicate p = RowFilter.parse("lr<0.01").bind(RUNS);
        assertEquals("filter lr<0.01: row 5 of runs.csv, column \"lr\": \"abc\" is not a number", error(() -> p.test(3)));
    }

    @Test
    void orderingNeedsANumberOrDate() {
        assertEquals("filter model<gpt4: < needs a number or an ISO date (YYYY-MM-DD), not \"gpt4\"",
                error(() -> RowFilter.parse("model<gpt4")));
    }

    @Test
    void unknownColumn() {
        assertEquals("unknown column \"los\" in runs.csv; columns are: model, loss, date, lr (did you mean \"loss\"?)",
                error(() -> RowFilter.parse("los<5").bind(RUNS)));
    }

    @Test
    void malformedFilters() {
        assertEquals("filter \"loss 5\" has no comparison; use one of < <= > >= == !=, e.g. loss<5",
                error(() -> RowFilter.parse("loss 5")));
        assertEquals("filter \"<5\" names no column; write e.g. loss<5", error(() -> RowFilter.parse("<5")));
        assertEquals("filter \"model=gpt4\": write == to test equality", error(() -> RowFilter.parse("model=gpt4")));
        assertEquals("filter \"loss=>5\": write >= instead of =>", error(() -> RowFilter.parse("loss=>5")));
        assertEquals("filter \"loss!5\": write != for \"not equal\"", error(() -> RowFilter.parse("loss!5")));
    }

    @Test
    void emptyValueTestsForEmptyCells() {
        Table t = TableReader.parse("tag,x\na,1\n,2\n", "runs.csv");
        IntPredicate p = RowFilter.parse("tag!=").bind(t);
        assertEquals(List.of(0), IntStream.range(0, 2).filter(p).boxed().toList());
    }

    @Test
    void filtersAreAnded() {
        IntPredicate p = RowFilter.all(List.of(RowFilter.parse("model==gpt4"), RowFilter.parse("loss<3")), RUNS);
        assertEquals(List.of(3), IntStream.range(0, RUNS.rowCount()).filter(p).boxed().toList());
        IntPredicate none = RowFilter.all(List.of(), RUNS);
        assertEquals(4, IntStream.range(0, RUNS.rowCount()).filter(none).count());
    }
}
