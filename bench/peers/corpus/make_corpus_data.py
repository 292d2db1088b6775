"""Writes the scaling-law, SciPy and NIST files of the scalefit real-data corpus into
src/test/resources/corpus/ (run from the repository root: python3 bench/peers/corpus/make_corpus_data.py).

Standard library only; deterministic. Reads ../shared/reference-data (Gadre et al. 2024, OLMo ladder,
Epoch AI's notable-models database, NIST StRD) and datasets/metr-horizons.csv, and writes the subsets the
corpus cases fit, each value copied unchanged (Python repr round-trips every float). The R `datasets`
subsets are written by export_r_datasets.R; the "Revisiting neural scaling laws" excerpts (rnsl-*.csv)
were copied by hand from google-research/google-research (see src/test/resources/corpus/README.md).
"""
import csv
import json
import os

REF = "../shared/reference-data"
OUT = "src/test/resources/corpus"


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def gadre():
    models = read(os.path.join(REF, "gadre2024-overtraining/models.csv"))
    cols = ["run_name", "params_N", "tokens_D", "token_multiplier_M", "compute_C"]

    def subset(pred, ycols):
        return [[m[c] for c in cols + ycols] for m in models if pred(m)]

    # One model size trained for 5x..640x its Chinchilla tokens: a loss (error) curve in tokens.
    write("gadre-rpj-0.011b-err17.csv", cols + ["err_avg_17"],
          subset(lambda m: m["dataset"] == "rpj" and m["size_label"] == "0.011B", ["err_avg_17"]))
    write("gadre-c4-0.011b-code-loss.csv", cols + ["loss_paloma_dolma_100_programing_languages"],
          subset(lambda m: m["dataset"] == "c4_original" and m["size_label"] == "0.011B",
                 ["loss_paloma_dolma_100_programing_languages"]))
    # The Chinchilla-optimal runs (M = 20) on C4, all six sizes: loss against compute.
    write("gadre-c4-m20.csv", cols + ["loss_c4_val"],
          subset(lambda m: m["dataset"] == "c4_original" and m["token_multiplier_M"] == "20.0", ["loss_c4_val"]))
    # Every C4 run (N, D, loss): a joint law.
    write("gadre-c4-all.csv", cols + ["loss_c4_val"],
          subset(lambda m: m["dataset"] == "c4_original", ["loss_c4_val"]))


def olmo():
    final = read(os.path.join(REF, "olmo-ladder2024/ladder_final.csv"))
    cols = ["run", "N_nonembed", "D_tokens", "C_flops", "c4_loss_last5"]
    write("olmo-ladder-final.csv", cols, [[r[c] for c in cols] for r in final if r["role"] == "fit"])
    ck = read(os.path.join(REF, "olmo-ladder2024/ladder_checkpoints.csv"))
    cols = ["run", "step", "D_tokens", "c4_loss"]
    write("olmo-1b-10xc-curve.csv", cols, [[r[c] for c in cols] for r in ck if r["run"] == "1B-10xC"])


def metr():
    rows = read("datasets/metr-horizons.csv")
    cols = ["model", "release_date", "p50_minutes", "p50_ci_low", "p50_ci_high", "frontier"]
    for version in ("TH1.0", "TH1.1"):
        out = []
        for r in rows:
            if r["benchmark_version"] == version:
                # A 95% interval in minutes turned into a standard deviation of y (minutes), as a user
                # with errors of y would write it: (high - low) / (2 * 1.96).
                sigma = (float(r["p50_ci_high"]) - float(r["p50_ci_low"])) / 3.92
                out.append([r[c] for c in cols] + [repr(sigma)])
        write("metr-%s.csv" % version.lower().replace(".", ""), cols + ["p50_sigma_minutes"], out)


def epoch_frontier():
    rows = read(os.path.join(REF, "epoch-notable-models/all_ml_systems_subset_2026-04-01.csv"))
    cols = ["Model", "Organization", "Publication date", "Training compute (FLOP)"]
    keep = [r for r in rows if r["Compute rank when published"].strip() == "1" and r["Training compute (FLOP)"]]
    keep.sort(key=lambda r: (r["Publication date"], r["Model"]))
    write("epoch-frontier-compute.csv", cols, [[r[c] for c in cols] for r in keep])


# The NIST StRD cases are read in place from ../shared/reference-data/nist-strd (manifest: "shipped": false);
# no copy is made here, so the repository holds one home for each data set.


def scipy_examples():
    # scipy/optimize/tests/test_minpack.py (SciPy 1.17), TestCurveFit.setup_method and test_pcov.
    write("scipy-curve-fit-power.csv", ["x", "y"], [["1.0", "1.0"], ["2.0", "3.2"], ["3.0", "9.5"], ["4.0", "13.7"]])
    write("scipy-curve-fit-pcov.csv", ["x", "y", "sigma"],
          [[str(x), str(y), str(s)] for x, y, s in zip([0, 1, 2, 3, 4, 5], [1, 1, 5, 7, 8, 12], [1, 2, 1, 2, 1, 2])])


if __name__ == "__main__":
    gadre()
    olmo()
    metr()
    epoch_frontier()
    scipy_examples()
