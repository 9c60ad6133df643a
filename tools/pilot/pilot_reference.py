"""Reference values for the pilot survey samples (data-samples/pilot-survey), computed with pandas
and scipy, for the golden test of `pluralstats forms`.

Run with Debian's python3 (python3-scipy, python3-pandas):
    /usr/bin/python3 tools/pilot/pilot_reference.py > pluralstats-core/src/test/resources/org/pluralstats/compare/pilot-reference.json

Reads each export with pandas, drops the metadata columns (timestamp, e-mail), takes the k-th
remaining column as item Qk; Q4 is Model A/B, recognised by the Latin letter in the option text.
"""
import itertools
import re
import json
import platform
import sys

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
import statsmodels

DIR = "data-samples/pilot-survey/"
GROUPS = [("Arabic", "arabic.csv"), ("Chinese", "chinese.csv"), ("Farsi", "farsi.csv"), ("English", "english.csv")]
SCALE = ["Q1", "Q2", "Q3", "Q5", "Q6"]

data = {}
for name, f in GROUPS:
    df = pd.read_csv(DIR + f, encoding="utf-8-sig")
    cols = [c for c in df.columns[1:] if not c.lower().startswith("email")]
    df = df[cols]
    df.columns = [f"Q{i + 1}" for i in range(len(cols))]
    df["Q4"] = df["Q4"].map(lambda t: "B" if re.search(r"(?<![A-Za-z])B(?![A-Za-z])", t) else "A")
    data[name] = df


def num(x):
    return None if x is None or (isinstance(x, float) and not np.isfinite(x)) else float(x)


out = {"program": f"python {platform.python_version()}, pandas {pd.__version__}, scipy {scipy.__version__}, "
                  f"statsmodels {statsmodels.__version__}",
       "script": "tools/pilot/pilot_reference.py", "groups": [], "tests": []}
for name, _ in GROUPS:
    df = data[name]
    g = {"group": name, "n": len(df), "items": {}}
    for q in SCALE:
        x = df[q].astype(float).to_numpy()
        sd = x.std(ddof=1)
        t = stats.t.ppf(0.975, len(x) - 1)
        g["items"][q] = {"mean": num(x.mean()), "sd": num(sd), "median": num(np.median(x)),
                         "q1": num(np.percentile(x, 25)), "q3": num(np.percentile(x, 75)),
                         "ciLow": num(x.mean() - t * sd / np.sqrt(len(x))),
                         "ciHigh": num(x.mean() + t * sd / np.sqrt(len(x)))}
    k = int((df["Q4"] == "B").sum())
    lo, hi = proportion_confint(k, len(df), alpha=0.05, method="wilson")
    g["items"]["Q4"] = {"shareB": k / len(df), "ciLow": num(lo), "ciHigh": num(hi)}
    out["groups"].append(g)

names = [n for n, _ in GROUPS]
for q in SCALE:
    samples = [data[n][q].astype(float).to_numpy() for n in names]
    h, p = stats.kruskal(*samples)
    pairs = []
    raw = []
    for a, b in itertools.combinations(range(len(names)), 2):
        r = stats.mannwhitneyu(samples[a], samples[b], alternative="two-sided")
        pairs.append({"first": names[a], "second": names[b], "u": float(r.statistic), "p": float(r.pvalue)})
        raw.append(r.pvalue)
    adj = multipletests(raw, method="holm")[1]
    for pr, a in zip(pairs, adj):
        pr["pHolm"] = float(a)
    out["tests"].append({"item": q, "test": "kruskal-wallis", "statistic": float(h), "p": float(p), "pairwise": pairs})
table = [[int((data[n]["Q4"] == "A").sum()), int((data[n]["Q4"] == "B").sum())] for n in names]
chi2, p, dof, _ = stats.chi2_contingency(table)
out["tests"].append({"item": "Q4", "test": "chi-square", "statistic": float(chi2), "df": int(dof), "p": float(p),
                     "table": table})
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
