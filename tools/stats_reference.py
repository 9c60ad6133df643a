#!/usr/bin/python3
"""Reference values for org.pluralstats.stats, computed with scipy, numpy and statsmodels.

Run with Debian's python3 (python3-scipy, python3-statsmodels, python3-mpmath):

    /usr/bin/python3 tools/stats_reference.py

It rewrites the JSON fixtures in pluralstats-core/src/test/resources/org/pluralstats/stats/. The output is
deterministic (fixed seeds, no timestamps), so re-running it on the same versions gives no diff.
Every file starts with a "generator" object naming this script and the library versions.

Which function is the reference for which Java class:

  CompensatedSum        math.fsum (correctly rounded sum)
  Ranks                 scipy.stats.rankdata(method='average'), numpy.unique(return_counts=True)
  LikertSummary         numpy.mean, numpy.std(ddof=1), numpy.percentile (method='linear'),
                        scipy.stats.iqr, scipy.stats.t.interval with scale=scipy.stats.sem;
                        the t quantile also to 40 digits with mpmath (scipy 1.10's t.ppf is only
                        good to ~4e-10 relative, see "t_quantile_mpmath")
  Proportion            statsmodels.stats.proportion.proportion_confint(method='wilson')
  KruskalWallis         scipy.stats.kruskal
  MannWhitneyU          scipy.stats.mannwhitneyu(alternative='two-sided', method='auto' or as given)
  Holm                  statsmodels.stats.multitest.multipletests(method='holm')
  ChiSquareIndependence scipy.stats.chi2_contingency (correction=True unless stated); for tables
                        with empty rows/columns scipy raises, so it is applied to the table with
                        those rows/columns removed and the expected table is re-expanded with zeros
  Grim                  a brute-force search over integer totals with exact fractions, a tie
                        rounding both half up and half down (Brown & Heathers 2017)
"""

import json
import math
import os
import sys
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

SCRIPT = "tools/stats_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "pluralstats", "stats")

GENERATOR = {
    "script": SCRIPT,
    "command": "/usr/bin/python3 " + SCRIPT,
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__,
    "mpmath": mpmath.__version__,
}


def write(name, program, cases):
    doc = {"generator": dict(GENERATOR, program=program), "cases": cases}
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), len(cases), "cases")


def f(x):
    """A float for JSON; NaN is not allowed in the fixtures (null is written instead)."""
    x = float(x)
    return None if math.isnan(x) else x


def likert_sample(rng, n, lo, hi, p=None):
    return [float(v) for v in rng.choice(np.arange(lo, hi + 1), size=n, p=p)]


# ---------------------------------------------------------------- CompensatedSum
def sums():
    rng = np.random.default_rng(20240601)
    cases = [
        {"name": "tenths", "values": [0.1] * 10},
        {"name": "cancellation", "values": [1.0, 1e100, 1.0, -1e100]},
        {"name": "large_small", "values": [1e16, 1.0, 1.0, 1.0, 1.0, -1e16]},
        {"name": "weights_1000", "values": [float(v) for v in rng.uniform(0.2, 5.0, 1000)]},
        {"name": "normal_1000", "values": [float(v) for v in rng.normal(0.0, 1.0, 1000)]},
        {"name": "empty", "values": []},
    ]
    for c in cases:
        c["fsum"] = math.fsum(c["values"])
    write("sums.json", "math.fsum", cases)


# ---------------------------------------------------------------- Ranks
def ranks():
    rng = np.random.default_rng(7)
    data = {
        "no_ties": [3.5, 1.25, 9.0, -2.0, 4.0],
        "ties": [2, 3, 2, 5, 3, 3, 1],
        "all_equal": [4, 4, 4, 4],
        "single": [1.5],
        "signed_zero": [0.0, -0.0, 2.0, -1.0, 0.0],
        "likert_40": likert_sample(rng, 40, 1, 5),
    }
    cases = []
    for name, values in data.items():
        values = [float(v) for v in values]
        _, counts = np.unique(values, return_counts=True)
        cases.append({
            "name": name,
            "values": values,
            "ranks": [float(r) for r in stats.rankdata(values, method="average")],
            "tie_group_sizes": [int(c) for c in counts],
            "tie_term": float(np.sum(counts.astype(float) ** 3 - counts)),
        })
    write("ranks.json", "scipy.stats.rankdata(method='average'); numpy.unique", cases)


# ---------------------------------------------------------------- LikertSummary
def t_quantile_mpmath(p, df):
    mpmath.mp.dps = 40
    p = mpmath.mpf(p)

    def lower_tail(t):
        x = df / (df + t * t)
        tail = mpmath.betainc(df / 2.0, 0.5, 0, x, regularized=True) / 2
        return (1 - tail if t > 0 else tail) - p

    return float(mpmath.findroot(lower_tail, mpmath.mpf(float(stats.t.ppf(float(p), df)))))


def likert():
    rng = np.random.default_rng(11)
    cases = [
        {"name": "ten_point_a", "values": likert_sample(rng, 37, 1, 10), "scale": [1, 10], "level": 0.95},
        {"name": "ten_point_skewed", "values": likert_sample(
            rng, 120, 1, 10, p=[.02, .02, .03, .05, .10, .08, .15, .20, .15, .20]), "scale": [1, 10], "level": 0.95},
        {"name": "ten_point_level90", "values": likert_sample(rng, 23, 1, 10), "scale": [1, 10], "level": 0.90},
        {"name": "four_point_wvs", "values": likert_sample(rng, 64, 1, 4), "scale": [1, 4], "level": 0.99},
        {"name": "five_point_small", "values": [3.0, 4.0, 4.0, 5.0, 2.0], "scale": [1, 5], "level": 0.95},
        {"name": "with_missing", "values": [5.0, None, 7.0, 7.0, None, 1.0, 10.0, 6.0], "scale": [1, 10],
         "level": 0.95},
        {"name": "two_equal", "values": [5.0, 5.0], "scale": [1, 7], "level": 0.95},
        {"name": "one_value", "values": [7.0], "scale": [1, 10], "level": 0.95},
        {"name": "no_scale", "values": [2.0, 9.0, 9.0, 4.0, 6.0, 3.0], "scale": None, "level": 0.95},
        {"name": "even_n_quartiles", "values": [1.0, 2.0, 3.0, 4.0], "scale": [1, 4], "level": 0.95},
        {"name": "two_values", "values": [1.0, 10.0], "scale": [1, 10], "level": 0.95},
    ]
    for c in cases:
        x = np.array([v for v in c["values"] if v is not None])
        n = len(x)
        c["n"] = n
        c["missing"] = len(c["values"]) - n
        c["mean"] = f(np.mean(x))
        c["sd"] = f(np.std(x, ddof=1)) if n >= 2 else None
        q1, med, q3 = np.percentile(x, [25, 50, 75])
        c["q1"], c["median"], c["q3"] = f(q1), f(med), f(q3)
        c["iqr"] = f(stats.iqr(x))
        values, counts = np.unique(x.astype(int), return_counts=True)
        counted = {int(v): int(k) for v, k in zip(values, counts)}
        if c["scale"] is not None:
            lo, hi = c["scale"]
            counted = {p: counted.get(p, 0) for p in range(lo, hi + 1)}
            c["top2"] = f(np.sum(x >= hi - 1) / n)
            c["bottom2"] = f(np.sum(x <= lo + 1) / n)
        else:
            c["top2"] = None
            c["bottom2"] = None
        c["counts"] = {str(k): v for k, v in sorted(counted.items())}
        if n >= 2:
            if stats.sem(x) > 0:
                lower, upper = stats.t.interval(c["level"], n - 1, loc=np.mean(x), scale=stats.sem(x))
            else:
                # scipy returns nan for scale 0; the formula's value is mean +- 0
                lower = upper = np.mean(x)
            c["ci"] = [f(lower), f(upper)]
            c["t_quantile_scipy"] = f(stats.t.ppf(0.5 + c["level"] / 2, n - 1))
            c["t_quantile_mpmath"] = t_quantile_mpmath(0.5 + c["level"] / 2, n - 1)
            # the same interval with the 40-digit t quantile in place of scipy's
            half = c["t_quantile_mpmath"] * stats.sem(x)
            c["ci_mpmath_t"] = [f(np.mean(x) - half), f(np.mean(x) + half)]
        else:
            c["ci"] = None
    write("likert.json", "numpy.mean/std(ddof=1)/percentile(linear); scipy.stats.iqr, scipy.stats.t.interval; "
          "mpmath t quantile", cases)


# ---------------------------------------------------------------- Proportion
def proportions():
    cases = []
    for k, n, level in [(0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95), (1, 1, 0.95), (0, 1, 0.95),
                        (27, 50, 0.95), (27, 50, 0.90), (27, 50, 0.99), (512, 1000, 0.95),
                        (1, 100000, 0.95), (99999, 100000, 0.95), (7, 22, 0.80), (0, 1000, 0.99)]:
        lower, upper = proportion_confint(k, n, alpha=1 - level, method="wilson")
        cases.append({"k": k, "n": n, "level": level, "share": k / n, "lower": f(lower), "upper": f(upper)})
    write("proportion.json", "statsmodels.stats.proportion.proportion_confint(method='wilson')", cases)


# ---------------------------------------------------------------- KruskalWallis
def kruskal():
    rng = np.random.default_rng(3)
    cases = [
        {"name": "likert_7_16_11_22", "groups": [likert_sample(rng, n, 1, 10) for n in (7, 16, 11, 22)]},
        {"name": "continuous_no_ties", "groups": [[float(v) for v in rng.normal(m, 1.0, 5)] for m in (0, .5, 1)]},
        {"name": "scipy_doc_ties", "groups": [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [2.0, 2.0]]},
        {"name": "two_groups", "groups": [[1.0, 3.0, 5.0, 7.0, 9.0], [2.0, 4.0, 6.0, 8.0, 10.0, 12.0]]},
        {"name": "separated_tiny_p", "groups": [[float(v) for v in rng.normal(m, 0.5, 40)] for m in (0, 3, 6)]},
        {"name": "single_values", "groups": [[1.0], [2.0]]},
        {"name": "four_point_wvs", "groups": [likert_sample(rng, n, 1, 4) for n in (50, 43, 61)]},
    ]
    for c in cases:
        h, p = stats.kruskal(*c["groups"])
        c["statistic"], c["pvalue"], c["df"] = f(h), f(p), len(c["groups"]) - 1
    write("kruskal.json", "scipy.stats.kruskal", cases)


# ---------------------------------------------------------------- MannWhitneyU
def mannwhitneyu():
    rng = np.random.default_rng(5)
    cases = [
        {"name": "scipy_doc_exact", "x": [19.0, 22.0, 16.0, 29.0, 24.0], "y": [20.0, 11.0, 17.0, 12.0]},
        {"name": "exact_u_at_mean", "x": [1.0, 4.0], "y": [2.0, 3.0]},
        {"name": "exact_one_each", "x": [1.0], "y": [2.0]},
        {"name": "exact_8_12_extreme", "x": [float(v) for v in range(1, 9)], "y": [float(v) for v in range(9, 21)]},
        {"name": "exact_8_9", "x": [float(v) for v in rng.normal(0, 1, 8)], "y": [float(v) for v in rng.normal(1, 1, 9)]},
        {"name": "exact_3_40", "x": [float(v) for v in rng.normal(0.8, 1, 3)],
         "y": [float(v) for v in rng.normal(0, 1, 40)]},
        {"name": "exact_7_7", "x": [float(v) for v in rng.normal(0, 1, 7)], "y": [float(v) for v in rng.normal(.5, 1, 7)]},
        {"name": "asymptotic_9_9_no_ties", "x": [float(v) for v in rng.normal(0, 1, 9)],
         "y": [float(v) for v in rng.normal(1, 1, 9)]},
        {"name": "asymptotic_small_ties", "x": [1.0, 2.0, 2.0, 3.0], "y": [2.0, 3.0, 4.0]},
        {"name": "asymptotic_likert_22_16", "x": likert_sample(rng, 22, 1, 10), "y": likert_sample(rng, 16, 1, 10)},
        {"name": "asymptotic_likert_7_11", "x": likert_sample(rng, 7, 1, 10), "y": likert_sample(rng, 11, 1, 10)},
        {"name": "asymptotic_separated", "x": [float(v) for v in rng.normal(0, 1, 30)],
         "y": [float(v) for v in rng.normal(4, 1, 30)]},
        {"name": "all_equal", "x": [3.0, 3.0, 3.0], "y": [3.0, 3.0, 3.0, 3.0]},
        {"name": "forced_exact_12_10", "x": [float(v) for v in rng.normal(0, 1, 12)],
         "y": [float(v) for v in rng.normal(1, 1, 10)], "method": "exact"},
        {"name": "forced_asymptotic_doc", "x": [19.0, 22.0, 16.0, 29.0, 24.0], "y": [20.0, 11.0, 17.0, 12.0],
         "method": "asymptotic"},
    ]
    for c in cases:
        method = c.get("method", "auto")
        c["method"] = method
        res = stats.mannwhitneyu(c["x"], c["y"], alternative="two-sided", method=method)
        xy = np.concatenate([c["x"], c["y"]])
        n1, n2 = len(c["x"]), len(c["y"])
        ties = len(np.unique(xy)) < len(xy)
        if method == "auto":
            # scipy 1.10 _mwu_choose_method: asymptotic if n1 > 8 and n2 > 8, or if there are ties
            used = "asymptotic" if (n1 > 8 and n2 > 8) or ties else "exact"
        else:
            used = method
        c["used"] = used
        c["u1"], c["pvalue"] = f(res.statistic), f(res.pvalue)
    write("mannwhitneyu.json", "scipy.stats.mannwhitneyu(alternative='two-sided')", cases)


# ---------------------------------------------------------------- Holm
def holm():
    rng = np.random.default_rng(9)
    cases = [
        {"name": "four", "p": [0.01, 0.04, 0.03, 0.005]},
        {"name": "ties", "p": [0.02, 0.02, 0.5, 0.02]},
        {"name": "clipped", "p": [0.3, 0.6, 0.9]},
        {"name": "single", "p": [0.04]},
        {"name": "zero_and_one", "p": [0.0, 1.0, 0.5]},
        {"name": "random_20", "p": [float(v) for v in rng.uniform(0, 0.2, 20) ** 2]},
    ]
    for c in cases:
        _, adj, _, _ = multipletests(c["p"], method="holm")
        c["adjusted"] = [f(v) for v in adj]
    write("holm.json", "statsmodels.stats.multitest.multipletests(method='holm')", cases)


# ---------------------------------------------------------------- ChiSquareIndependence
def chi2():
    cases = [
        {"name": "2x2_yates", "table": [[12, 5], [7, 9]]},
        {"name": "2x2_no_correction", "table": [[12, 5], [7, 9]], "correction": False},
        {"name": "2x2_correction_capped", "table": [[5, 5], [5, 6]]},
        {"name": "2x2_small_expected", "table": [[3, 0], [1, 4]]},
        {"name": "2x2_large", "table": [[1520, 980], [1310, 1190]]},
        {"name": "2x4", "table": [[10, 20, 30, 15], [25, 18, 12, 20]]},
        {"name": "3x3", "table": [[8, 3, 2], [4, 9, 6], [1, 5, 12]]},
        {"name": "2x3_weighted", "table": [[10.5, 3.25, 7.0], [4.75, 12.0, 6.5]]},
        {"name": "tiny_p", "table": [[200, 10], [10, 200]]},
        {"name": "1x3_dof0", "table": [[1, 2, 3]]},
        {"name": "zero_row_3x2", "table": [[10, 4], [0, 0], [6, 11]]},
        {"name": "zero_column_2x4", "table": [[10, 0, 20, 5], [12, 0, 9, 14]]},
        {"name": "zero_row_leaves_one_row", "table": [[0, 0, 0], [4, 5, 6]]},
    ]
    for c in cases:
        table = np.array(c["table"], dtype=float)
        correction = c.get("correction", True)
        c["correction"] = correction
        rows = np.nonzero(table.sum(axis=1) > 0)[0]
        cols = np.nonzero(table.sum(axis=0) > 0)[0]
        kept = table[np.ix_(rows, cols)]
        res = stats.chi2_contingency(kept, correction=correction)
        expected = np.zeros_like(table)
        expected[np.ix_(rows, cols)] = res.expected_freq
        c["statistic"], c["pvalue"], c["dof"] = f(res.statistic), f(res.pvalue), int(res.dof)
        c["expected"] = [[f(v) for v in row] for row in expected]
        c["dropped_rows"] = [int(i) for i in range(table.shape[0]) if i not in rows]
        c["dropped_columns"] = [int(j) for j in range(table.shape[1]) if j not in cols]
    write("chi2_contingency.json", "scipy.stats.chi2_contingency (empty rows/columns removed first)", cases)


# ---------------------------------------------------------------- Grim
def grim_case(mean_text, n, items):
    """Brute force over integer totals with exact fractions; mean_text fixes the decimals."""
    reported = Decimal(mean_text)
    decimals = -reported.as_tuple().exponent
    quantum = Decimal(1).scaleb(-decimals)
    size = n * items

    def rounded(total):
        """The means total/size rounds to, rounding ties half up and half down."""
        scaled = Fraction(total, size) * 10 ** decimals
        low = scaled.numerator // scaled.denominator  # floor
        rest = scaled - low
        if rest < Fraction(1, 2):
            points = {low}
        elif rest > Fraction(1, 2):
            points = {low + 1}
        else:
            points = {low, low + 1}  # a tie: half down gives low, half up gives low + 1
        return {Decimal(p) * quantum for p in points}

    centre = int((reported * size).to_integral_value())
    reach = set()
    for total in range(centre - 3 * size - 10, centre + 3 * size + 11):
        reach |= rounded(total)
    below = max(r for r in reach if r < reported)
    above = min(r for r in reach if r > reported)
    return {"mean": mean_text, "n": n, "items": items, "decimals": decimals,
            "consistent": reported in reach, "applicable": size < 10 ** decimals,
            "below": str(below), "above": str(above)}


def grim():
    cases = []
    for text, n, items in [("1.51", 22, 1), ("1.50", 22, 1), ("1.43", 7, 1), ("3.12", 16, 1), ("2.27", 11, 1),
                           ("3.13", 16, 1), ("3.44", 12, 3), ("0.00", 5, 1), ("4.8", 7, 1), ("2.345", 150, 1),
                           ("5.19", 120, 1), ("-1.51", 22, 1), ("1.5", 22, 1)]:
        cases.append(grim_case(text, n, items))
    for n in (7, 16, 22, 45):
        for hundredths in range(100, 301, 3):
            cases.append(grim_case("%d.%02d" % (hundredths // 100, hundredths % 100), n, 1))
    write("grim.json", "brute force over totals with fractions.Fraction, half-up and half-down rounding", cases)


def main():
    os.makedirs(OUT, exist_ok=True)
    sums()
    ranks()
    likert()
    proportions()
    kruskal()
    mannwhitneyu()
    holm()
    chi2()
    grim()


if __name__ == "__main__":
    main()
