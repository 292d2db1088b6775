package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.DataSpec;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.GroupFit;
import org.scalefit.model.PowerLaw;

/** {@code scalefit fit --by COLUMN}: every group fitted on its own, failures reported in their rows. */
class FitByCommandTest {
    @TempDir
    Path dir;
    private Path sweep;
    private final double[] alphas = {0.05, 0.1, 0.2, 0.4};

    /** Four runs of y = a·x^(−alpha) with known alphas and 2% noise, plus run "bad" with a single point. */
    @BeforeEach
    void writeSweep() throws IOException {
        StringBuilder s = new StringBuilder("run,x,y\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int g = 0; g < alphas.length; g++) {
            for (int i = 0; i < 12; i++) {
                double x = Math.pow(10, 1 + 4.0 * i / 11);
                s.append(String.format(Locale.ROOT, "r%d,%.6e,%.8f%n", g, x,
                        50 * Math.pow(x, -alphas[g]) * Math.exp(0.02 * rng.nextGaussian())));
            }
        }
        s.append("bad,10,1.0\n");
        sweep = dir.resolve("sweep.csv");
        Files.writeString(sweep, s.toString());
    }

    @Test
    void jsonHasOneFitPerGroupAndTheFailedGroupInItsRow() throws IOException {
        Cli.Result r = Cli.run(new String[] {"fit", sweep.toString(), "--x", "x", "--y", "y", "--law", "power-law",
            "--by", "run", "--json"});
        assertEquals(1, r.code(), "one group failed: exit 1");
        assertEquals("scalefit fit: 1 of 5 groups failed; the first: run bad: power-law has 2 free parameters but "
                + "sweep.csv has only 1 point: need at least 2", r.err().strip());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("run", j.get("by").asText());
        assertEquals(5, j.get("n_groups").asInt());
        assertEquals(1, j.get("failed").asInt());
        JsonNode groups = j.get("groups");
        for (int g = 0; g < alphas.length; g++) {
            JsonNode fit = groups.get(g);
            assertEquals("r" + g, fit.get("group").asText());
            assertEquals(12, fit.get("n").asInt());
            assertTrue(fit.get("converged").asBoolean());
            assertEquals(alphas[g], fit.get("parameters").get("alpha").get("value").asDouble(), 0.02);
        }
        JsonNode bad = groups.get(4);
        assertEquals("bad", bad.get("group").asText());
        assertTrue(bad.get("error").asText().contains("only 1 point"), bad.toString());
        assertEquals(2, bad.get("exit_code").asInt());
        assertFalse(bad.has("parameters"));
    }

    @Test
    void tableHasOneRowPerGroupAndAllGoodGroupsExitZero() {
        Cli.Result r = Cli.run(new String[] {"fit", sweep.toString(), "--x", "x", "--y", "y", "--law", "power-law",
            "--by", "run", "--where", "run != bad", "--threads", "2"});
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[0].startsWith("run") && lines[0].contains("alpha") && lines[0].contains("status"), lines[0]);
        assertTrue(lines[1].startsWith("r0") && lines[1].endsWith("ok"), lines[1]);
    }

    @Test
    void byCannotBeCombinedWithABootstrap() {
        Cli.Result r = Cli.run(new String[] {"fit", sweep.toString(), "--x", "x", "--y", "y", "--law", "power-law",
            "--by", "run", "--bootstrap", "100"});
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: --by fits each group separately and cannot be combined with --bootstrap",
                r.err().strip());
    }

    @Test
    void groupFitsDoNotDependOnTheThreadCount() {
        var data = DataSpec.builder().predictor("x").response("y").group("run").build().load(sweep).observations();
        List<GroupFit> one = GroupFit.fitEach(data, d -> new PowerLaw(), FitOptions.defaults(), 1);
        List<GroupFit> four = GroupFit.fitEach(data, d -> new PowerLaw(), FitOptions.defaults(), 4);
        assertEquals(5, one.size());
        for (int g = 0; g < one.size(); g++) {
            assertEquals(one.get(g).group(), four.get(g).group());
            assertEquals(one.get(g).error(), four.get(g).error());
            if (one.get(g).fit().isPresent()) {
                assertArrayEquals(one.get(g).fit().get().values(), four.get(g).fit().get().values(), 0.0);
                assertEquals(one.get(g).fit().get().parameter("alpha").stderr(), four.get(g).fit().get().parameter("alpha").stderr(), 0.0);
            }
        }
    }
}
