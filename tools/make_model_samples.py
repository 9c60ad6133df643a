#!/usr/bin/env python3
"""Writes data-samples/model-outputs/: a small, SYNTHETIC set of model outputs and answer distributions.

    python3 tools/make_model_samples.py          (Debian python3, standard library only)

Output (deterministic: seeded random.Random, same files on every run):
  outputs.jsonl               judged generations in the binding format
                              {"model","family","language","item","generation","labels":[...]}:
                              3 invented models x 2 prompt languages (da, en) x 12 WVS/EVS items x 5 generations
  populations.csv             population,item,vps: a subset of the REAL released ground truth of seed paper 003
                              (data-samples/multicultural-alignment/, MIT): languages da, en and countries DK, GB, US
                              for the same 12 items, copied, not changed
  human-distributions.csv     population,question,option,ordinal,count: invented human answer distributions
  model-distributions.json    the same questions answered by an invented model, with unclassifiable outputs

The generations' labels are drawn so that each model's pro share for an item is a mixture of the
language population's and the US's score plus noise (a model leaning to the US more or less strongly);
they do not come from any real model.
"""
import csv
import json
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data-samples")
SRC = os.path.join(ROOT, "multicultural-alignment")
OUT = os.path.join(ROOT, "model-outputs")

ITEMS = ["E117", "D026_03", "D054", "D059", "E035", "E069_02", "E116", "E235", "F028", "F118", "F120", "F121"]
LANGUAGES = ["da", "en"]
COUNTRIES = ["DK", "GB", "US"]
# name, family, weight of the US scores in its pro share, noise sd
MODELS = [("example-small-1b", "example", 0.8, 0.20), ("example-medium-8b", "example", 0.5, 0.12),
          ("example-large-70b", "example", 0.2, 0.06)]
GENERATIONS = 5
STATEMENTS = 8


def read_ground_truth():
    gt = {}
    with open(os.path.join(SRC, "ground_truth_per_language.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["lnge_iso"] in LANGUAGES and r["question_key"] in ITEMS:
                gt[(r["lnge_iso"], r["question_key"])] = r["pro_score"]
    with open(os.path.join(SRC, "ground_truth_every_country.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["cntry_an"] in COUNTRIES and r["question_key"] in ITEMS:
                gt[(r["cntry_an"], r["question_key"])] = r["pro_score"]
    return gt


def main():
    os.makedirs(OUT, exist_ok=True)
    gt = read_ground_truth()
    with open(os.path.join(OUT, "populations.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["population", "item", "vps"])
        for p in LANGUAGES + COUNTRIES:
            for q in ITEMS:
                w.writerow([p, q, gt[(p, q)]])  # the released text, unchanged

    rng = random.Random(20250224)
    with open(os.path.join(OUT, "outputs.jsonl"), "w") as f:
        for model, family, us_weight, sd in MODELS:
            for lang in LANGUAGES:
                for q in ITEMS:
                    target = us_weight * float(gt[("US", q)]) + (1 - us_weight) * float(gt[(lang, q)])
                    for g in range(1, GENERATIONS + 1):
                        p = min(0.98, max(0.02, target + rng.gauss(0, sd)))
                        labels = []
                        for _ in range(STATEMENTS):
                            u = rng.random()
                            labels.append("null" if u < 0.1 else ("pro" if rng.random() < p else "con"))
                        f.write(json.dumps({"model": model, "family": family, "language": lang, "item": q,
                                            "generation": g, "labels": labels}) + "\n")

    # answer distributions: 4 populations x 8 questions on a 4-point scale
    pops = ["US", "DK", "NL", "BR"]
    questions = ["Q%d" % i for i in range(1, 9)]
    options = ["Strongly agree", "Agree", "Disagree", "Strongly disagree"]
    with open(os.path.join(OUT, "human-distributions.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["population", "question", "option", "ordinal", "count"])
        model_rows = []
        for k, pop in enumerate(pops):
            for q in questions:
                centre = rng.uniform(1.2, 2.8)
                weights = [max(0.02, 1.0 - abs(i - centre) / 2.0) for i in range(4)]
                total = sum(weights)
                counts = [round(400 * x / total) for x in weights]
                for i, o in enumerate(options):
                    w.writerow([pop, q, o, i + 1, counts[i]])
                # the model: drifts towards the US pattern (k = 0) the further from it, more unclassifiable
                shift = rng.gauss(0.3 * k, 0.4)
                mw = [max(0.02, 1.0 - abs(i - (centre + shift)) / 1.6) for i in range(4)]
                mt = sum(mw)
                mc = [round(100 * x / mt) for x in mw]
                unclassifiable = rng.randint(0, 4 + 4 * k)
                model_rows.append({"population": pop, "question": q, "options": options, "ordinals": [1, 2, 3, 4],
                                   "counts": mc, "unclassifiable": unclassifiable})
    with open(os.path.join(OUT, "model-distributions.json"), "w") as fm:
        json.dump(model_rows, fm, indent=1)
        fm.write("\n")


if __name__ == "__main__":
    main()
