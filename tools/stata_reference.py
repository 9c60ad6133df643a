#!/usr/bin/python3
"""Reference values for Stata fixtures that haven cannot read correctly, as pandas reads them.

    /usr/bin/python3 tools/stata_reference.py <output.json> <fixture.dta> ...

haven 2.5.1's ReadStat reads release-119 strL (v,o) cells with release 118's layout (2 + 6 bytes)
instead of the documented 3 + 5 bytes, so for a 119 file with strLs written to the documentation
(pandas) it returns empty strings. pandas.read_stata follows the documentation; this script writes
the same JSON shape as tools/stata_reference.R from pandas instead.
"""
import json
import math
import sys
import warnings

import pandas as pd

warnings.simplefilter("ignore")


def missing_key(k):
    """pandas keys the labels of . and .a-.z by their stored long codes 2147483621 + i (help dta 5.12)."""
    i = int(k) - 2147483621
    return None if i < 0 else ("." if i == 0 else chr(ord("a") + i - 1))


def describe(reader, frame, name, label, labname, tables):
    col = frame[name]
    v = {"name": name, "label": label}
    if col.dtype == object and all(isinstance(x, str) for x in col):
        v["type"] = "string"
        v["values"] = list(col)
        return v
    values, system, tagged = [], [], {}
    for row, x in enumerate(col):
        if isinstance(x, pd.io.stata.StataMissingValue):
            values.append(None)
            text = x.string
            if text == ".":
                system.append(row)
            else:
                tagged.setdefault(text[1:], []).append(row)
        elif x is None or (isinstance(x, float) and math.isnan(x)):
            values.append(None)
            system.append(row)
        else:
            values.append(float(x))
    present = [x for x in values if x is not None]
    v.update({"type": "numeric", "values": values, "n": len(present), "sum": math.fsum(present),
              "system_missing": system, "tagged": dict(sorted(tagged.items())),
              "value_labels": [{"value": float(k), "label": t} for k, t in tables.get(labname, {}).items()
                               if not missing_key(k)],
              "missing_labels": {missing_key(k): t for k, t in tables.get(labname, {}).items() if missing_key(k)}})
    return v


def main():
    out, files = sys.argv[1], sys.argv[2:]
    entries = []
    for path in files:
        reader = pd.io.stata.StataReader(path)
        frame = reader.read(convert_missing=True, convert_categoricals=False, convert_dates=False)
        labels = reader.variable_labels()
        tables = reader.value_labels()
        entries.append({
            "file": path.rsplit("/", 1)[-1],
            "rows": len(frame),
            "label": reader.data_label,
            "variables": [describe(reader, frame, n, labels.get(n, ""), reader.lbllist[i], tables)
                          for i, n in enumerate(frame.columns)],
        })
    doc = {"program": f"Python {sys.version.split()[0]}, pandas {pd.__version__} read_stata(convert_missing=True)",
           "script": "tools/stata_reference.py", "files": entries}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, allow_nan=False)
    print("wrote", out, "for", len(entries), "files")


if __name__ == "__main__":
    main()
