"""Runs scalefit on every case of bench/peers/sweep/cases.json as a new user would: the command line, the
formula, no start values, linear space, JSON output. One JVM at a time (sequential).

Run from the repository root after `mvn -B -o -q package -DskipTests`:
    python3 bench/peers/sweep/run_scalefit.py [CASE_ID ...]
Writes bench/peers/sweep/results/scalefit.json: per case the command, exit code, RSS, R², parameters,
warnings, and the first line of stderr when it failed.
"""
import json
import os
import shlex
import subprocess
import sys

CASES = "bench/peers/sweep/cases.json"
OUT = "bench/peers/sweep/results/scalefit.json"


def command(case):
    xs = [a for x in case["x"] for a in ("--x", x)]
    return ["./scalefit", "fit", case["file"], *xs, "--y", case["y"], "--law", case["model"], "--space", "linear", "--json"]


def run(case):
    cmd = command(case)
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    res = {"command": " ".join(shlex.quote(c) for c in cmd), "exit": p.returncode}
    if p.returncode == 0:
        j = json.loads(p.stdout)
        res.update(rss=j["rss"], r2=j["r2"], converged=j["converged"], warnings=j["warnings"],
                   parameters={k: v["value"] for k, v in j["parameters"].items()},
                   starts_tried=j.get("starts_tried"), constraints=j.get("constraints"))
    else:
        res["message"] = (p.stderr.strip() or p.stdout.strip()).splitlines()[:3]
    return res


def main(ids):
    cases = json.load(open(CASES, encoding="utf-8"))["cases"]
    out = json.load(open(OUT)) if os.path.exists(OUT) and ids else {}
    for case in cases:
        if ids and case["id"] not in ids:
            continue
        out[case["id"]] = run(case)
        print(case["id"], out[case["id"]]["exit"], out[case["id"]].get("rss"), file=sys.stderr, flush=True)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, "w", encoding="utf-8") as f:
            json.dump(dict(sorted(out.items())), f, indent=1)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
