#!/usr/bin/env python3
"""Check plot for the Jones (2021) digitization: redraws datasets/jones2021-hex-runs-digitized.csv in the
style of the author's figure (left) and overlays the refitted change-point frontier of
src/test/resources/peers/jones2021-frontier.json, dashed (right). Compare the left panel by eye with
../shared/reference-figures/boardlaw-jones2021/flops_curves.svg (render it with
`rsvg-convert -w 1400 -o ref.png flops_curves.svg`).

Needs matplotlib (on Debian: apt-get install python3-matplotlib, then run with /usr/bin/python3).
Run from the repository root:  /usr/bin/python3 bench/peers/jones2021_check_plot.py [OUT.png]
(default /tmp/jones2021-digitized-check.png; the PNG is not kept in the repository).
"""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
COLOURS = {3: "#a82c24", 4: "#a89d24", 5: "#42a824", 6: "#24a877", 7: "#2468a8", 8: "#5224a8", 9: "#a8248d"}


def main(out):
    lines = {}
    with open(os.path.join(ROOT, "datasets/jones2021-hex-runs-digitized.csv"), newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["board_size"]), row["series"], row["run"])
            lines.setdefault(key, []).append((float(row["train_flops"]), float(row["elo"])))
    with open(os.path.join(ROOT, "src/test/resources/peers/jones2021-frontier.json")) as f:
        p = json.load(f)["fit"]
    plt.rcParams.update({"font.family": "serif", "font.size": 7})
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), dpi=200, sharey=True)
    for ax, title in zip(axes, ["digitized runs and frontiers", "frontiers and refitted change-point model"]):
        for (board, series, _), pts in sorted(lines.items()):
            x, y = np.array(pts).T
            if series == "run" and ax is axes[0]:
                ax.plot(x, y, color=COLOURS[board], lw=0.44, alpha=0.15)
            elif series == "frontier":
                ax.plot(x, y, color=COLOURS[board], lw=0.9)
                if ax is axes[0]:
                    ax.text(x[0] / 10 ** 0.25, y[0] - 15, str(board), color=COLOURS[board], ha="center", va="center")
                else:
                    lc = np.log10(x)
                    incline = p["m_flops"] * lc + p["m_board"] * board + p["c_incline"]
                    plateau = p["m_plateau"] * board + p["c_plateau"]
                    ax.plot(x, np.minimum(0, np.maximum(incline, plateau)), color=COLOURS[board], lw=0.6, ls="--")
        ax.set_xscale("log")
        ax.set_ylim(None, 100)
        ax.set_title(title)
        ax.set_xlabel("FLOPS")
        ax.grid(True, which="both", alpha=0.2, lw=0.25)
    axes[0].set_ylabel("Elo v. perfect play")
    axes[1].text(0.02, 0.03, f"{p['m_flops']:.1f} Elo per 10x compute; "
                             f"{p['compute_multiplier_per_board']:.2f}x compute per board size",
                 transform=axes[1].transAxes, fontsize=6)
    fig.tight_layout()
    fig.savefig(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/jones2021-digitized-check.png")
