"""Reference values for the agreement package (issue 13: judge and annotation reliability).

Writes pluralstats-core/src/test/resources/org/pluralstats/agreement/agreement-reference.json, read by
AgreementReferenceTest. Run with Debian's python3 (numpy, statsmodels):

    /usr/bin/python3 tools/agreement_reference.py

What computes what:
  * Cohen's kappa (unweighted, linear and quadratic weights on the category ranks) with std_kappa,
    std_kappa0, kappa_low/kappa_upp: statsmodels.stats.inter_rater.cohens_kappa on the 2-rater table;
  * Fleiss' kappa, methods 'fleiss' and 'randolph': statsmodels.stats.inter_rater.fleiss_kappa on
    aggregate_raters of the units every rater rated;
  * Krippendorff's alpha (nominal, ordinal, interval, ratio): the straightforward NumPy implementation
    below (coincidence matrix of pairable values, Krippendorff 2011, "Computing Krippendorff's
    alpha-reliability", sections C-F), written independently of the Java code; it reproduces the
    paper's worked example (4 coders x 12 units with missing values: nominal 0.743, ordinal 0.815,
    interval 0.849, ratio 0.797), which this script asserts. The `krippendorff` PyPI package could not
    be installed on this machine (no index reachable); when it can be imported, its values are checked
    against these as well;
  * percent agreement and mean absolute error: NumPy, formulas beside the code.
"""
import json
import os
import statistics
import sys

import numpy as np
import statsmodels
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

OUT = os.path.join(os.path.dirname(__file__), "..", "pluralstats-core", "src", "test", "resources",
                   "org", "pluralstats", "agreement", "agreement-reference.json")
NaN = np.nan


def pairable(data):
    """units x raters -> list of arrays of the values of units with at least two values."""
    out = []
    for row in data:
        v = row[~np.isnan(row)]
        if v.size >= 2:
            out.append(v)
    return out


def alpha(data, level):
    """Krippendorff's alpha from the coincidence matrix: 1 - (n-1) sum o*d / sum n_c n_k d."""
    units = pairable(data)
    values = np.unique(np.concatenate(units))
    index = {v: i for i, v in enumerate(values)}
    V = values.size
    o = np.zeros((V, V))
    for v in units:
        counts = np.zeros(V)
        for x in v:
            counts[index[x]] += 1
        o += (np.outer(counts, counts) - np.diag(counts)) / (v.size - 1)
    nc = o.sum(axis=1)
    n = nc.sum()
    c = values[:, None]
    k = values[None, :]
    if level == "nominal":
        d = (c != k).astype(float)
    elif level == "ordinal":
        cum = np.cumsum(nc)
        # sum of n_g for g from c to k, minus (n_c + n_k) / 2, squared
        i = np.arange(V)[:, None]
        j = np.arange(V)[None, :]
        lo = np.minimum(i, j)
        hi = np.maximum(i, j)
        between = cum[hi] - cum[lo] + nc[lo]
        d = (between - (nc[i] + nc[j]) / 2.0) ** 2
    elif level == "interval":
        d = (c - k) ** 2
    elif level == "ratio":
        s = c + k
        d = np.where(s == 0, 0.0, ((c - k) / np.where(s == 0, 1, s)) ** 2)
    else:
        raise ValueError(level)
    expected = (np.outer(nc, nc) * d).sum()
    if expected == 0:
        return None
    return float(1 - (n - 1) * (o * d).sum() / expected)


def percent_agreement(data):
    """Mean over units with >= 2 ratings of the share of agreeing ordered pairs of ratings."""
    shares = []
    for v in pairable(data):
        _, counts = np.unique(v, return_counts=True)
        shares.append((counts * (counts - 1)).sum() / (v.size * (v.size - 1)))
    return float(np.mean(shares)), len(shares)


def kappa_dict(res):
    return {k: (None if not np.isfinite(res[k]) else float(res[k]))
            for k in ("kappa", "std_kappa", "std_kappa0", "kappa_low", "kappa_upp")}


def cohen(data):
    both = data[~np.isnan(data).any(axis=1)]
    cats = np.unique(both)
    table = np.zeros((cats.size, cats.size))
    for a, b in both:
        table[np.searchsorted(cats, a), np.searchsorted(cats, b)] += 1
    return {
        "units": int(both.shape[0]),
        "none": kappa_dict(cohens_kappa(table)),
        "linear": kappa_dict(cohens_kappa(table, wt="linear")),
        "quadratic": kappa_dict(cohens_kappa(table, wt="quadratic")),
    }


def fleiss(data):
    complete = data[~np.isnan(data).any(axis=1)]
    counts, cats = aggregate_raters(complete)
    return {"units": int(complete.shape[0]), "categories": int(cats.size),
            "fleiss": float(fleiss_kappa(counts, method="fleiss")),
            "randolph": float(fleiss_kappa(counts, method="randolph"))}


def mae(data):
    both = data[~np.isnan(data).any(axis=1)]
    d = np.abs(both[:, 0] - both[:, 1])
    z = statistics.NormalDist().inv_cdf(0.975)
    se = float(np.std(d, ddof=1) / np.sqrt(d.size))
    m = float(np.mean(d))
    return {"units": int(d.size), "mae": m, "se": se, "low": m - z * se, "high": m + z * se}


def dataset(name, data, note):
    data = np.asarray(data, dtype=float)
    pa, pa_units = percent_agreement(data)
    out = {"name": name, "note": note,
           "ratings": [[None if np.isnan(x) else float(x) for x in row] for row in data],
           "percentAgreement": {"value": pa, "units": pa_units},
           "alpha": {lvl: alpha(data, lvl) for lvl in ("nominal", "ordinal", "interval", "ratio")},
           "pairableValues": int(sum(v.size for v in pairable(data)))}
    if data.shape[1] == 2:
        out["cohen"] = cohen(data)
        out["mae"] = mae(data)
    if (~np.isnan(data).any(axis=1)).sum() > 0:
        out["fleiss"] = fleiss(data)
    return out


# Krippendorff (2011), section E: 4 coders (rows) x 12 units, "." missing; transposed to units x raters.
K2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NaN, NaN, NaN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NaN, 3],
    [NaN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NaN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NaN],
]).T
PUBLISHED = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
for lvl, value in PUBLISHED.items():
    got = alpha(K2011, lvl)
    assert round(got, 3) == value, (lvl, got, value)

try:  # an independent implementation, when it can be installed
    import krippendorff
    for lvl in PUBLISHED:
        assert abs(krippendorff.alpha(K2011.T, level_of_measurement=lvl) - alpha(K2011, lvl)) < 1e-12
    CHECKED_BY = "krippendorff " + krippendorff.__version__
except ImportError:
    CHECKED_BY = "the published values only (the krippendorff package is not installed)"

# Fleiss (1971)-style count table as in Wikipedia's "Fleiss' kappa" worked example (kappa = 0.210):
# 10 subjects, 14 raters, 5 categories; expanded to units x raters (rater j's label is arbitrary).
FLEISS_COUNTS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                 [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
FLEISS = np.array([[c + 1 for c, k in enumerate(row) for _ in range(k)] for row in FLEISS_COUNTS], dtype=float)
assert round(fleiss_kappa(np.array(FLEISS_COUNTS), method="fleiss"), 3) == 0.210

rng = np.random.default_rng(20261203)


def noisy_copy(truth, categories, p_same):
    keep = rng.random(truth.size) < p_same
    return np.where(keep, truth, rng.integers(1, categories + 1, truth.size)).astype(float)


truth = rng.integers(1, 4, 60)
NOMINAL2 = np.column_stack([noisy_copy(truth, 3, 0.8), noisy_copy(truth, 3, 0.7)])

truth = rng.integers(1, 6, 80)
ORDINAL2 = np.column_stack([truth.astype(float), np.clip(truth + rng.integers(-1, 2, 80), 1, 5).astype(float)])
ORDINAL2[rng.random(80) < 0.1, 0] = NaN
ORDINAL2[rng.random(80) < 0.1, 1] = NaN

truth = rng.integers(1, 5, 40)
MANY = np.column_stack([noisy_copy(truth, 4, 0.75) for _ in range(5)])
MANY[rng.random(MANY.shape) < 0.15] = NaN
MANY[3, :] = NaN
MANY[4, 1:] = NaN

human = rng.integers(0, 11, 50) / 10.0
judge = np.clip(human + np.round(rng.normal(0, 0.06, 50), 2), 0, 1)
SCORES = np.column_stack([human, judge])
SCORES[[5, 17], 1] = NaN

CASES = [
    dataset("krippendorff2011", K2011, "Krippendorff (2011) sec. E: 4 coders x 12 units, missing values"),
    dataset("fleiss-wikipedia", FLEISS, "Fleiss (1971)-style table: 10 subjects x 14 raters, 5 categories"),
    dataset("nominal2", NOMINAL2, "seeded: 2 raters, 60 units, 3 categories, no missing"),
    dataset("ordinal2", ORDINAL2, "seeded: 2 raters, 80 units, categories 1-5, ~10% missing per rater"),
    dataset("many-raters", MANY, "seeded: 5 raters, 40 units, 4 categories, 15% missing, a unit with none"),
    dataset("scores", SCORES, "seeded: human and judge value polarity scores in [0, 1], 2 judge scores missing"),
]

with open(OUT, "w") as f:
    json.dump({"program": "tools/agreement_reference.py with Python %s, NumPy %s, statsmodels %s; "
                          "Krippendorff's alpha checked against %s" % (
                              sys.version.split()[0], np.__version__, statsmodels.__version__, CHECKED_BY),
               "cases": CASES}, f, indent=1)
    f.write("\n")
print("wrote", OUT)
