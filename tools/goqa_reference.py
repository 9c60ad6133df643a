#!/usr/bin/env python3
"""GlobalOpinionQA-shaped fixture and its reference reading.

Writes, the way the released llm_global_opinions CSV was written (a pandas DataFrame whose `selections`
cells are collections.defaultdict(list) objects and `options` cells lists, saved with DataFrame.to_csv,
so each cell is the Python repr), a small file with the hard cases: options with apostrophes and both
quote kinds, backslashes, non-ASCII and control characters, a question with a line break, shares written
as 1e-05 and 0.0, and a country whose share list is shorter than the options (a partial release). Then
reads it back with the csv module and ast.literal_eval, as a Python user would, and writes what it reads
as JSON: the reference that GlobalOpinionQaTest compares pluralstats with. Last, a model's answer
counts per country × question (model_on_sample.json, deterministic) and scipy's
1 - jensenshannon(human, model, base=2) per country (the similarity of GlobalOpinionQA's paper), which
SimilarityCommandTest compares `similarity --human global_opinions_sample.csv --metric jsd` with.

    /usr/bin/python3 tools/goqa_reference.py pluralstats-core/src/test/resources/org/pluralstats/io/opinion

pandas 1.5.3 and scipy 1.10.1 (Debian python3-pandas, python3-scipy), Python 3.11.
"""
import ast
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd


def selections(pairs):
    d = defaultdict(list)
    for country, shares in pairs:
        d[country].extend(shares)
    return d


def main(out: Path) -> None:
    rows = [
        {"question": "How much do you trust the national government?",
         "selections": selections([("Belgium", [0.2234, 0.5, 0.2766]), ("Côte d'Ivoire", [1e-05, 0.49999, 0.5]),
                                   ("Japan", [0.0, 1.0, 0.0])]),
         "options": ["A lot", "Not much", "DK/Refused"], "source": "GAS"},
        {"question": "Is it \"justifiable\" to\nclaim benefits you're not entitled to?",
         "selections": selections([("Brazil", [0.1, 0.2, 0.3, 0.4]), ("Nigeria", [0.25, 0.75])]),
         "options": ["Never justifiable", "Don't know", 'He said "it\'s fine"', "back\\slash\ttab"],
         "source": "WVS"},
        {"question": "Does the family matter? (Россия, 日本, العربية)",
         "selections": selections([("Russia", [0.9, 0.1]), ("Egypt", [0.123456789012345678, 0.876543210987654321])]),
         "options": ["Very important – ✓", "Not at all\u00a0important"], "source": "WVS"},
        {"question": "A question nobody answered", "selections": selections([]),
         "options": ["Yes", "No"], "source": "GAS"},
    ]
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(out / "global_opinions_sample.csv", index=False)

    reference = []
    with open(out / "global_opinions_sample.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            sel = r["selections"]
            assert sel.startswith("defaultdict(<class 'list'>, ") and sel.endswith(")")
            shares = ast.literal_eval(sel[len("defaultdict(<class 'list'>, "):-1])
            options = ast.literal_eval(r["options"])
            reference.append({"question": r["question"], "options": options, "source": r["source"],
                              "shares": {c: v for c, v in shares.items() if len(v) == len(options)},
                              "partial": [c for c, v in shares.items() if len(v) != len(options)]})
    (out / "global_opinions_sample.json").write_text(
        json.dumps({"producer": f"tools/goqa_reference.py, pandas {pd.__version__}, ast.literal_eval",
                    "questions": reference}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    from scipy.spatial.distance import jensenshannon
    countries = ["Belgium", "Côte d'Ivoire", "Japan", "Brazil", "Nigeria", "Russia", "Egypt"]
    model, similarity = [], {}
    for i, q in enumerate(reference):
        for c in countries:
            counts = [(i + 1 + k + len(c)) % 4 + 1 for k in range(len(q["options"]))]
            model.append({"population": c, "question": q["question"], "options": q["options"], "counts": counts})
            if c in q["shares"]:
                total = sum(counts)
                similarity.setdefault(c, []).append(
                    1 - float(jensenshannon(q["shares"][c], [x / total for x in counts], base=2)))
    (out / "model_on_sample.json").write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    (out / "similarity_jsd.json").write_text(json.dumps(
        {"producer": "tools/goqa_reference.py, scipy.spatial.distance.jensenshannon(base=2), mean over questions",
         "similarity": {c: sum(v) / len(v) for c, v in similarity.items()}}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
