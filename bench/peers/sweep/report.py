"""Classifies scalefit's answer on every case of the nls sweep against the peers and writes the table.

Run from the repository root after r_peer.R, scipy_peer.py and run_scalefit.py:
    python3 bench/peers/sweep/report.py bench/results/sweep-2026-12-07.md
Also writes bench/peers/sweep/results/peer.json (the peer RSS of every case, which the JUnit sweep reads).

peer RSS = the lower of R's (self-starting nls, polished by nlsLM) and SciPy's (Levenberg-Marquardt from
the documented start and 200 seeded random starts); "peers differ" when they differ by more than 1e-7
relative. Verdicts:
  agrees          exit 0 and RSS <= peer (1 + 1e-7) + 1e-12 TSS (the absolute term only matters for the
                  noise-free datN, where both RSS are rounding noise), and R^2 >= 0
  lower           as agrees, with RSS below the peer's by more than 1e-7 relative
  fails loudly    exit 1 or 2 with a message
  SILENTLY WRONG  exit 0 with RSS above the peer's beyond that tolerance, or R^2 < 0
"""
import json
import sys

DIR = "bench/peers/sweep/"
REL = 1e-7
RUNAWAY = 1e12  # a converged parameter this large is a runaway accepted as an optimum: named in the table
ABS_TSS = 1e-12


def load(name):
    return json.load(open(DIR + "results/" + name, encoding="utf-8"))


def classify(sf, peer, tss):
    if sf["exit"] != 0:
        return "fails loudly"
    if sf["r2"] < 0:
        return "SILENTLY WRONG"
    if sf["rss"] > peer * (1 + REL) + ABS_TSS * tss:
        return "SILENTLY WRONG"
    return "lower" if sf["rss"] < peer * (1 - REL) else "agrees"


def main(out_md):
    cases = json.load(open(DIR + "cases.json", encoding="utf-8"))["cases"]
    r, sp, sf = load("r.json"), load("scipy.json"), load("scalefit.json")
    rows, peers, counts, runaway = [], {}, {}, []
    for c in cases:
        i = c["id"]
        if i not in sp or i not in sf:
            continue
        s = sp[i]
        rr = r.get(i, {})
        cands = [("SciPy", s["rss"])] + ([("R", rr["rss"])] if "rss" in rr else [])
        who, peer = min(cands, key=lambda t: t[1])
        tss = s["rss"] / (1 - s["r2"]) if s.get("r2") is not None and s["r2"] < 1 else 0.0
        differ = "rss" in rr and abs(rr["rss"] - s["rss"]) > REL * min(rr["rss"], s["rss"]) + ABS_TSS * tss
        v = classify(sf[i], peer, tss)
        counts[v] = counts.get(v, 0) + 1
        peers[i] = {"rss": peer, "from": who, "tss": tss, "parameters": (s if who == "SciPy" else rr)["parameters"]}
        r_nls = ("%.10g" % rr["nls_rss"]) if "nls_rss" in rr else "fails: " + rr.get("nls_error", "?")
        if sf[i]["exit"] == 0:
            got = "%.10g (R² %.4f)" % (sf[i]["rss"], sf[i]["r2"])
            big = max(sf[i]["parameters"].items(), key=lambda t: abs(t[1]))
            if abs(big[1]) > RUNAWAY:
                got += "; %s = %.3g" % big
                runaway.append(i)
        else:
            got = "exit %d: %s" % (sf[i]["exit"], " ".join(sf[i]["message"])[:110].replace("|", "/"))
        rows.append("| %s | %d | %.10g | %s | %s | %.10g (%d/%d) | %s | **%s** |" % (
            i, s["n"], peer, r_nls, ("%.10g" % rr["rss"]) if "rss" in rr else "—", s["rss"], s["basin_hits"],
            s["starts_finished"], got, v + (" (peers differ)" if differ else "")))
    with open(DIR + "results/peer.json", "w", encoding="utf-8") as f:
        json.dump(peers, f, indent=1)
    total = sum(counts.values())
    head = ["# nls sweep: scalefit against R and SciPy on R's documented nls examples, every subject (2026-12-07)",
            "",
            "Made by `bench/peers/sweep/` (its README says how, and what the failures are): "
            "`python3 bench/peers/sweep/report.py %s`." % out_md,
            "scalefit run as `./scalefit fit FILE --x X --y Y --law 'FORMULA' --space linear --json`, no start values.",
            "",
            "**Totals (%d cases):** " % total + ", ".join("%s %d" % (k, counts[k]) for k in sorted(counts)),
            "",
            "Exit 0 with a parameter beyond %.0e in magnitude (a runaway accepted as converged; shown in the scalefit "
            "column): %s." % (RUNAWAY, ", ".join(runaway) or "none"),
            "",
            "Columns: n points; peer RSS (the lower of R and SciPy); R `nls` with the self-starting model, as the help",
            "page calls it (its own answer, or its error); R after an nlsLM polish; SciPy's best RSS (starts within 1e-9",
            "of it / starts that finished); scalefit's RSS or exit and message; verdict.",
            "",
            "| case | n | peer RSS | R nls (self-start) | R polished | SciPy (hits/finished) | scalefit | verdict |",
            "|---|---|---|---|---|---|---|---|"]
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(head + rows) + "\n")
    print(counts, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
