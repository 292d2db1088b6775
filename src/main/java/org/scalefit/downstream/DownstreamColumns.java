package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.ColumnSpec;
import org.scalefit.data.DerivedColumn;
import org.scalefit.data.PredictorSpec;

/**
 * Which columns of a table hold a downstream prediction's inputs: model size {@code N}, training tokens
 * {@code D} or the token multiplier {@code M} = D/N (then D = M·N), the loss, the metric, and an optional
 * id naming the model run each row belongs to (rows sharing an id are one run: the bootstrap and the
 * backtest move them together). N, D and M may be plain columns or quotients such as
 * {@code D=compute/(6*params)}.
 *
 * <pre>{@code
 * DownstreamColumns c = DownstreamColumns.of("N=params_N", "M=token_multiplier_M", "loss_c4_val", "err_avg_17", "run_name");
 * }</pre>
 *
 * @param n      where N comes from (its name must be {@code N})
 * @param tokens where D or M comes from (named {@code D} or {@code M})
 * @param loss   the loss column
 * @param metric the metric column
 * @param id     the run-id column, or null for one run per row
 */
public record DownstreamColumns(PredictorSpec n, PredictorSpec tokens, String loss, String metric, String id) {
    /**
     * Checks the names.
     *
     * @param n      where N comes from (its name must be {@code N})
     * @param tokens where D or M comes from (named {@code D} or {@code M})
     * @param loss   the loss column
     * @param metric the metric column
     * @param id     the run-id column, or null for one run per row
     * @throws DownstreamInputException when the predictors are not N and one of D, M
     */
    public DownstreamColumns {
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(metric, "metric");
        if (!n.name().equals("N") || !(tokens.name().equals("D") || tokens.name().equals("M"))) {
            throw new DownstreamInputException(DownstreamInputException.Part.PREDICTORS,
                    "a downstream prediction takes predictors N and D (or N and M = D/N), got " + n.name() + " and "
                            + tokens.name());
        }
    }

    /**
     * @param specs two predictor specs such as {@code N=params} and {@code D=tokens} (or {@code M=mult}), in any order
     * @param loss   the loss column
     * @param metric the metric column
     * @param id     the run-id column, or null
     * @return the columns
     * @throws DownstreamInputException when the specs are not N and one of D, M
     */
    public static DownstreamColumns of(List<String> specs, String loss, String metric, String id) {
        List<PredictorSpec> parsed = new ArrayList<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            parsed.add(eq > 0 && s.indexOf('/', eq) > 0 ? DerivedColumn.parse(s) : ColumnSpec.parse(s));
        }
        List<String> names = parsed.stream().map(PredictorSpec::name).toList();
        if (parsed.size() != 2 || !names.contains("N") || !(names.contains("D") ^ names.contains("M"))) {
            throw new DownstreamInputException(DownstreamInputException.Part.PREDICTORS,
                    "a downstream prediction takes two predictors, N and either D (tokens) or M (tokens per parameter); got "
                            + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        int ni = names.indexOf("N");
        return new DownstreamColumns(parsed.get(ni), parsed.get(1 - ni), loss, metric, id);
    }

    /**
     * @param n      the N spec, e.g. {@code N=params}
     * @param tokens the D or M spec, e.g. {@code D=tokens}
     * @param loss   the loss column
     * @param metric the metric column
     * @param id     the run-id column, or null
     * @return the columns
     */
    public static DownstreamColumns of(String n, String tokens, String loss, String metric, String id) {
        return of(List.of(n, tokens), loss, metric, id);
    }

    /** @return true when the second predictor is the multiplier M = D/N rather than D */
    public boolean multiplier() {
        return tokens.name().equals("M");
    }
}
