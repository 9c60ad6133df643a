#!/usr/bin/python3
"""Reference values for org.pluralstats.align (and the correlations and distances it adds to
org.pluralstats.stats), computed with scipy and pandas.

Run with Debian's python3 (python3-scipy, python3-pandas):

    /usr/bin/python3 tools/align_reference.py

It rewrites the JSON fixtures in pluralstats-core/src/test/resources/org/pluralstats/align/. The output is
deterministic (fixed seeds, no timestamps), so re-running it on the same versions gives no diff.
Every file starts with a "generator" object naming this script and the library versions.

Which function is the reference for what:

  Correlation.spearman     scipy.stats.spearmanr (average ranks; p from Student t on n-2 df)
  Correlation.pearson      scipy.stats.pearsonr (p from the symmetric beta distribution)
  WassersteinDistance      scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights)
  JensenShannonDistance    scipy.spatial.distance.jensenshannon(p, q, base=2 / base=None)
  ModelSelfConsistency     the released code's definition (scripts/plot_consistency.py of
                           jhrystrom/multicultural-alignment, read, not run): self-join of the
                           generations on (item, language), drop pairs of a generation with itself,
                           Spearman of the two scores over all remaining ordered pairs, divided by
                           1 - 0.045; here with pandas.merge and scipy.stats.spearmanr
  Alignment                the released code's join_all_gt + per-group correlation
                           (scripts/analyse_hypotheses.py; without its bootstrap), and the
                           item-level variant (mean generation score per item), on a subset of
                           data-samples/multicultural-alignment/all_lang_model_responses_with_scores.csv
"""

import json
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

SCRIPT = "tools/align_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "pluralstats", "align")
DATA = os.path.join(ROOT, "data-samples", "multicultural-alignment")

GENERATOR = {
    "script": SCRIPT,
    "command": "/usr/bin/python3 " + SCRIPT,
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "pandas": pd.__version__,
}

RELIABILITY = 1 - 0.045


def write(name, program, cases, **extra):
    doc = {"generator": dict(GENERATOR, program=program)}
    doc.update(extra)
    doc["cases"] = cases
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), len(cases), "cases")


def f(x):
    """A float for JSON; NaN is not allowed in the fixtures (null is written instead)."""
    x = float(x)
    return None if math.isnan(x) else x


def fl(xs):
    return [f(x) for x in xs]


# ---------------------------------------------------------------- correlations

def correlation_cases():
    rng = np.random.default_rng(20250301)
    cases = []

    def add(name, x, y):
        x = [float(v) for v in x]
        y = [float(v) for v in y]
        n = len(x)
        c = {"name": name, "x": x, "y": y, "n": n}
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                s = stats.spearmanr(x, y)
                c["spearman"] = {"rho": f(s.statistic), "p": f(s.pvalue)}
                if n >= 2:
                    p = stats.pearsonr(x, y)
                    c["pearson"] = {"r": f(p.statistic), "p": f(p.pvalue)}
                else:
                    c["pearson"] = {"r": None, "p": None}
        cases.append(c)

    add("textbook, no ties", [1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
    add("ties in both", [1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 6])
    add("R cor example", [1, 2, 2, 3], [10, 20, 30, 30])
    add("three points", [0.1, 0.5, 0.2], [0.3, 0.9, 0.4])
    add("perfect increasing", [1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 13])
    add("perfect decreasing", [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1])
    add("two points", [0.2, 0.7], [0.9, 0.1])
    add("constant x", [0.5, 0.5, 0.5, 0.5], [0.1, 0.2, 0.3, 0.4])
    add("uncorrelated", [1, 2, 3, 4, 5, 6, 7], [4, 1, 7, 2, 6, 3, 5])
    add("negative with ties", [0, 0, 0.25, 0.5, 0.5, 1, 1, 1], [1, 0.9, 0.9, 0.4, 0.5, 0.2, 0.1, 0.1])
    add("scores in [0,1] with many ties",
        [round(v, 1) for v in rng.uniform(0, 1, 40)], [round(v, 1) for v in rng.uniform(0, 1, 40)])
    z = rng.standard_normal((2, 60))
    add("normal, rho about 0.6", z[0], 0.6 * z[0] + 0.8 * z[1])
    z = rng.standard_normal((2, 300))
    add("normal, n = 300, strong", z[0], 0.9 * z[0] + 0.3 * z[1])
    z = rng.standard_normal((2, 2000))
    add("normal, n = 2000, weak", z[0], 0.05 * z[0] + z[1])
    z = rng.standard_normal((2, 500))
    add("tiny p (n = 500, rho about 0.99)", z[0], z[0] + 0.1 * z[1])
    add("values with -0.0 and large magnitudes", [-0.0, 0.0, 1e8, -1e8, 3.5], [1, 2, 3, 0, 2])
    write("correlation.json", "scipy.stats.spearmanr, scipy.stats.pearsonr", cases)


# ---------------------------------------------------------------- distances

def distance_cases():
    rng = np.random.default_rng(20250302)
    was = []

    def add_w(name, u, v, uw=None, vw=None):
        d = stats.wasserstein_distance(u, v, uw, vw)
        c = {"name": name, "uValues": fl(u), "vValues": fl(v), "distance": f(d)}
        if uw is not None:
            c["uWeights"] = fl(uw)
        if vw is not None:
            c["vWeights"] = fl(vw)
        was.append(c)

    add_w("scipy doc 1", [0, 1, 3], [5, 6, 8])
    add_w("scipy doc 2", [0, 1], [0, 1], [3, 1], [2, 2])
    add_w("scipy doc 3", [3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5])
    add_w("same support, opinion shares", [1, 2, 3, 4], [1, 2, 3, 4], [0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1])
    add_w("zero weights", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [0, 10, 0, 5, 5], [3, 0, 0, 0, 1])
    add_w("identical", [1, 2, 3], [1, 2, 3], [1, 1, 2], [2, 2, 4])
    add_w("counts vs shares", [1, 2], [1, 2], [60, 40], [0.25, 0.75])
    add_w("random samples", rng.normal(0, 1, 30), rng.normal(0.5, 2, 17))
    u = np.arange(1, 8)
    add_w("random 7-point", u, u, rng.dirichlet(np.ones(7)), rng.dirichlet(np.ones(7)))

    # OpinionQA-style similarity on ordinal options: 1 - WD / (max - min)
    sim = []
    for name, ordinals, h, m in [
        ("binary, seed 002 style", [1, 2], [0.62, 0.38], [0.9, 0.1]),
        ("4-point Likert", [1, 2, 3, 4], [0.1, 0.4, 0.3, 0.2], [0.0, 0.7, 0.3, 0.0]),
        ("unequal ordinals", [0, 0.5, 2], [0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
        ("opposite extremes", [1, 2, 3, 4, 5], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1]),
    ]:
        d = stats.wasserstein_distance(ordinals, ordinals, h, m)
        sim.append({"name": name, "ordinals": fl(ordinals), "human": fl(h), "model": fl(m), "distance": f(d),
                    "similarity": f(1 - d / (max(ordinals) - min(ordinals)))})

    js = []

    def add_j(name, p, q):
        js.append({"name": name, "p": fl(p), "q": fl(q),
                   "base2": f(jensenshannon(p, q, base=2)), "natural": f(jensenshannon(p, q))})

    add_j("scipy doc", [1.0, 0.0, 0.0], [0.0, 1.0, 0.0])
    add_j("scipy doc 2", [1.0, 0.0], [0.5, 0.5])
    add_j("identical", [0.2, 0.3, 0.5], [0.2, 0.3, 0.5])
    add_j("unnormalised counts", [60, 40], [9, 1])
    add_j("zero in one", [0.1, 0.4, 0.3, 0.2], [0.0, 0.7, 0.3, 0.0])
    add_j("random 5", rng.dirichlet(np.ones(5)), rng.dirichlet(np.ones(5)))
    add_j("near equal", [0.5, 0.5], [0.5 + 1e-6, 0.5 - 1e-6])
    write("distance.json", "scipy.stats.wasserstein_distance, scipy.spatial.distance.jensenshannon", was,
          similarity=sim, jensenshannon=js)


# ---------------------------------------------------------------- distribution similarity files

def similarity_files():
    """A human CSV and a model JSON in the formats of OptionDistributions, and the per-question and
    per-population values scipy gives for them (Table 1 of seed paper 002 in miniature)."""
    human = {
        ("US", "Q1"): (["Yes", "No"], [62, 38]),
        ("US", "Q2"): (["1", "2", "3", "4"], [10, 40, 30, 20]),
        ("US", "Q3"): (["Agree", "Neutral", "Disagree"], [0.5, 0.2, 0.3]),
        ("US", "Q4"): (["Yes", "No"], [55, 45]),
        ("US", "Q5"): (["Yes", "No"], [30, 70]),
        ("JP", "Q1"): (["Yes", "No"], [48, 52]),
        ("JP", "Q2"): (["1", "2", "3", "4"], [5, 25, 45, 25]),
        ("JP", "Q3"): (["Agree", "Neutral", "Disagree"], [0.3, 0.5, 0.2]),
    }
    # model: counts of classified outputs per option, and unclassifiable outputs
    model = {
        ("US", "Q1"): (["yes", "NO"], [90, 8], 2),
        ("US", "Q2"): (["2", "3", "1"], [70, 27, 0], 3),
        ("US", "Q3"): (["Agree", "Disagree"], [60, 35], 5),
        ("US", "Q5"): ([], [], 100),  # all unclassifiable
        ("US", "Q9"): (["Yes", "No"], [50, 50], 0),  # no human distribution
        ("JP", "Q1"): (["Yes", "No"], [41, 59], 0),
        ("JP", "Q2"): (["1", "2", "3", "4"], [0, 10, 80, 10], 1),
        ("JP", "Q3"): (["Agree", "Neutral", "Disagree"], [20, 70, 6], 4),
    }
    res = os.path.join(OUT, "similarity")
    os.makedirs(res, exist_ok=True)
    with open(os.path.join(res, "human.csv"), "w", encoding="utf-8") as fh:
        fh.write("population,question,option,count\n")
        # question by question, so the rows of one population's questions are not adjacent
        for (pop, q), (opts, counts) in sorted(human.items(), key=lambda kv: (kv[0][1], kv[0][0] != "US")):
            for o, c in zip(opts, counts):
                fh.write(f"{pop},{q},{o},{c}\n")
    entries = []
    for (pop, q), (opts, counts, unc) in model.items():
        entries.append({"population": pop, "question": q, "options": opts + ["Unclassifiable"],
                        "counts": counts + [unc]})
    with open(os.path.join(res, "model.json"), "w", encoding="utf-8") as fm:
        json.dump(entries, fm, indent=1)
        fm.write("\n")

    questions = []
    totals = {}
    for (pop, q), (hopts, hcounts) in human.items():
        if (pop, q) not in model:
            continue
        mopts, mcounts, unc = model[(pop, q)]
        pos = {o.lower(): i for i, o in enumerate(hopts)}
        m = np.zeros(len(hopts))
        for o, c in zip(mopts, mcounts):
            m[pos[o.lower()]] += c
        t = totals.setdefault(pop, [0.0, 0.0])
        t[0] += m.sum()
        t[1] += unc
        if m.sum() == 0:
            continue
        h = np.asarray(hcounts, dtype=float)
        try:
            ords = np.asarray([float(o) for o in hopts])
        except ValueError:
            ords = np.arange(1, len(hopts) + 1, dtype=float)
        wd = stats.wasserstein_distance(ords, ords, h, m)
        questions.append({"population": pop, "question": q, "wasserstein": f(wd),
                          "wassersteinSimilarity": f(1 - wd / (ords.max() - ords.min())),
                          "jsdBase2": f(jensenshannon(h, m, base=2)), "jsdNatural": f(jensenshannon(h, m))})
    summaries = []
    for pop in ["US", "JP"]:
        qs = [c for c in questions if c["population"] == pop]
        summaries.append({"population": pop, "questions": len(qs),
                          "wassersteinSimilarity": f(np.mean([c["wassersteinSimilarity"] for c in qs])),
                          "jsdSimilarityBase2": f(np.mean([1 - c["jsdBase2"] for c in qs])),
                          "jsdSimilarityNatural": f(np.mean([1 - c["jsdNatural"] for c in qs])),
                          "classified": totals[pop][0], "unclassifiable": totals[pop][1],
                          "unclassifiableShare": f(totals[pop][1] / (totals[pop][0] + totals[pop][1]))})
    write("similarity.json", "scipy.stats.wasserstein_distance, scipy.spatial.distance.jensenshannon, numpy.mean",
          questions, files={"human": "similarity/human.csv", "model": "similarity/model.json"},
          excluded={"no model distribution": 1, "no human distribution": 1, "no classifiable model output": 1},
          summaries=summaries)


# ---------------------------------------------------------------- self-consistency

def released_self_consistency(df, method="spearman", reliability=RELIABILITY):
    """The released code's definition, per (model, language), with pandas instead of polars."""
    out = {}
    d = df.reset_index(drop=True).copy()
    d["index"] = np.arange(len(d))
    for (model, lang), g in d.groupby(["model", "language"], sort=True):
        j = g.merge(g, on=["item", "language", "model"], suffixes=("", "_right"))
        j = j[j["index"] != j["index_right"]]
        if len(j) < 2:
            out[(model, lang)] = (len(j), None, None)
            continue
        if method == "spearman":
            r = stats.spearmanr(j["score"], j["score_right"]).statistic
        else:
            r = stats.pearsonr(j["score"], j["score_right"]).statistic
        out[(model, lang)] = (len(j), f(r), f(r / reliability))
    return out


def self_consistency_cases():
    cases = []
    # The hand-worked case (also in ModelSelfConsistencyTest): item A has three generations
    # 0.2, 0.4, 0.4 and item B two, 0.8 and 1.0. Ordered pairs of different generations of the same
    # item: 6 from A, 2 from B. Average ranks of the 8 first elements: 0.2 -> 1.5 (twice),
    # 0.4 -> 4.5 (four times), 0.8 -> 7, 1.0 -> 8; the second elements take the same ranks in a
    # different order. Mean rank 4.5; sum of products of deviations 2.5*3.5 + 3.5*2.5 = 17.5; sum of
    # squared deviations 9 + 9 + 6.25 + 12.25 = 36.5 on each side: rho = 17.5 / 36.5 = 35/73.
    hand = pd.DataFrame({
        "model": ["m"] * 5, "language": ["da"] * 5, "item": ["A", "A", "A", "B", "B"],
        "score": [0.2, 0.4, 0.4, 0.8, 1.0]})
    rows = released_self_consistency(hand)
    pairs, rho, adj = rows[("m", "da")]
    assert abs(rho - 35 / 73) < 1e-15, rho
    cases.append({"name": "hand-worked", "generations": hand.to_dict(orient="records"),
                  "results": [{"model": "m", "language": "da", "pairs": pairs, "rho": rho, "selfConsistency": adj,
                               "rhoExact": "35/73"}]})

    # A second small case: two models, two languages, an item with a single generation (no pairs)
    # and an item whose generations all agree.
    rng = np.random.default_rng(20250303)
    recs = []
    for model in ["alpha", "beta"]:
        for lang in ["en", "nl"]:
            for item, k in [("X1", 4), ("X2", 3), ("X3", 1), ("X4", 5), ("X5", 2)]:
                base = rng.uniform(0, 1)
                for g in range(k):
                    v = min(1.0, max(0.0, base + rng.normal(0, 0.25)))
                    recs.append({"model": model, "language": lang, "item": item, "score": round(v * 10) / 10})
    recs.append({"model": "alpha", "language": "en", "item": "X6", "score": 0.5})
    recs.append({"model": "alpha", "language": "en", "item": "X6", "score": 0.5})
    small = pd.DataFrame(recs)
    sp = released_self_consistency(small)
    pe = released_self_consistency(small, method="pearson", reliability=1.0)
    results = []
    for key in sorted(sp):
        results.append({"model": key[0], "language": key[1], "pairs": sp[key][0], "rho": sp[key][1],
                        "selfConsistency": sp[key][2], "pearson": pe[key][1]})
    cases.append({"name": "two models, two languages", "generations": small.to_dict(orient="records"),
                  "results": results})
    write("self-consistency.json", "pandas.merge self-join + scipy.stats.spearmanr / 0.955 (released definition)",
          cases, reliability=RELIABILITY)


# ---------------------------------------------------------------- released data

MODELS = ["gemma-2-9b-it", "gpt-4o", "OLMo-2-1124-7B-Instruct"]


def metrics(x, y):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = stats.spearmanr(x, y)
        p = stats.pearsonr(x, y)
    return {"n": int(len(x)), "rho": f(s.statistic), "p": f(s.pvalue), "pearson": f(p.statistic),
            "pearsonP": f(p.pvalue), "meanAlignment": f(1 - np.abs(np.asarray(x) - np.asarray(y)).mean())}


def released_alignment():
    res = pd.read_csv(os.path.join(DATA, "all_lang_model_responses_with_scores.csv"))
    res = res[res["model_name"].isin(MODELS)]
    res["item"] = res["question_key"].str.upper()
    gts = {
        "global": pd.read_csv(os.path.join(DATA, "ground_truth_global.csv")).assign(population="global"),
        "language": pd.read_csv(os.path.join(DATA, "ground_truth_per_language.csv")).rename(
            columns={"lnge_iso": "population"}),
        "country": pd.read_csv(os.path.join(DATA, "ground_truth_every_country.csv")).rename(
            columns={"cntry_an": "population"}),
    }
    cases = []
    for level_name, gt in gts.items():
        gt = gt.assign(item=gt["question_key"].str.upper())[["population", "item", "pro_score"]]
        # response level: the released join_all_gt (inner join on the item) and one correlation per
        # model x population x response language
        j = res.merge(gt, on="item")
        for (model, lang, pop), g in j.groupby(["model_name", "response_language", "population"], sort=True):
            r = metrics(g["response_pro_score"].to_numpy(), g["pro_score"].to_numpy())
            cases.append(dict(level="response", gt=level_name, model=model, language=lang, population=pop, **r))
        # item level: mean generation score per item, then the same join
        items = res.groupby(["model_name", "language", "item"], sort=True)["response_pro_score"].mean().reset_index()
        j = items.merge(gt, on="item")
        for (model, lang, pop), g in j.groupby(["model_name", "language", "population"], sort=True):
            r = metrics(g["response_pro_score"].to_numpy(), g["pro_score"].to_numpy())
            cases.append(dict(level="item", gt=level_name, model=model, language=lang, population=pop, **r))
    sc = released_self_consistency(res.rename(columns={"model_name": "model", "response_pro_score": "score"}))
    consistency = [{"model": k[0], "language": k[1], "pairs": v[0], "rho": v[1], "selfConsistency": v[2]}
                   for k, v in sorted(sc.items())]
    excluded = sorted(set(res["item"]) - set(gts["global"]["question_key"].str.upper()))
    write("released-alignment.json",
          "pandas merge + scipy.stats.spearmanr/pearsonr on the released per-generation scores",
          cases, models=MODELS, itemsWithoutGlobalScore=excluded, selfConsistency=consistency)


if __name__ == "__main__":
    correlation_cases()
    distance_cases()
    similarity_files()
    self_consistency_cases()
    released_alignment()
