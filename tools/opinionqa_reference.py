#!/usr/bin/env python3
"""OpinionQA-shaped wave fixture and OpinionQA's group distributions on it.

OpinionQA (Santurkar et al. 2023, "Whose Opinions Do Language Models Reflect?", github.com/tatsu-lab/
opinions_qa) ships one folder per Pew American Trends Panel wave, data/human_resp/American_Trends_Panel_W{N}/:

  responses.csv  one row per respondent: a column per question key (CAREREL_W27, ...) holding the answer
                 TEXT (blank where the question was not asked), the weight WEIGHT_W{N}, and demographic
                 columns (CREGION, SEX, AGE, POLIDEOLOGY, ...) holding the group TEXT ('Refused' too);
  info.csv       a pandas index column, key, option_mapping, question, references (the repr of the list of
                 option texts, in order, refusal options last) and option_ordinal (the repr of the list of
                 ordinal positions of the first len(option_ordinal) references; the rest are refusals);
  metadata.csv   a pandas index column, key (a demographic column) and options (the repr of its groups).

This script writes such a wave, W99, with the cases that matter: 300 respondents, four questions (one with
a non-ordinal option placed at 2.5 as in CAREREL_W27, options with commas and an apostrophe, 'Refused'
answers, a question asked of half the panel, answers not in the references, a group with only refusals on
one question), weights with blanks (NaN) and zeros, and two demographic columns with 'Refused' and blank
values outside metadata.csv's groups. Files are written with DataFrame.to_csv as the release was.

Then it reads the wave back as process_results.ipynb does (pd.read_csv; eval of references, option_ordinal
and options, here ast.literal_eval) and computes the human distributions the way helpers.py's
extract_human_opinions does, re-implemented below step by step (same pandas operations):
  - ordinal_refs = references[:len(option_ordinal)], refusal_refs = the rest (helpers.extract_model_opinions);
  - keep the rows whose answer is a str (not NaN), group by [answer] (Overall) or [answer, demographic]
    and sum WEIGHT_W{N} (pandas sum: NaN weights count as 0; rows with a NaN demographic drop out of the
    groupby);
  - keep the groups listed in metadata.csv's options for that demographic;
  - D_H = weights of ordinal_refs / their sum (group left out when that sum is 0);
  - R_H = weights of refusal_refs / the sum of the weights of every answer text seen (answers outside the
    references count in this denominator only).
For several demographic columns (an intersection, which OpinionQA's code does not compute) the same steps
are taken with the groupby over all of them and each filtered by its metadata options; the population is
the values joined with " x " (U+00D7), as pluralstats names intersections.

Last, a model distribution per population x question (deterministic counts over the ordinal options,
model_on_w99.json) and scipy's 1 - wasserstein_distance(ordinal, ordinal, D_M, D_H) / (max - min ordinal)
(process_results.ipynb with helpers.get_max_wd) per question and the mean per population.

    /usr/bin/python3 tools/opinionqa_reference.py pluralstats-core/src/test/resources/org/pluralstats/io/opinion

pandas 1.5.3, numpy 1.24.2, scipy 1.10.1 (Debian python3-pandas, python3-scipy), Python 3.11.
"""
import ast
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import wasserstein_distance

WAVE = 99
SEP = " \u00d7 "

QUESTIONS = [
    ("CAREREL_W99", "How likely is it that, at some point in your life, you will be responsible for caring for an aging parent?",
     ["Very likely", "Somewhat likely", "Not too likely", "Not at all likely", "I am already doing this", "Refused"],
     [1.0, 2.0, 3.0, 4.0, 2.5]),
    ("CARS10A_W99", "If driverless vehicles become widespread, will elderly and disabled people live more independently?",
     ["Yes, likely", "No, not likely", "Refused"], [1.0, 2.0]),
    ("WORK2_W99", "Would you say that society places too much importance on working, not enough, or is it just about right?",
     ["Too much importance", "Not enough importance", "It's just about right", "Refused"], [1.0, 2.0, 1.5]),
    ("INDUSTRY_W99", "What industry or field do you currently work in?",
     ["Hospitality or service", "Manufacturing, mining, or construction", "Banking, finance, or \"other\" services",
      "Refused"], [1, 2, 3]),
]
DEMOGRAPHICS = {"CREGION": ["Northeast", "Midwest", "South", "West"], "SEX": ["Male", "Female"]}


def make_wave(rng, n=300):
    df = pd.DataFrame({"QKEY": np.arange(100001, 100001 + n)})
    region = rng.choice(DEMOGRAPHICS["CREGION"] + ["Refused"], size=n, p=[0.2, 0.25, 0.3, 0.2, 0.05]).astype(object)
    region[rng.random(n) < 0.03] = np.nan
    sex = rng.choice(DEMOGRAPHICS["SEX"] + ["Refused"], size=n, p=[0.48, 0.48, 0.04]).astype(object)
    for key, _, refs, ordinal in QUESTIONS:
        valid = refs[:len(ordinal)]
        p = rng.dirichlet(np.ones(len(valid)) * 2.0) * 0.93
        answers = rng.choice(valid + refs[len(ordinal):], size=n, p=list(p) + [0.07 / (len(refs) - len(valid))] * (len(refs) - len(valid)))
        answers = answers.astype(object)
        if key == "WORK2_W99":
            answers[[5, 17]] = "Not sure"  # answer texts outside the references
        if key == "INDUSTRY_W99":
            answers[rng.random(n) < 0.5] = np.nan  # asked of half the panel
            west = region == "West"
            answers[west & pd.notna(answers)] = "Refused"  # West: only refusals on this question
        df[key] = answers
    df["CREGION"] = region
    df["SEX"] = sex
    w = rng.lognormal(0.0, 0.5, size=n)
    w[[3, 40, 41]] = np.nan
    w[[7, 99]] = 0.0
    df[f"WEIGHT_W{WAVE}"] = w
    return df


def write_wave(rng, d):
    d.mkdir(parents=True, exist_ok=True)
    make_wave(rng).to_csv(d / "responses.csv")
    info = pd.DataFrame({
        "key": [q[0] for q in QUESTIONS],
        "option_mapping": [{float(i + 1) if i + 1 < len(q[2]) else 99.0: o for i, o in enumerate(q[2])} for q in QUESTIONS],
        "question": [q[1] for q in QUESTIONS],
        "references": [q[2] for q in QUESTIONS],
        "option_ordinal": [q[3] for q in QUESTIONS],
    })
    info.to_csv(d / "info.csv")
    pd.DataFrame({"key": list(DEMOGRAPHICS), "options": list(DEMOGRAPHICS.values())}).to_csv(d / "metadata.csv")


def human_opinions(resp, info, md, demographics):
    """helpers.extract_human_opinions (tatsu-lab/opinions_qa), re-implemented; demographics: [] for Overall."""
    weight = f"WEIGHT_W{WAVE}"
    assert [c for c in resp.columns if c == weight] == [weight]
    out = []
    for _, q in info.iterrows():
        key, refs, ordinal = q["key"], q["references"], q["option_ordinal"]
        ordinal_refs, refusal_refs = refs[:len(ordinal)], refs[len(ordinal):]
        cols = [key] + demographics
        cdf = resp[[weight] + cols]
        cdf = cdf[[type(v) == str for v in cdf[key]]]
        cdf = cdf.groupby(cols, as_index=False).agg({weight: sum})
        for dem in demographics:
            cdf = cdf[cdf[dem].isin(md.loc[md["key"] == dem, "options"].values[0])]
        if demographics:
            dists = {}
            for _, r in cdf.iterrows():
                group = SEP.join(r[d] for d in demographics)
                dists.setdefault(group, {})[r[key]] = r[weight]
        else:
            dists = {"Overall": dict(zip(cdf[key], cdf[weight]))}
        for group, dist in dists.items():
            d_h = np.array([dist[v] if v in dist else 0 for v in ordinal_refs])
            if np.sum(d_h) == 0:
                out.append({"population": group, "question": key, "left_out": True})
                continue
            d_h = d_h / np.sum(d_h)
            r_h = np.sum([dist[v] if v in dist else 0 for v in refusal_refs]) / np.sum(list(dist.values()))
            out.append({"population": group, "question": key, "options": ordinal_refs, "ordinal": ordinal,
                        "shares": [float(x) for x in d_h], "refusal_share": float(r_h)})
    return out


def accounting(resp, md, demographics):
    weight = resp[f"WEIGHT_W{WAVE}"]
    inside = pd.Series(True, index=resp.index)
    for dem in demographics:
        inside &= resp[dem].isin(md.loc[md["key"] == dem, "options"].values[0])
    return {"respondents": int(len(resp)), "outside_groups": int((~inside).sum()),
            "missing_weight": int((inside & weight.isna()).sum()), "zero_weight": int((inside & (weight == 0)).sum()),
            "kept": int((inside & (weight > 0)).sum())}


def main(out):
    out = Path(out)
    rng = np.random.default_rng(20230330)
    wave = out / f"American_Trends_Panel_W{WAVE}"
    write_wave(rng, wave)

    resp = pd.read_csv(wave / "responses.csv")
    info = pd.read_csv(wave / "info.csv")
    info["option_ordinal"] = info.apply(lambda x: ast.literal_eval(x["option_ordinal"]), axis=1)
    info["references"] = info.apply(lambda x: ast.literal_eval(x["references"]), axis=1)
    md = pd.read_csv(wave / "metadata.csv")
    md["options"] = md.apply(lambda x: ast.literal_eval(x["options"]), axis=1)

    groupings = {"Overall": [], "CREGION": ["CREGION"], "SEX": ["SEX"], "CREGION,SEX": ["CREGION", "SEX"]}
    reference = {"producer": f"tools/opinionqa_reference.py, pandas {pd.__version__}, numpy {np.__version__}: "
                             "helpers.extract_human_opinions re-implemented", "groupings": {}}
    for name, dems in groupings.items():
        reference["groupings"][name] = {"distributions": human_opinions(resp, info, md, dems),
                                        "accounting": accounting(resp, md, dems)}
    (out / "opinionqa_w99_reference.json").write_text(json.dumps(reference, ensure_ascii=False, indent=1) + "\n",
                                                        encoding="utf-8")

    # a model per CREGION population: deterministic counts over the ordinal options; OpinionQA's similarity
    model, per_question = [], {}
    for row in reference["groupings"]["CREGION"]["distributions"]:
        if row.get("left_out"):
            continue
        k = len(row["options"])
        counts = [1 + (3 * i + len(row["population"]) + len(row["question"])) % 5 for i in range(k)]
        model.append({"population": row["population"], "question": row["question"], "options": row["options"],
                      "counts": counts})
        o = np.array(row["ordinal"], dtype=float)
        if o.max() == o.min():
            continue
        d_m = np.array(counts, dtype=float) / sum(counts)
        wd = wasserstein_distance(o, o, d_m, row["shares"]) / (o.max() - o.min())
        per_question.setdefault(row["population"], {})[row["question"]] = 1 - wd
    (out / "model_on_w99.json").write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    (out / "opinionqa_w99_similarity.json").write_text(json.dumps({
        "producer": f"tools/opinionqa_reference.py, scipy.stats.wasserstein_distance (scipy "
                    f"{__import__('scipy').__version__}), 1 - W / (max - min ordinal) as process_results.ipynb",
        "per_question": per_question,
        "mean": {p: float(np.mean(list(v.values()))) for p, v in per_question.items()},
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
