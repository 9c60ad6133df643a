#!/usr/bin/env python3
"""Reference values of distributional alignment (issue 13) for DistributionalAlignmentTest and the
`similarity --model answers.jsonl` CLI test.

Writes (1) human distributions in GlobalOpinionQA's released format (a pandas DataFrame whose
`selections` cells are defaultdict(list) objects, saved with DataFrame.to_csv), 5 countries x 6
questions, one question missing for one country; (2) model answers as JSON Lines: model "example-chat" sampled
answers under condition "default" (no population: compared with every country) and under condition
"persona" steered to 3 countries, with null (unclassifiable) and "Refused" answers; model "example-base" as
log-probabilities (OpinionQA style); plus an answer to a question no country has. Then computes, with
scipy, per model x condition x persona x population x question: representativeness
1 - wasserstein_distance(o, o, h, m) / (max o - min o), 1 - jensenshannon(h, m, base=2),
1 - 0.5 * sum|h - m|, entropy(h, m, base=2); the baselines (uniform; global majority = point mass on the
option with the largest mean share over countries; the mean score of the other countries' distributions);
and the means over questions. Output: distributional_reference.json.

    /usr/bin/python3 tools/distributional_reference.py pluralstats-core/src/test/resources/org/pluralstats/align \
        data-samples/model-outputs

The second folder, if given, receives the two inputs again as the report's invented sample
(global-opinions-sample.csv, model-answers.jsonl).

numpy 1.24.2, scipy 1.10.1, pandas 1.5.3 (Debian), Python 3.11.
"""
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy, wasserstein_distance

COUNTRIES = ["Brazil", "Denmark", "Japan", "Nigeria", "United States"]
rng = np.random.default_rng(20261203)


def question_rows():
    rows = []
    for q in range(6):
        k = [2, 3, 4, 4, 5, 3][q]
        options = [f"Option {chr(65 + i)}" for i in range(k)]
        sel = defaultdict(list)
        for c in COUNTRIES:
            if q == 5 and c == "Japan":
                continue
            shares = np.round(rng.dirichlet(np.ones(k) * 2), 4)
            shares[-1] = round(1 - shares[:-1].sum(), 4)
            sel[c].extend(float(x) for x in shares)
        rows.append({"question": f"Question {q + 1}: how much do you agree?", "selections": sel,
                     "options": options, "source": "GAS"})
    return rows


def num(x):
    """JSON has no infinity: an infinite divergence is written "inf", an undefined value null."""
    if x is None:
        return None
    return "inf" if np.isinf(x) else float(x)


def measure(metric, h, m, o):
    h = np.asarray(h, float)
    m = np.asarray(m, float)
    if metric == "wasserstein":
        return 1 - wasserstein_distance(o, o, h, m) / (max(o) - min(o))
    if metric == "jsd":
        return 1 - jensenshannon(h, m, base=2)
    if metric == "tv":
        return 1 - 0.5 * np.abs(h / h.sum() - m / m.sum()).sum()
    return entropy(h, m, base=2)


METRICS = ["wasserstein", "jsd", "tv", "kl"]


def main(out: Path) -> None:
    rows = question_rows()
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(out / "distributional_humans.csv", index=False)
    human = {}  # (country, question) -> (options, shares)
    for r in rows:
        for c, s in r["selections"].items():
            human[(c, r["question"])] = (r["options"], s)

    lines = []
    for r in rows:
        k = len(r["options"])
        p = rng.dirichlet(np.ones(k))
        for g in range(40):
            u = rng.random()
            if u < 0.05:
                a = None
            elif u < 0.08:
                a = "Refused"
            else:
                a = r["options"][int(rng.choice(k, p=p))]
            lines.append({"model": "example-chat", "condition": "default", "question": r["question"], "answer": a, "generation": g})
        for c in COUNTRIES[:3]:
            p = np.asarray(human.get((c, r["question"]), (None, np.ones(k) / k))[1]) * 0.7 + 0.3 / k
            for g in range(25):
                a = r["options"][int(rng.choice(k, p=p / p.sum()))]
                lines.append({"model": "example-chat", "condition": "persona", "persona": c, "question": r["question"], "answer": a})
        lp = np.log(rng.dirichlet(np.ones(k + 1)))
        lines.append({"model": "example-base", "question": r["question"],
                      "logprobs": {**{o: float(lp[i]) for i, o in enumerate(r["options"])}, "Refused": float(lp[k])}})
    lines.append({"model": "example-base", "question": "A question no country was asked", "logprobs": {"Yes": -0.1, "No": -2.5}})
    with open(out / "distributional_answers.jsonl", "w", encoding="utf-8") as f:
        for i, l in enumerate(lines):
            f.write(json.dumps(l, ensure_ascii=False) + "\n")
            if i == 10:
                f.write("\n")

    # model distributions per setting x question
    model = defaultdict(lambda: {"counts": defaultdict(float), "unclassifiable": 0.0, "refused": 0.0})
    for l in lines:
        key = (l["model"], l.get("condition", ""), l.get("persona", ""), l["question"])
        d = model[key]
        if "answer" in l:
            if l["answer"] is None:
                d["unclassifiable"] += 1
            elif l["answer"] == "Refused":
                d["refused"] += 1
            else:
                d["counts"][l["answer"].lower()] += 1
        else:
            mx = max(l["logprobs"].values())
            total = sum(np.exp(v - mx) for v in l["logprobs"].values())
            for o, v in l["logprobs"].items():
                if o == "Refused":
                    d["refused"] += np.exp(v - mx) / total
                else:
                    d["counts"][o.lower()] += np.exp(v - mx) / total

    def baselines(country, q, metric):
        options, h = human[(country, q)]
        o = list(range(1, len(options) + 1))
        others = [human[(c, q)][1] for c in COUNTRIES if c != country and (c, q) in human]
        mean = np.mean([human[(c, q)][1] for c in COUNTRIES if (c, q) in human], axis=0)
        point = np.zeros(len(options))
        point[int(np.argmax(mean))] = 1
        return (measure(metric, h, np.ones(len(options)), o), measure(metric, h, point, o),
                float(np.mean([measure(metric, h, x, o) for x in others])) if others else None)

    questions, summaries = [], []
    for (mname, cond, persona, q), d in model.items():
        targets = [persona] if persona else [c for c in COUNTRIES if (c, q) in human]
        for c in targets:
            if (c, q) not in human:
                continue
            options, h = human[(c, q)]
            o = list(range(1, len(options) + 1))
            m = [d["counts"].get(x.lower(), 0.0) for x in options]
            for metric in METRICS:
                u, maj, oth = baselines(c, q, metric)
                questions.append({"model": mname, "condition": cond, "persona": persona, "population": c, "question": q,
                                  "metric": metric, "score": num(measure(metric, h, m, o)), "uniform": num(u),
                                  "majority": num(maj), "otherPopulations": num(oth),
                                  "classified": float(sum(m)), "unclassifiable": float(d["unclassifiable"]),
                                  "refused": float(d["refused"])})
    groups = defaultdict(list)
    for r in questions:
        groups[(r["model"], r["condition"], r["persona"], r["population"], r["metric"])].append(r)
    for (mname, cond, persona, c, metric), rs in groups.items():
        def mean(field):
            v = [r[field] for r in rs]
            if any(x is None for x in v):
                return None
            return num(np.mean([np.inf if x == "inf" else x for x in v]))
        summaries.append({"model": mname, "condition": cond, "persona": persona, "population": c, "metric": metric,
                          "questions": len(rs), "score": mean("score"), "uniform": mean("uniform"),
                          "majority": mean("majority"), "otherPopulations": mean("otherPopulations")})
    (out / "distributional_reference.json").write_text(json.dumps(
        {"producer": f"tools/distributional_reference.py, numpy {np.__version__}, scipy {scipy.__version__},"
                     f" pandas {pd.__version__}", "lines": len(lines) + 1, "questions": questions,
         "summaries": summaries}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
    if len(sys.argv) > 2:
        import shutil
        shutil.copyfile(Path(sys.argv[1]) / "distributional_humans.csv", Path(sys.argv[2]) / "global-opinions-sample.csv")
        shutil.copyfile(Path(sys.argv[1]) / "distributional_answers.jsonl", Path(sys.argv[2]) / "model-answers.jsonl")
