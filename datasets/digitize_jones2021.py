#!/usr/bin/env python3
"""Digitizes Jones (2021)'s Hex compute curves from the author's own vector figure.

Source: docs/flops_curves.svg of andyljones/boardlaw (MIT licence, "Copyright (c) 2021 Andy L Jones"),
the documentation's replication of the paper's headline figure (Jones 2021, "Scaling Scaling Laws with
Board Games", arXiv 2104.03113). matplotlib 3.3.4 wrote it for plotnine: every training run is one
polyline (alpha 0.15, 0.44 pt) and every board size's compute frontier is one opaque polyline (0.89 pt),
with exact vertex coordinates (6 decimals, in points). Lines with fewer than 128 vertices are never
simplified by matplotlib, and none here has more than 101, so every vertex is a plotted data point.

What the script does, and checks (it stops with an AssertionError if a check fails):
1. Calibrates both axes by least squares from the labelled major ticks (x: "1e11", "1e14", "1e17" on a
   log10 axis; y: "-2000" ... "0" Elo, linear), then maps EVERY tick back: the labelled ticks to their
   labels, and the unlabelled minor ticks to the values mizani (plotnine's scale library) puts them at,
   which are linear in data space between successive major breaks: x minors at
   10^(M-3) + k*(10^M - 10^(M-3))/9, k = 1..8 (1.12e10, 2.23e10, ... below each major 10^M; not
   1..9 x 10^(M-1)), y minors at the odd multiples of 250. It prints the worst error of each kind.
2. Assigns each line to a board size by its stroke colour, using the figure's own direct labels ("3" ...
   "9", each drawn in its board's colour); the colours also match ggplot's hue palette order.
3. Tells runs from frontiers by line width and opacity; checks the per-board counts of runs.
4. Recomputes every frontier from the digitized runs the way Jones's analysis/data.py does
   (interp_frontier: for each board, 101 points evenly spaced in log10 FLOPs between the board's
   smallest and largest training compute; the maximum over the runs' linear interpolations in
   log10 FLOPs, each run counted only inside its own range) and checks it against the digitized frontier.
   698 of the 707 frontier points agree within 1e-3 Elo (in fact 4e-5). The other 9 are the last grid
   point of boards 4, 5, 8 and 9 and the last five of board 7: there the drawn frontier is flat
   (it repeats the previous value) and lies 5 to 31 Elo ABOVE every drawn run, so it was computed from
   data not drawn as run lines (we could not find which: the interp_frontier code is the same in
   every version of the repository). The check asserts that every disagreement is of that kind
   (in the last 5% of a board's compute range, above the runs) and prints them.

Output: datasets/jones2021-hex-runs-digitized.csv (columns documented in datasets/README.md):
board_size, series (run | frontier), run (b<board>r<nn> in drawing order within the board, or
b<board>frontier), point (vertex index along the line, increasing compute), train_flops (training
compute in FLOPs, the figure's x), elo (Elo against perfect play, the figure's y, in the usual
base-10/400 units: Jones stores natural-log Elo and plots 400/ln 10 times it), svg_x, svg_y (the
vertex as written in the SVG, points, y down).

Python 3 standard library + NumPy. Deterministic: the same input gives byte-identical output.
Run from the repository root:  python3 datasets/digitize_jones2021.py [path/to/flops_curves.svg]
(default ../shared/reference-data/boardlaw/flops_curves.svg).
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SVG = os.path.join(HERE, "..", "..", "shared", "reference-data", "boardlaw", "flops_curves.svg")
OUT = os.path.join(HERE, "jones2021-hex-runs-digitized.csv")
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

# Tolerances of the calibration checks. The SVG writes coordinates with 6 decimals (0.5e-6 pt rounding);
# one decade is 21.4 pt and 500 Elo is 24.9 pt, so rounding alone gives < 3e-8 decades and < 2e-5 Elo.
TICK_TOL_DECADES = 1e-6
TICK_TOL_ELO = 1e-4
FRONTIER_TOL_ELO = 1e-3
RUNS_PER_BOARD = {3: 6, 4: 15, 5: 20, 6: 32, 7: 38, 8: 40, 9: 44}   # read off the figure (one line per run)
HUE_ORDER = ["#a82c24", "#a89d24", "#42a824", "#24a877", "#2468a8", "#5224a8", "#a8248d"]  # ggplot hue, l=.4


def parse(path):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    return ET.parse(path, parser).getroot()


def comment_text(element):
    """The text of the first XML comment under element (matplotlib writes each label's text there)."""
    for node in element.iter():
        if node.tag is ET.Comment:
            return node.text.strip()
    return None


def style_of(element):
    return dict(kv.split(":", 1) for kv in (element.get("style") or "").strip(";").split(";") if kv)


def polyline(d):
    tokens = re.findall(r"[A-Za-z]|-?\d+(?:\.\d+)?(?:e-?\d+)?", d)
    assert tokens and tokens[0] == "M", "a data path must start with a move"
    points, command = [], None
    for tok in tokens:
        if tok.isalpha():
            assert tok in "ML", f"unexpected path command {tok!r}: only straight polylines are expected"
            assert not (tok == "M" and points), "a data line with a gap (a second 'M') is not expected"
            command = tok
            pending = []
        else:
            pending.append(float(tok))
            if len(pending) == 2:
                points.append(tuple(pending))
                pending = []
    assert command is not None
    return np.array(points)


def ticks(root, axis):
    """[(svg coordinate, label or None)] for every tick of axis 'x' or 'y', read from the tick-mark <use>."""
    out = []
    for group in root.iter(SVG + "g"):
        gid = group.get("id") or ""
        if not gid.startswith(axis + "tick_"):
            continue
        marks = [u for u in group.iter(SVG + "use") if u.get("x") is not None and u.get("y") is not None]
        assert marks, f"{gid} has no tick mark"
        coordinate = float(marks[0].get("x" if axis == "x" else "y"))
        out.append((coordinate, comment_text(group)))
    return out


def label_value(text):
    return float(text.replace("\u2212", "-"))


def calibrate(tick_list, log):
    """Least-squares line value = c0 + c1*coordinate over the labelled ticks (value in log10 if log)."""
    labelled = [(c, label_value(t)) for c, t in tick_list if t]
    coordinate = np.array([c for c, _ in labelled])
    value = np.array([np.log10(v) if log else v for _, v in labelled])
    design = np.column_stack([np.ones_like(coordinate), coordinate])
    coef, *_ = np.linalg.lstsq(design, value, rcond=None)
    return coef, labelled


def check_ticks(root):
    xt, yt = ticks(root, "x"), ticks(root, "y")
    cx, x_labelled = calibrate(xt, log=True)
    cy, y_labelled = calibrate(yt, log=False)
    to_x = lambda c: cx[0] + cx[1] * c      # noqa: E731  (log10 FLOPs)
    to_y = lambda c: cy[0] + cy[1] * c      # noqa: E731  (Elo)
    majors_x = sorted(int(round(np.log10(v))) for _, v in x_labelled)
    assert np.all(np.diff(majors_x) == 3), majors_x
    report = {}
    worst = max(abs(to_x(c) - np.log10(v)) for c, v in x_labelled)
    report["x labelled ticks"] = (len(x_labelled), worst, "decades")
    assert worst < TICK_TOL_DECADES, f"x calibration misses a labelled tick by {worst} decades"
    # mizani's minor breaks: linear in data space between successive majors (the first interval starts
    # at the major break below the axis range).
    expected = [10.0 ** (m - 3) + k * (10.0 ** m - 10.0 ** (m - 3)) / 9 for m in majors_x for k in range(1, 9)]
    minors = [c for c, t in xt if not t]
    assert len(minors) == len(expected), (len(minors), len(expected))
    errors = [min(abs(to_x(c) - np.log10(e)) for e in expected) for c in minors]
    report["x minor ticks"] = (len(minors), max(errors), "decades")
    assert max(errors) < TICK_TOL_DECADES, f"an x minor tick is {max(errors)} decades from mizani's value"
    worst = max(abs(to_y(c) - v) for c, v in y_labelled)
    report["y labelled ticks"] = (len(y_labelled), worst, "Elo")
    assert worst < TICK_TOL_ELO, f"y calibration misses a labelled tick by {worst} Elo"
    minors = [to_y(c) for c, t in yt if not t]
    errors = [abs(v - 250 * round(v / 250)) for v in minors]
    assert all(round(v / 250) % 2 == 1 for v in minors), "y minor ticks should sit at odd multiples of 250"
    report["y minor ticks"] = (len(minors), max(errors), "Elo")
    assert max(errors) < TICK_TOL_ELO, f"a y minor tick is {max(errors)} Elo from a multiple of 250"
    return to_x, to_y, cx, cy, report


def board_colours(root):
    """{stroke colour: board size} from the direct labels, which are drawn in their board's colour."""
    colours = {}
    for group in root.iter(SVG + "g"):
        if not (group.get("id") or "").startswith("text_"):
            continue
        text = comment_text(group)
        if text is None or not text.isdigit():
            continue
        fills = [style_of(g).get("fill") for g in group.iter(SVG + "g") if style_of(g).get("fill")]
        if fills:
            colours[fills[0].lower()] = int(text)
    assert sorted(colours.values()) == list(range(3, 10)), colours
    assert [colours[c] for c in HUE_ORDER] == list(range(3, 10)), "label colours are not in hue order"
    return colours


def data_lines(root, colours):
    """[(board, kind, vertices)] in drawing order."""
    lines = []
    for group in root.iter(SVG + "g"):
        if not (group.get("id") or "").startswith("line2d"):
            continue
        for path in group.findall(SVG + "path"):
            style = style_of(path)
            colour = (style.get("stroke") or "").lower()
            if colour not in colours:
                continue
            opacity = float(style.get("stroke-opacity", "1"))
            width = float(style["stroke-width"])
            kind = "run" if opacity < 1 and width < 0.6 else "frontier" if opacity == 1 and width > 0.6 else None
            assert kind, f"a line in board colour {colour} is neither a run nor a frontier: {style}"
            lines.append((colours[colour], kind, polyline(path.get("d"))))
    return lines


def interp_frontier(runs_log_x, runs_y, lo, hi):
    """Jones's frontier: the max over runs of their linear interpolations on 101 points in log10 FLOPs."""
    grid = np.linspace(lo, hi, 101)
    stack = np.full((len(runs_log_x), grid.size), -np.inf)
    for i, (x, y) in enumerate(zip(runs_log_x, runs_y)):
        order = np.argsort(x, kind="stable")
        inside = (grid >= x[order][0]) & (grid <= x[order][-1])
        stack[i, inside] = np.interp(grid[inside], x[order], y[order])
    return grid, stack.max(axis=0)


def main(svg_path):
    root = parse(svg_path)
    to_x, to_y, cx, cy, report = check_ticks(root)
    colours = board_colours(root)
    lines = data_lines(root, colours)
    runs = {b: [] for b in range(3, 10)}
    frontiers = {}
    for board, kind, vertices in lines:
        if kind == "run":
            runs[board].append(vertices)
        else:
            assert board not in frontiers, f"two frontiers for board {board}"
            frontiers[board] = vertices
    counts = {b: len(v) for b, v in runs.items()}
    assert counts == RUNS_PER_BOARD, counts
    assert sorted(frontiers) == list(range(3, 10)), sorted(frontiers)

    worst_frontier, unexplained = 0.0, []
    for board in range(3, 10):
        lx = [to_x(v[:, 0]) for v in runs[board]]
        ly = [to_y(v[:, 1]) for v in runs[board]]
        lo, hi = min(x.min() for x in lx), max(x.max() for x in lx)
        grid, recomputed = interp_frontier(lx, ly, lo, hi)
        drawn_x, drawn_y = to_x(frontiers[board][:, 0]), to_y(frontiers[board][:, 1])
        assert drawn_x.size == 101 and np.max(np.abs(drawn_x - grid)) < TICK_TOL_DECADES * 10, board
        gap = drawn_y - recomputed
        agree = np.abs(gap) < FRONTIER_TOL_ELO
        worst_frontier = max(worst_frontier, float(np.max(np.abs(gap[agree]))))
        for i in np.flatnonzero(~agree):
            assert i >= 95 and gap[i] > 0, f"board {board}: frontier point {i} is {gap[i]} Elo off the runs"
            unexplained.append((board, int(i), float(drawn_y[i]), float(gap[i])))

    rows = ["board_size,series,run,point,train_flops,elo,svg_x,svg_y"]
    for board in range(3, 10):
        for index, vertices in enumerate(runs[board]):
            rows += format_line(board, "run", f"b{board}r{index:02d}", vertices, to_x, to_y)
        rows += format_line(board, "frontier", f"b{board}frontier", frontiers[board], to_x, to_y)
    with open(OUT, "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")

    print(f"x: log10 FLOPs = {cx[0]:.9f} + {cx[1]:.12f} * svg_x   ({1 / cx[1]:.6f} pt per decade)")
    print(f"y: Elo         = {cy[0]:.9f} + {cy[1]:.12f} * svg_y   ({-500 / cy[1]:.6f} pt per 500 Elo)")
    for name, (n, worst, unit) in report.items():
        print(f"calibration check, {name}: {n} ticks, worst error {worst:.3e} {unit}")
    print(f"frontier recomputed from the runs (Jones's interp_frontier) vs drawn: {707 - len(unexplained)} of 707 "
          f"points agree, worst {worst_frontier:.3e} Elo; the drawn frontier lies above every run at:")
    for board, i, elo, gap in unexplained:
        print(f"  board {board}, grid point {i}: drawn {elo:.3f} Elo, {gap:.3f} above the best run")
    print("runs per board:", ", ".join(f"{b}: {n}" for b, n in counts.items()), f"(total {sum(counts.values())})")
    print(f"wrote {os.path.relpath(OUT)}: {len(rows) - 1} vertices")


def format_line(board, series, run, vertices, to_x, to_y):
    order = np.argsort(vertices[:, 0], kind="stable")
    assert np.all(order == np.arange(len(order))), f"{run}: vertices are not in increasing compute"
    out = []
    for i, (sx, sy) in enumerate(vertices):
        out.append(f"{board},{series},{run},{i},{10 ** to_x(sx):.7e},{to_y(sy):.3f},{sx:.6f},{sy:.6f}")
    return out


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SVG)
