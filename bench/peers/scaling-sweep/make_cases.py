"""Writes the cases of the scaling-law sweep (issue 14): every sensible subset of the published scaling-law
measurements the repository and ../shared/reference-data hold, each with the `scalefit fit` command a user
would type (no start values) and what the SciPy peer needs to fit the same law independently.

Run from the repository root:  python3 bench/peers/scaling-sweep/make_cases.py
Writes bench/peers/scaling-sweep/cases.json and the two derived tables under data/ (standard library only,
deterministic). Most cases read the repository's own datasets/ (their licences and derivations are in
datasets/README.md); Gadre's per-eval-set losses, which datasets/ lacks, are read where they are, from
../shared/reference-data/gadre2024-overtraining/models.csv (ScalingSweepTest skips those cases without ../shared
and fails under CI=true); the table written here is needed because datasets/ lacks the column:
  data/olmo2024-c4-curves.csv the C4 validation loss of every evaluated checkpoint of the 16 main ladder runs
                              (run, N_nonembed, D_tokens, c4_loss), from ../shared/reference-data/olmo-ladder2024/
                              ladder_checkpoints.csv (Apache-2.0; the change: other columns and runs left out)
"""
import csv
import json
import math
import os

REF = "../shared/reference-data"
HERE = "bench/peers/scaling-sweep"
DATA = HERE + "/data"

GADRE = REF + "/gadre2024-overtraining/models.csv"
OLMO_C4 = DATA + "/olmo2024-c4-curves.csv"
OLMO = "datasets/olmo-ladder2024-tasks.csv"
CHIN = "datasets/epoch2024-chinchilla-runs.csv"
NOTABLE = "datasets/epoch2026-notable-models-compute.csv"
METR = "datasets/metr-horizons.csv"
METR_LATEST = "datasets/metr-horizons-th1.1-latest.csv"
METR_SETS = "datasets/metr-trend-sets.csv"

GADRE_LOSSES = ["loss_c4_val", "loss_openlm", "loss_paloma_c4_en", "loss_paloma_redpajama",
                "loss_paloma_falcon_refinedweb", "loss_paloma_dolma_100_programing_languages", "loss_paloma_ptb",
                "loss_val_de_en_100"]
GADRE_ERRORS = ["err_avg_17", "err_avg_46"]
GADRE_DATASETS = {"c4_original": "c4", "rpj": "rpj", "rw_original": "rw"}
GADRE_SIZES = ["0.011B", "0.079B", "0.154B", "0.411B"]
OLMO_TASKS = ["mmlu_avg_test", "hellaswag_val", "arc_challenge_test", "arc_easy_test", "piqa_val", "csqa_val",
              "socialiqa_val", "openbookqa_test"]
HOFFMANN_BUDGETS = ["6e18", "1e19", "3e19", "6e19", "1e20", "3e20", "6e20", "1e21", "3e21"]

# The law as scalefit defines it (README, "scalefit fit"), in the peer's R syntax: (parameters, formula with the
# predictor names X / N, D, M / L / t, parameters scalefit keeps positive by optimising their logarithm
# (ParameterDomain.POSITIVE of each law), start box of the peer's random starts).
LAWS = {
    "power-law": (["a", "alpha"], "a*{x}^(-alpha)", ["a"], {"a": [1e-6, 1e12], "alpha": [-2.0, 2.0]}),
    "offset-power-law": (["E", "A", "alpha"], "E+A*{x}^(-alpha)", ["A"], None),
    "quadratic": (["y0", "alpha", "beta"], "y0*({x}/{x0})^(-alpha-beta*log({x}/{x0}))", ["y0"],
                  {"y0": [1e-3, 1e3], "alpha": [-2.0, 2.0], "beta": [-1.0, 1.0]}),
    "doubling": (["y0", "doubling_time_days"], "y0*2^(({x}-t0)/doubling_time_days)", ["y0"], None),
    "chinchilla": (["E", "A", "B", "alpha", "beta"], "E+A/N^alpha+B/D^beta", ["E", "A", "B"], None),
    "kaplan": (["Nc", "Dc", "alphaN", "alphaD"], "((Nc/N)^(alphaN/alphaD)+Dc/D)^alphaD", ["Nc", "Dc"],
               {"Nc": [1e3, 1e18], "Dc": [1e3, 1e18], "alphaN": [0.01, 1.5], "alphaD": [0.01, 1.5]}),
    "overtraining": (["E", "a", "b", "eta"], "E+(a*M^eta+b*M^(-eta))*(6*N^2*M)^(-eta)", ["E", "a", "b"],
                     {"a": [1e-3, 1e8], "b": [1e-3, 1e8], "eta": [0.01, 1.0]}),
    "exp-decay": (["epsilon", "k", "gamma"], "epsilon-k*exp(-gamma*{x})", ["k", "gamma"],
                  {"epsilon": [-2.0, 2.0], "k": [1e-4, 1e4], "gamma": [1e-3, 20.0]}),
    "sigmoid": (["a", "k", "L0", "b"], "a/(1+exp(-k*({x}-L0)))+b", ["k"],
                {"a": [-3.0, 3.0], "k": [1e-2, 1e2], "L0": [-3.0, 6.0], "b": [-2.0, 2.0]}),
}


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def derive_data():
    ck = read(os.path.join(REF, "olmo-ladder2024/ladder_checkpoints.csv"))
    cols = ["run", "N_nonembed", "D_tokens", "c4_loss"]
    write(OLMO_C4, cols, [[r[c] for c in cols] for r in ck if r["role"] == "fit"])


def matches(row, where):
    """scalefit's --where (RowFilter): numbers compared as numbers, otherwise as text (ISO dates order as text)."""
    for w in where:
        for op in ("<=", ">=", "==", "!=", "<", ">"):
            if op in w:
                col, val = w.split(op, 1)
                cell = row[col]
                break
        try:
            a, b = float(cell), float(val)
        except ValueError:
            a, b = cell.strip(), val
        ok = {"<": lambda: a < b, "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b,
              "==": lambda: a == b, "!=": lambda: a != b}[op]()
        if not ok:
            return False
    return True


CASES = []


def command(file, x, y, law, where, space, loss):
    """The command line a user types: no start values; --space only where it differs from the law's default."""
    q = lambda a: a if all(ch.isalnum() or ch in "_./:=@+-" for ch in a) else "'" + a + "'"
    args = ["./scalefit", "fit", file] + sum([["--x", s] for s in x], []) + ["--y", y, "--law", law]
    args += sum([["--where", w] for w in where], [])
    default = "linear" if law in ("exp-decay", "sigmoid") else "log"
    args += (["--space", space] if space != default else []) + (["--loss", loss] if loss != "squares" else [])
    return " ".join(q(a) for a in args)


def case(cid, file, x, y, law, where=(), space=None, loss="squares", source=""):
    """One fit: x is a list of --x specs (NAME=COLUMN or COLUMN)."""
    params, formula, positive, box = LAWS[law]
    names = [s.split("=", 1)[0] for s in x]
    rows = [r for r in read(file) if matches(r, where)]
    cols = [s.split("=", 1)[-1] for s in x]
    if len(rows) < len(params) + 1:
        return
    space = space or ("linear" if law in ("exp-decay", "sigmoid") else "log")
    fmt = {"x": names[0]}
    if law == "quadratic":
        lx = [math.log10(float(r[cols[0]])) for r in rows]
        fmt["x0"] = "1e%d" % round(sum(lx) / len(lx))
    c = {"id": cid, "file": file, "shipped": False, "x": list(x), "y": y, "law": law, "space": space, "loss": loss,
         "sigma": None, "where": list(where), "dates": law == "doubling", "model": formula.format(**fmt),
         "parameters": params, "peer_positive": positive, "n": len(rows), "source": source,
         "command": command(file, x, y, law, where, space, loss)}
    if box:
        c["peer_box"] = box
    ys = [float(r[y]) for r in rows]
    if law == "chinchilla":
        c["peer_box"] = {"E": [min(ys) / 100, min(ys)], "A": [1e-2, 1e7], "B": [1e-2, 1e7], "alpha": [0.01, 1.5],
                         "beta": [0.01, 1.5]}
    if law == "overtraining":
        c["peer_box"]["E"] = [min(ys) / 100, min(ys)]
    CASES.append(c)


def gadre():
    src = "Gadre et al. (2024), mlfoundations/scaling a003c49 (MIT)"
    for ds, tag in GADRE_DATASETS.items():
        for size in GADRE_SIZES:
            w = ["dataset==" + ds, "size_label==" + size]
            for y in GADRE_LOSSES + GADRE_ERRORS:
                for law, short in (("power-law", "pl"), ("offset-power-law", "opl")):
                    case("gadre-%s-%s-%s-tokens-%s" % (tag, size, y, short), GADRE, ["tokens_D"], y, law, w, source=src)
            for law, short in (("power-law", "pl"), ("offset-power-law", "opl")):
                case("gadre-%s-%s-loss_c4_val-compute-%s" % (tag, size, short), GADRE, ["compute_C"], "loss_c4_val",
                     law, w, source=src)
        for m in ("5.0", "10.0", "20.0", "40.0", "80.0", "160.0", "320.0", "640.0"):
            w = ["dataset==" + ds, "token_multiplier_M==" + m]
            ys = GADRE_LOSSES if m == "20.0" else ["loss_c4_val"]
            for y in ys:
                for law, short in (("power-law", "pl"), ("offset-power-law", "opl")):
                    case("gadre-%s-m%s-%s-compute-%s" % (tag, m[:-2], y, short), GADRE, ["compute_C"], y, law, w,
                         source=src)
        for y in GADRE_LOSSES:
            case("gadre-%s-all-%s-overtraining" % (tag, y), GADRE, ["N=params_N", "M=token_multiplier_M"], y,
                 "overtraining", ["dataset==" + ds], source=src)
            case("gadre-%s-all-%s-chinchilla" % (tag, y), GADRE, ["N=params_N", "D=tokens_D"], y, "chinchilla",
                 ["dataset==" + ds], source=src)
        case("gadre-%s-lossfit-overtraining" % tag, GADRE, ["N=params_N", "M=token_multiplier_M"], "loss_c4_val",
             "overtraining", ["dataset==" + ds, "in_loss_fit==1"], source=src)
        for y in GADRE_ERRORS:
            case("gadre-%s-all-%s-expdecay" % (tag, y), GADRE, ["loss_c4_val"], y, "exp-decay", ["dataset==" + ds],
                 source=src)
            case("gadre-%s-errorfit-%s-expdecay" % (tag, y), GADRE, ["loss_c4_val"], y, "exp-decay",
                 ["dataset==" + ds, "in_error_fit==1"], source=src)
    for y in GADRE_ERRORS:
        case("gadre-pooled-%s-expdecay" % y, GADRE, ["loss_c4_val"], y, "exp-decay", [], source=src)


def olmo():
    src = "Bhagia et al. (2024), allenai/OLMo-ladder 67a3f44 (Apache-2.0)"
    runs = sorted({r["run"] for r in read(OLMO) if r["kind"] == "checkpoint"})
    for run in runs:
        for t in OLMO_TASKS:
            for law, short in (("power-law", "pl"), ("offset-power-law", "opl")):
                case("olmo-%s-%s-bpb-%s" % (run, t, short), OLMO, ["D"], t + "_bpb", law,
                     ["kind==checkpoint", "run==" + run], source=src)
        for law, short in (("power-law", "pl"), ("offset-power-law", "opl")):
            case("olmo-%s-c4_loss-%s" % (run, short), OLMO_C4, ["D_tokens"], "c4_loss", law, ["run==" + run],
                 source=src)
    for t in OLMO_TASKS:
        for law in ("chinchilla", "kaplan"):
            case("olmo-ladder-%s-bpb-%s" % (t, law), OLMO, ["N=N", "D=D"], t + "_bpb", law,
                 ["kind==final", "in_loss_fit==1"], source=src)
        case("olmo-metric-%s-sigmoid" % t, OLMO, [t + "_bpb"], t + "_acc", "sigmoid", ["in_metric_fit==1"], source=src)


def chinchilla():
    src = "Hoffmann et al. (2022) Figure 4 digitized by Epoch AI (Besiroglu et al. 2024), CC-BY"
    for b in HOFFMANN_BUDGETS:
        w = ["budget==" + b]
        case("chinchilla-budget-%s-params-quadratic" % b, CHIN, ["params"], "loss", "quadratic", w, source=src)
        case("chinchilla-budget-%s-tokens-quadratic" % b, CHIN, ["tokens"], "loss", "quadratic", w, source=src)
        case("chinchilla-budget-%s-params-pl" % b, CHIN, ["params"], "loss", "power-law", w, source=src)
    for sub, w in (("all", []), ("epoch240", ["epoch_excluded==0"])):
        case("chinchilla-%s-chinchilla" % sub, CHIN, ["N=params", "D=tokens"], "loss", "chinchilla", w, source=src)
        case("chinchilla-%s-chinchilla-linear" % sub, CHIN, ["N=params", "D=tokens"], "loss", "chinchilla", w,
             space="linear", source=src)
        case("chinchilla-%s-chinchilla-huber" % sub, CHIN, ["N=params", "D=tokens"], "loss", "chinchilla", w,
             loss="huber:1e-3", source=src)
        case("chinchilla-%s-kaplan" % sub, CHIN, ["N=params", "D=tokens"], "loss", "kaplan", w, source=src)


def trends():
    src = "METR (Kwa et al. 2025) benchmark_results_1_0/1_1.yaml (MIT)"
    for v in ("TH1.0", "TH1.1"):
        for sub, w in (("all", []), ("frontier", ["frontier==true"])):
            for y in ("p50_minutes", "p80_minutes"):
                case("metr-%s-%s-%s-doubling" % (v.lower(), sub, y[:3]), METR, ["release_date"], y, "doubling",
                     ["benchmark_version==" + v] + w, source=src)
    for sub, w in (("all", []), ("frontier", ["frontier==true"])):
        for y in ("p50_minutes", "p80_minutes"):
            case("metr-th1.1-latest-%s-%s-doubling" % (sub, y[:3]), METR_LATEST, ["release_date"], y, "doubling", w,
                 source=src)
    for t in sorted({r["trend"] for r in read(METR_SETS)}):
        case("metr-trend-%s-doubling" % t, METR_SETS, ["release_date"], "p50_minutes", "doubling", ["trend==" + t],
             source=src)
    src = "Epoch AI, Data on AI Models (2026-04-01), CC-BY 4.0"
    subsets = [("all", []), ("since2010", ["publication_date>=2010-01-01"]),
               ("since2018", ["publication_date>=2018-01-01"]), ("frontier10", ["frontier_top10==1"]),
               ("confident", ["confidence==Confident"])]
    subsets += [(d.lower().replace(" ", ""), ["domain==" + d]) for d in ("Language", "Vision", "Games", "Biology",
                                                                         "Speech", "Image generation")]
    subsets.append(("language-since2018", ["domain==Language", "publication_date>=2018-01-01"]))
    for sub, w in subsets:
        case("epoch-notable-%s-doubling" % sub, NOTABLE, ["publication_date"], "training_compute_flop", "doubling", w,
             source=src)


def main():
    derive_data()
    gadre()
    olmo()
    chinchilla()
    trends()
    with open(HERE + "/cases.json", "w", encoding="utf-8") as f:
        json.dump({"cases": CASES}, f, indent=1)
    by = {}
    for c in CASES:
        by[c["id"].split("-")[0]] = by.get(c["id"].split("-")[0], 0) + 1
    print(len(CASES), by)


if __name__ == "__main__":
    main()
