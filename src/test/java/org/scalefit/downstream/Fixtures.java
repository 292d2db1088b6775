package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.data.TableReader;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpDecayLink;
import org.scalefit.model.OvertrainingLaw;
import org.scalefit.model.SigmoidLink;
import org.scalefit.model.Space;

/**
 * The two papers' setups on the shipped data sets ({@code datasets/gadre2024-overtraining.csv},
 * {@code datasets/olmo-ladder2024-tasks.csv}) and the SciPy peers' numbers
 * ({@code src/test/resources/peers/downstream/*.json}, written by {@code bench/peers/downstream/*.py} from
 * the raw reference data).
 */
final class Fixtures {
    static final Path GADRE = Path.of("datasets/gadre2024-overtraining.csv");
    static final Path OLMO = Path.of("datasets/olmo-ladder2024-tasks.csv");
    static final List<String> OLMO_TASKS = List.of("mmlu_avg_test", "hellaswag_val", "arc_challenge_test", "arc_easy_test",
            "piqa_val", "csqa_val", "socialiqa_val", "openbookqa_test");

    private Fixtures() {
    }

    static JsonNode peer(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/peers/downstream/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gadre et al.'s method: least squares in linear space for both laws, their fitting sets and targets. */
    static DownstreamFit gadre(String dataset, String split) {
        DownstreamData data = DownstreamData.read(TableReader.read(GADRE),
                DownstreamColumns.of("N=params_N", "M=token_multiplier_M", "loss_c4_val", split, "run_name"),
                RowSelection.parse(List.of("dataset==" + dataset), List.of("in_loss_fit==1"), List.of("in_error_fit==1"),
                        List.of("is_target==1")));
        DownstreamModel model = DownstreamModel.of(new OvertrainingLaw(), new ExpDecayLink())
                .withLossOptions(FitOptions.builder().space(Space.LINEAR).solver(Solver.VARPRO).build());
        return TwoStep.fit(data, model);
    }

    /** The OLMo ladder's method: Huber (δ = 10⁻³) on ln task loss, then the sigmoid on the smoothed checkpoints. */
    static DownstreamFit olmo(String task, double chance) {
        return TwoStep.fit(olmoData(task), olmoModel(chance));
    }

    static DownstreamData olmoData(String task) {
        return DownstreamData.read(TableReader.read(OLMO), DownstreamColumns.of("N=N", "D=D", task + "_bpb", task + "_acc", "run"),
                RowSelection.parse(List.of(), List.of("in_loss_fit==1"), List.of("in_metric_fit==1"), List.of("is_target==1")));
    }

    static DownstreamModel olmoModel(double chance) {
        return DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink(chance))
                .withLossOptions(FitOptions.builder().loss(Loss.huber(1e-3)).solver(Solver.VARPRO).build());
    }

    static final double[] LOSS = {0.5, 40, 100, 0.23, 0.24};
    static final double[] LINK = {-0.74, 4.8, 0.62, 1.0};

    /**
     * A synthetic ladder: 4 sizes × 4 token multiples, each run's final loss and accuracy from the laws with 0.5%
     * loss noise and 0.005 accuracy noise (seeded); {@code breakAbove} lifts the accuracy of runs above that compute
     * by 0.08 (an "emergence" the link does not know).
     */
    static DownstreamData ladder(long seed, double breakAbove) {
        SplittableRandom rng = new SplittableRandom(seed);
        ChinchillaLaw loss = new ChinchillaLaw();
        SigmoidLink link = new SigmoidLink();
        List<DownstreamData.Row> rows = new ArrayList<>();
        for (double n : new double[] {1.9e8, 3.7e8, 7.6e8, 1.3e9}) {
            for (double xc : new double[] {1, 2, 5, 10}) {
                double d = 20 * xc * n;
                double l = loss.value(new double[] {n, d}, LOSS) * Math.exp(0.005 * rng.nextGaussian());
                double acc = link.value(new double[] {l}, LINK) + 0.005 * rng.nextGaussian();
                if (6 * n * d > breakAbove) {
                    acc += 0.08;
                }
                rows.add(new DownstreamData.Row(0, n + "x" + xc, n, d, l, acc, true, true, false));
            }
        }
        return new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows);
    }

    /**
     * Skips a test when the shared reference data are absent, except under {@code CI=true}, where their absence
     * is a failure.
     */
    static void requireReferenceData(Path p) {
        if (Files.exists(p)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("reference data " + p + " missing under CI=true");
        }
        assumeTrue(false, "reference data " + p + " not present");
    }
}
