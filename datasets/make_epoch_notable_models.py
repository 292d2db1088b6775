#!/usr/bin/env python3
"""Writes datasets/epoch2026-notable-models-compute.csv: the notable AI models with a training-compute
estimate in Epoch AI's "AI Models" (All ML Systems) database, snapshot of 2026-04-01.

Source: the export "data/All ML Systems - full view.csv" in epoch-research/training-cost-trends, commit
263c40a159307e917213d1dc433c617e47d55bfe (2026-04-01), as cut (16 of ~60 columns, all 1,892 rows) into
../shared/reference-data/epoch-notable-models/all_ml_systems_subset_2026-04-01.csv. Epoch AI publishes this
database under the Creative Commons Attribution 4.0 licence (stated on Epoch's website, not in that
repository): "Epoch AI, 'Data on AI Models', https://epoch.ai/data/ai-models".

Kept: the rows with a training compute and a non-empty "Notability criteria" (Epoch's "notable models",
the set its trend analyses use; 484 rows), sorted by publication date then model name. Values unchanged;
columns renamed:
  model, organization, domain, publication_date (YYYY-MM-DD), training_compute_flop (total FLOP),
  compute_lower_flop, compute_upper_flop (Epoch's bounds, often empty), confidence (Epoch's confidence in
  the compute estimate: Confident, Likely, Speculative, Unknown), parameters (count, often empty),
  notability_criteria (why Epoch counts it as notable: SOTA improvement, Highly cited, Historical
  significance, Training cost, Significant use; several joined by ';'), compute_rank_when_published
  (its rank by training compute among all models at its publication date, when Epoch recorded it;
  rank <= 10 is Epoch's usual "frontier"), frontier_top10 (1 when that rank is 1..10, else 0).
Commas inside Epoch's multi-valued cells (organization, domain, notability) become ';' so that the CSV
needs no quoting.

Standard library only. Run from the repository root:
  python3 datasets/make_epoch_notable_models.py [path/to/all_ml_systems_subset_2026-04-01.csv]
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "reference-data", "epoch-notable-models",
                              "all_ml_systems_subset_2026-04-01.csv")
OUT = os.path.join(HERE, "epoch2026-notable-models-compute.csv")
COLUMNS = [("model", "Model"), ("organization", "Organization"), ("domain", "Domain"),
           ("publication_date", "Publication date"), ("training_compute_flop", "Training compute (FLOP)"),
           ("compute_lower_flop", "Training compute lower bound"),
           ("compute_upper_flop", "Training compute upper bound"), ("confidence", "Confidence"),
           ("parameters", "Parameters"), ("notability_criteria", "Notability criteria"),
           ("compute_rank_when_published", "Compute rank when published")]


def clean(value):
    value = value.strip().replace(",", ";").replace("\n", " ").replace('"', "'")
    return value


def main(source):
    with open(source, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Training compute (FLOP)"].strip() and r["Notability criteria"].strip()]
    rows.sort(key=lambda r: (r["Publication date"], r["Model"]))
    out = [",".join([name for name, _ in COLUMNS] + ["frontier_top10"])]
    for r in rows:
        float(r["Training compute (FLOP)"])                      # fails loudly on a malformed number
        assert len(r["Publication date"]) == 10, r["Publication date"]
        rank = r["Compute rank when published"].strip()
        rank = str(int(float(rank))) if rank else ""
        values = [clean(r[src]) for name, src in COLUMNS if name != "compute_rank_when_published"] + [rank]
        out.append(",".join(values + ["1" if rank and 1 <= int(rank) <= 10 else "0"]))
    with open(OUT, "w", newline="\n", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {os.path.relpath(OUT)}: {len(rows)} notable models with a training compute, "
          f"{rows[0]['Publication date']} to {rows[-1]['Publication date']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE)
