#!/usr/bin/python3
"""Reference values for org.pluralstats.align.LanguageConsistency: within- versus between-language
self-consistency of a model (seed paper 003, section 2.2), computed independently from explicit pairs.

Run with Debian's python3 (python3-scipy, python3-pandas):

    /usr/bin/python3 tools/language_consistency_reference.py

It writes pluralstats-core/src/test/resources/org/pluralstats/align/language-consistency.json. The
output is deterministic (fixed seeds, no timestamps).

What it computes, without the closed form the Java code uses:
  pairs        pandas.merge of a model's generations with themselves on the item, minus each
               generation paired with itself; a pair is "within" when both prompt languages are
               equal and "between" when they differ. Both orders of every pair are kept.
  scope        one language (all its items), a pair of languages or all of the model's languages
               (then only items with generations in at least two of the scope's languages).
  estimate     scipy.stats.spearmanr(x, y) over the pair vectors, divided by 1 - 0.045.
  bootstrap    items of the scope drawn with replacement; each draw is a separate copy of the item
               (pairs only inside a copy); within, between and within - between on every resample;
               numpy.quantile (linear) of the defined values.
  permutation  the language labels shuffled among the generations of each item (Fisher-Yates from the
               last position, items in order of first appearance, the labels carried over from one
               permutation to the next); p = (1 + #{D* >= D - 1e-12}) / (1 + defined permutations),
               and the same with |D*| >= |D| - 1e-12 for the two-sided p; nullDifference is the
               mean of the defined D* (math.fsum).
  randomness   a port of java.util.SplittableRandom (nextInt(bound) as in JDK 17) seeded with
               PercentileBootstrap.seedFor(seed, key) (FNV-1a of the key's UTF-8 bytes and
               SplitMix64's finaliser), so that the resamples and permutations are the Java ones.

Cases: a hand-made fixture (two items in two languages, ties, an item in one language only, a
third language with one generation) and a slice of the released data
(data-samples/multicultural-alignment/all_lang_model_responses_with_scores.csv: two models, the
first 8 items of the file, all four languages).
"""

import itertools
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
from scipy import stats

SCRIPT = "tools/language_consistency_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "pluralstats-core", "src", "test", "resources", "org", "pluralstats", "align")
DATA = os.path.join(ROOT, "data-samples", "multicultural-alignment", "all_lang_model_responses_with_scores.csv")
RELIABILITY = 1 - 0.045
TOL = 1e-12
M64 = (1 << 64) - 1


# ---------------------------------------------------------------- java.util.SplittableRandom

def mix64(z):
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def seed_for(seed, key):
    h = 0xcbf29ce484222325
    for b in key.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & M64
    return mix64(mix64(seed & M64) ^ h)


class SplittableRandom:
    GOLDEN_GAMMA = 0x9e3779b97f4a7c15

    def __init__(self, seed):
        self.seed = seed & M64

    def _next_int32(self):
        self.seed = (self.seed + self.GOLDEN_GAMMA) & M64
        z = self.seed
        z = ((z ^ (z >> 33)) * 0x62a9d9ed799705f5) & M64  # SplittableRandom.mix32 (Stafford variant 4)
        return (((z ^ (z >> 28)) * 0xcb24d0a5c88c35b3) & M64) >> 32  # the int's 32 bits, unsigned

    def next_int(self, bound):
        r = self._next_int32()
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = r >> 1
        while True:
            r = u % bound
            if u + m - r < (1 << 31):  # Java: u + m - r < 0 on int overflow
                return r
            u = self._next_int32() >> 1


# ---------------------------------------------------------------- explicit pairs

def spearman(x, y):
    if len(x) < 2:
        return math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = stats.spearmanr(x, y).statistic
    return float(r)


def correlations(gen):
    """gen: DataFrame with columns gid, unit (item copy), lang, score. -> (within, between, nw, nb)."""
    j = gen.merge(gen, on="unit", suffixes=("", "_r"))
    j = j[j["gid"] != j["gid_r"]]
    w = j[j["lang"] == j["lang_r"]]
    b = j[j["lang"] != j["lang_r"]]
    return (spearman(w["score"].to_numpy(), w["score_r"].to_numpy()),
            spearman(b["score"].to_numpy(), b["score_r"].to_numpy()), len(w), len(b))


def scope_generations(model_gens, languages):
    """The generations of a scope, in input order, and its items in order of first appearance."""
    g = model_gens[model_gens["language"].isin(languages)]
    items = list(dict.fromkeys(g["item"]))
    if len(languages) > 1:
        nlang = g.groupby("item")["language"].nunique()
        items = [i for i in items if nlang[i] >= 2]
        g = g[g["item"].isin(items)]
    return g.reset_index(drop=True), items


def quantiles(values, level):
    v = np.sort(np.asarray([x for x in values if not math.isnan(x)]))
    if len(v) < 2:
        return None, None
    alpha = 1 - level
    lo, hi = np.quantile(v, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


def f(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def scope(model, model_gens, languages, label, seed, resamples, permutations, level):
    g, items = scope_generations(model_gens, languages)
    item_index = {q: k for k, q in enumerate(items)}
    base = pd.DataFrame({"gid": np.arange(len(g)), "unit": [item_index[q] for q in g["item"]],
                         "lang": g["language"].to_numpy(), "score": g["score"].to_numpy()})
    w, b, nw, nb = correlations(base)
    out = {"model": model, "languages": label, "items": len(items), "generations": len(g),
           "withinPairs": nw, "withinObserved": f(w), "within": f(w / RELIABILITY)}
    multi = len(languages) > 1
    if multi:
        out.update({"betweenPairs": nb, "betweenObserved": f(b), "between": f(b / RELIABILITY),
                    "difference": f(w / RELIABILITY - b / RELIABILITY)})
    if resamples > 0 and len(items) > 0:
        rng = SplittableRandom(seed_for(seed, model + "\u001f" + label + "\u001flanguage-consistency"))
        n = len(items)
        ws, bs, ds = [], [], []
        for _ in range(resamples):
            idx = [rng.next_int(n) for _ in range(n)]
            parts = []
            for copy, q in enumerate(idx):
                part = base[base["unit"] == q].copy()
                part["unit"] = copy
                parts.append(part)
            rs = pd.concat(parts, ignore_index=True)
            rs["gid"] = np.arange(len(rs))
            rw, rb, _, _ = correlations(rs)
            ws.append(rw / RELIABILITY)
            if multi:
                bs.append(rb / RELIABILITY)
                ds.append(rw / RELIABILITY - rb / RELIABILITY)
        out["withinCi"] = [f(x) for x in quantiles(ws, level)]
        out["withinUndefined"] = sum(math.isnan(x) for x in ws)
        if multi:
            out["betweenCi"] = [f(x) for x in quantiles(bs, level)]
            out["betweenUndefined"] = sum(math.isnan(x) for x in bs)
            out["differenceCi"] = [f(x) for x in quantiles(ds, level)]
            out["differenceUndefined"] = sum(math.isnan(x) for x in ds)
    if multi and permutations > 0 and not math.isnan(w - b):
        d = w / RELIABILITY - b / RELIABILITY
        rng = SplittableRandom(seed_for(seed, model + "\u001f" + label + "\u001flanguage-permutation"))
        labels = list(base["lang"])
        members = [list(base.index[base["unit"] == k]) for k in range(len(items))]
        above = above_abs = defined = undefined = 0
        null = []
        for _ in range(permutations):
            for m in members:
                for i in range(len(m) - 1, 0, -1):
                    j = rng.next_int(i + 1)
                    labels[m[i]], labels[m[j]] = labels[m[j]], labels[m[i]]
            perm = base.copy()
            perm["lang"] = labels
            pw, pb, _, _ = correlations(perm)
            dk = pw / RELIABILITY - pb / RELIABILITY
            if math.isnan(dk):
                undefined += 1
                continue
            defined += 1
            null.append(dk)
            above += dk >= d - TOL
            above_abs += abs(dk) >= abs(d) - TOL
        out["p"] = (1 + above) / (defined + 1)
        out["pTwoSided"] = (1 + above_abs) / (defined + 1)
        out["undefinedPermutations"] = undefined
        out["nullDifference"] = math.fsum(null) / len(null) if null else None
    return out


def model_results(gens, seed, resamples, permutations, level):
    """Every scope of every model, in the order LanguageConsistency.estimate lists them."""
    languages = list(dict.fromkeys(gens["language"]))
    results = []
    for model in dict.fromkeys(gens["model"]):
        mg = gens[gens["model"] == model]
        own = [l for l in languages if (mg["language"] == l).any()]
        for l in own:
            results.append(scope(model, mg, [l], l, seed, resamples, permutations, level))
        for a, b in itertools.combinations(own, 2):
            results.append(scope(model, mg, [a, b], a + "|" + b, seed, resamples, permutations, level))
        if len(own) > 2:
            results.append(scope(model, mg, own, "all", seed, resamples, permutations, level))
    return results


def hand_case():
    # Model m. Item A: da 0.2, 0.4; en 0.6. Item B: da 0.8, 1.0; en 0.8, 0.8. Item C: da 0.4 only
    # (no between pairs; used within da, left out of the da|en scope). Item D: nl 0.5 and da 0.6.
    rows = [("A", "da", 0.2), ("A", "da", 0.4), ("A", "en", 0.6), ("B", "da", 0.8), ("B", "en", 0.8),
            ("B", "da", 1.0), ("B", "en", 0.8), ("C", "da", 0.4), ("D", "nl", 0.5), ("D", "da", 0.6)]
    return pd.DataFrame({"model": "m", "item": [r[0] for r in rows], "language": [r[1] for r in rows],
                         "score": [r[2] for r in rows]})


def released_slice():
    d = pd.read_csv(DATA)
    d = d[d["model_name"].isin(["gemma-2-9b-it", "gpt-4o"])]
    items = list(dict.fromkeys(d["question_key"]))[:8]
    d = d[d["question_key"].isin(items)]
    return pd.DataFrame({"model": d["model_name"], "item": d["question_key"].str.upper(),
                         "language": d["language"], "score": d["response_pro_score"]}).reset_index(drop=True)


def main():
    seed, level = 20250224, 0.95
    cases = []
    for name, gens, resamples, permutations in [("hand-made", hand_case(), 40, 40),
                                                ("released slice", released_slice(), 30, 30)]:
        cases.append({"name": name, "seed": seed, "confidence": level, "resamples": resamples,
                      "permutations": permutations, "generations": gens.to_dict(orient="records"),
                      "results": model_results(gens, seed, resamples, permutations, level)})
    doc = {"generator": {"script": SCRIPT, "command": "/usr/bin/python3 " + SCRIPT, "python": sys.version.split()[0],
                         "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
                         "program": "pandas.merge of explicit pairs + scipy.stats.spearmanr / 0.955; "
                                    "java.util.SplittableRandom ported for the bootstrap and permutations"},
           "reliability": RELIABILITY, "cases": cases}
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "language-consistency.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
        fh.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
