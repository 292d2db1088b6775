"""Writes the peers' answers into src/test/resources/corpus/manifest.json (the "peer" block of each fit case)
after checking that the two peers agree. Run from the repository root after scipy_peer.py, r_peer.R and
bootstrap.py:  python3 bench/peers/corpus/merge.py

The SciPy answer is the reference (exact Jacobian, most starts); R's is the cross-check and must agree:
RSS to 1e-9 relative, parameters to 1e-6 relative (of max(|p|, its standard error)), standard errors to
1e-3 relative (R differentiates numerically). NIST cases are also compared with NIST's certified values
(11 digits), SciPy's test cases with the values SciPy's own tests assert (4 decimals). Exits 1 on any
disagreement, leaving the manifest unchanged.
"""
import json
import sys

MANIFEST = "src/test/resources/corpus/manifest.json"
RES = "bench/peers/corpus/results/"


def load(name):
    try:
        return json.load(open(RES + name, encoding="utf-8"))
    except FileNotFoundError:
        return {}


def rel(a, b, scale=None):
    s = abs(b) if scale is None else scale
    return abs(a - b) / s if s else abs(a - b)


def compare(peer, other, names):
    out = {"rss_relative": rel(other["rss"], peer["rss"])}
    se = peer.get("stderr") or {}
    out["parameters_relative_max"] = max(
        rel(other["parameters"][n], peer["parameters"][n], max(abs(peer["parameters"][n]), se.get(n) or 0)) for n in names)
    if "stderr" in other and se:
        out["stderr_relative_max"] = max(rel(other["stderr"][n], se[n]) for n in names if se.get(n) is not None)
    return out


def canonical(case, res):
    """The equivalent form the case names as canonical (e.g. scal > 0 for the four-parameter logistic)."""
    eq = case.get("equivalent")
    if not eq or "parameters" not in res:
        return res
    p = res["parameters"]
    left, op, right = eq["canonical"]
    rv = p[right] if isinstance(right, str) else right
    if (p[left] > rv) == (op == ">"):
        return res
    out = dict(res)
    for key in ("parameters", "stderr"):
        if key not in res or res[key] is None:
            continue
        v = dict(res[key])
        for a, b in eq["swap"]:
            v[a], v[b] = v[b], v[a]
        if key == "parameters":
            for n in eq["negate"]:
                v[n] = -v[n]
        out[key] = v
    return out


def main(allow_missing=False):
    manifest = json.load(open(MANIFEST, encoding="utf-8"))
    scipy, r, boot = load("scipy.json"), load("r.json"), load("bootstrap.json")
    bad = []
    for c in manifest["cases"]:
        if c["kind"] != "fit":
            continue
        cid = c["id"]
        names = [n for n in c["parameters"] if n not in c.get("unidentified", [])]
        s = scipy.get(cid)
        if s is not None:
            s = canonical(c, s)
        if cid in r:
            r[cid] = canonical(c, r[cid])
        if s is None:
            if "peer" not in c and not allow_missing:
                bad.append(cid + ": no SciPy answer")
            continue
        peer = {k: v for k, v in s.items() if v is not None}
        peer["script"] = "bench/peers/corpus/scipy_peer.py"
        documented = []
        if (c.get("r_peer") or {}).get("start"):
            documented.append(c["r_peer"]["start"])
        if "certified" in c:
            documented += [c["certified"]["start1"], c["certified"]["start2"]]
        if "basin_hits" in s and "how_we_know" not in s:
            peer["start_values"] = {
                "documented": documented,
                "random": "%d seeded starts (numpy SeedSequence([20240229, sum of the id's character codes])) over the "
                          "boxes of scipy_peer.py's default_box and random_starts" % (s["starts"] - len(documented))}
        if "basin_hits" in s and "how_we_know" not in s:
            peer["how_we_know"] = ("Levenberg-Marquardt from %d starts (the documented ones and seeded random ones); "
                                   "%d reached this RSS within 1e-9 relative and none went lower"
                                   % (s["starts"], s["basin_hits"]))
        if cid in r and "rss" in r[cid]:
            cc = compare(s, r[cid], names)
            cc.update({"tool": r[cid]["tool"], "script": "bench/peers/corpus/r_peer.R"})
            peer["cross_check"] = cc
            if cc["rss_relative"] > 1e-9 or cc["parameters_relative_max"] > 1e-6 or cc.get("stderr_relative_max", 0) > 1e-3:
                bad.append("%s: R disagrees %s" % (cid, cc))
        elif cid in r:
            bad.append("%s: R failed: %s" % (cid, r[cid].get("error")))
        if "certified" in c:
            cert = c["certified"]
            cc = {"rss_relative": rel(s["rss"], cert["rss"]),
                  "parameters_relative_max": max(rel(s["parameters"][n], cert["parameters"][n]) for n in names),
                  "stderr_relative_max": max(rel(s["stderr"][n], cert["stderr"][n]) for n in names),
                  "source": "NIST certified values (128-bit computation, 11 significant digits)"}
            peer["certified_check"] = cc
            if cc["rss_relative"] > 1e-9 or cc["parameters_relative_max"] > 1e-8 or cc["stderr_relative_max"] > 1e-6:
                bad.append("%s: certified values disagree %s" % (cid, cc))
        if "published" in c and "decimals" in c["published"]:
            pub = c["published"]
            d = 10 ** -pub["decimals"]
            diffs = {n: abs(s["parameters"][n] - v) for n, v in pub["parameters"].items()}
            peer["published_check"] = {"parameters_abs_max": max(diffs.values()), "decimals": pub["decimals"]}
            if max(diffs.values()) > 0.5 * d * 1.0001:
                bad.append("%s: SciPy's test values disagree %s" % (cid, diffs))
        if "published" in c and "stderr_scaled" in c["published"]:
            # SciPy's test asserts the errors with sigma as relative weights (absolute_sigma=False): scale ours back.
            s2 = s["rss"] / s["dof"]
            diffs = {n: rel(s["stderr"][n] * s2 ** 0.5, v) for n, v in c["published"]["stderr_scaled"].items()}
            peer["published_check"] = {"stderr_scaled_relative_max": max(diffs.values())}
            if max(diffs.values()) > 1e-3:
                bad.append("%s: SciPy's scaled errors disagree %s" % (cid, diffs))
        if cid in boot:
            peer["bootstrap_stderr"] = boot[cid]["stderr"]
            peer["bootstrap_tool"] = boot[cid]["tool"]
            peer["bootstrap_script"] = "bench/peers/corpus/bootstrap.py"
        c["peer"] = peer
    for c in manifest["cases"]:
        if "warns-sigma-units" in c.get("checks", []):
            plain = next(x for x in manifest["cases"] if x["id"] == c["id"].replace("-sigma-of-y", ""))
            if "peer" in c and "peer" in plain:
                c["peer"]["without_sigma"] = plain["peer"]["parameters"]
    if bad:
        print("\n".join(bad), file=sys.stderr)
        sys.exit(1)
    with open(MANIFEST, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(allow_missing=sys.argv[1:] == ["--allow-missing"])
