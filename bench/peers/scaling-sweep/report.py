"""Classifies scalefit's answer on every case of the scaling-law sweep against the peers and writes the table.

Run from the repository root after scipy_peer.py, r_peer.R and the recording run of ScalingSweepTest:
    python3 bench/peers/scaling-sweep/report.py bench/results/scaling-sweep-2026-12-07.md
Also writes bench/peers/scaling-sweep/results/peer.json (per case the peer's value, and whether a finite optimum
exists), which ScalingSweepTest reads.

peer value = the SciPy peer's RSS (squares) or summed Huber objective, lowered to R's where R's nlsLM ends lower,
and to the infimum (the limit law's RSS) where no finite optimum exists.
No finite optimum (offset power law): the RSS of the limit law c - k ln x (alpha -> 0, E -> -inf, A -> +inf) is at
or below the best finite RSS the peer found (within 1e-6 relative): the infimum is approached only as the
parameters run off. Verdicts (as the nls sweep's):
  agrees          exit 0, R^2 >= 0 and value <= peer (1 + 1e-7)
  lower           as agrees, with the value below the peer's by more than 1e-7 relative
  fails loudly    exit 1 or 2 with a message (the table says whether the peer confirms no finite optimum)
  SILENTLY WRONG  exit 0 with the value above the peer's beyond 1e-7, or R^2 < 0
"""
import json
import os
import sys

DIR = "bench/peers/scaling-sweep/"
REL = 1e-7
LIMIT_REL = 1e-6


def load(name):
    path = DIR + "results/" + name
    return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}


def peer_of(case, s, r):
    robust = case["loss"] != "squares"
    value = s["objective"] if robust else s["rss"]
    who = "SciPy"
    if not robust and r.get("rss") is not None and r["rss"] < value * (1 - REL):
        value, who = r["rss"], "R"
    limit = s.get("limit_rss")
    no_opt = limit is not None and limit <= value * (1 + LIMIT_REL)
    if no_opt and limit < value:
        value, who = limit, "the limit law (infimum)"
    return {"value": value, "from": who, "no_finite_optimum": no_opt, "limit_rss": limit,
            "parameters": s["parameters"], "basin_hits": s.get("basin_hits"), "starts": s.get("starts")}


def classify(sf, peer):
    if sf["exit"] != 0:
        return "fails loudly"
    if sf["r2"] < 0:
        return "SILENTLY WRONG"
    mine = sf["objective"] if peer.get("robust") else sf["rss"]
    if mine > peer["value"] * (1 + REL):
        return "SILENTLY WRONG"
    return "lower" if mine < peer["value"] * (1 - REL) else "agrees"


def main(out_md):
    cases = json.load(open(DIR + "cases.json", encoding="utf-8"))["cases"]
    sp, r, sf = load("scipy.json"), load("r.json"), load("scalefit.json")
    rows, peers, counts, runaway, loud, wrong, by_set = [], {}, {}, [], [], [], {}
    for c in cases:
        i = c["id"]
        if i not in sp or i not in sf:
            continue
        p = peer_of(c, sp[i], r.get(i, {}))
        p["robust"] = c["loss"] != "squares"
        peers[i] = p
        f = sf[i]
        v = classify(f, p)
        counts[v] = counts.get(v, 0) + 1
        group = i.split("-")[0]
        by_set.setdefault(group, {}).setdefault(v, 0)
        by_set[group][v] += 1
        if f["exit"] == 0:
            got = "%.10g (R² %.4f)" % (f["objective"] if p["robust"] else f["rss"], f["r2"])
            if p["no_finite_optimum"]:
                got += "; " + ", ".join("%s = %.4g" % kv for kv in f["parameters"].items())
                runaway.append(i)
        else:
            text = f.get("message") or "not converged: " + (f.get("reason") or "")
            text = text.split(": ", 1)[1] if text.startswith("exit ") else text
            got = "exit %d: %s" % (f["exit"], text.replace("scalefit fit: ", "")[:150].replace("|", "/"))
        if v == "fails loudly":
            loud.append((i, p["no_finite_optimum"]))
            v += " (peer: no finite optimum)" if p["no_finite_optimum"] else " (PEER HAS AN OPTIMUM)"
        if v == "SILENTLY WRONG":
            wrong.append(i)
        rr = r.get(i, {})
        rows.append("| %s | %d | %.10g | %s | %s | %s | %s | **%s** |" % (
            i, c["n"], p["value"], "%s/%s" % (p["basin_hits"], p["starts"]),
            ("%.10g" % p["limit_rss"]) if p["limit_rss"] is not None else "—",
            ("%.10g" % rr["rss"]) if rr.get("rss") is not None else ("fails" if rr else "—"), got, v))
    with open(DIR + "results/peer.json", "w", encoding="utf-8") as fh:
        json.dump(peers, fh, indent=1, sort_keys=True)
    total = sum(counts.values())
    head = ["# Scaling-law sweep: scalefit against SciPy and R on every subset of the published scaling-law data "
            "(2026-12-07)",
            "",
            "Made by `bench/peers/scaling-sweep/` (its README says how): `python3 bench/peers/scaling-sweep/report.py %s`."
            % out_md,
            "Findings and the diagnosis of every failure: `bench/peers/scaling-sweep/README.md`; "
            "scalefit run as the `command` of each case in `bench/peers/scaling-sweep/cases.json` (no start values), "
            "in-process through the CLI (`ScalingSweepTest`, `-DscalingSweep.record=true`).",
            "",
            "**Totals (%d cases):** " % total + ", ".join("%s %d" % (k, counts[k]) for k in sorted(counts)),
            "",
            "| data set | " + " | ".join(sorted(counts)) + " |", "|---|" + "---|" * len(counts)]
    for g in sorted(by_set):
        head.append("| %s | " % g + " | ".join(str(by_set[g].get(k, 0)) for k in sorted(counts)) + " |")
    head += ["",
             "Loud failures: %d, of which the peer confirms no finite optimum for %d." % (
                 len(loud), sum(1 for _, n in loud if n)),
             "Silent wrong answers: %s." % (", ".join(wrong) or "none"),
             "Exit 0 where no finite optimum exists (a point on the runaway ridge returned as converged): %s."
             % (", ".join(runaway) or "none"),
             "",
             "Columns: n points; peer value (RSS, or the summed Huber objective for `--loss huber`); SciPy starts that "
             "reached it within 1e-9 / starts; the RSS of the offset power law's limit c − k ln x (at or below the "
             "peer's value: no finite optimum); R's nlsLM (best of its starts); scalefit's value or exit and message; "
             "verdict.",
             "",
             "| case | n | peer | hits/starts | limit law RSS | R nlsLM | scalefit | verdict |",
             "|---|---|---|---|---|---|---|---|"]
    with open(out_md, "w", encoding="utf-8") as fh:
        fh.write("\n".join(head + rows) + "\n")
    print(counts, "wrong:", wrong, "loud without peer confirmation:", [i for i, n in loud if not n], file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
