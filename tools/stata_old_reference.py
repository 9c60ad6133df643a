#!/usr/bin/env python3
"""Reference values for the Stata files of releases 102-108, as pandas reads them.

    python3 tools/stata_old_reference.py pluralstats-core/src/test/resources/org/pluralstats/io/stata/old/reference_pandas.json \
        pluralstats-core/src/test/resources/org/pluralstats/io/stata/old/*.dta

Needs pandas 3.0 or later: pandas 1.5 (Debian 12's python3-pandas) refuses releases 102 and 103 and does
not read value labels of releases 108 and earlier. pandas 3.0.6 was used, installed from its wheel into
a virtual environment (python3 -m venv /tmp/pd3; /tmp/pd3/bin/pip install pandas==3.0.6).

Writes the JSON shape of tools/stata_reference.R / tools/stata_reference.py (one entry per file: rows,
data label, and per variable its name, label, type, values, non-missing count, sum, system-missing rows
and value labels), so that StataReaderReferenceTest's comparison reads it. File names are written as
"old/<name>", relative to the Stata fixture directory.
"""
import json
import math
import sys
import warnings

import pandas as pd

warnings.simplefilter("ignore")


def describe(frame, name, label, labname, tables):
    col = frame[name]
    v = {"name": name, "label": label}
    if not pd.api.types.is_numeric_dtype(col.dtype):
        v["type"] = "string"
        v["values"] = ["" if (isinstance(x, float) and math.isnan(x)) else x for x in col]
        return v
    values, system = [], []
    for row, x in enumerate(col):
        if isinstance(x, pd.io.stata.StataMissingValue) or x is None or math.isnan(float(x)):
            values.append(None)
            system.append(row)      # releases before 113 have only "."
        else:
            values.append(float(x))
    present = [x for x in values if x is not None]
    v.update({"type": "numeric", "values": values, "n": len(present), "sum": math.fsum(present),
              "system_missing": system, "tagged": {},
              "value_labels": [{"value": float(k), "label": t} for k, t in tables.get(labname, {}).items()],
              "missing_labels": {}})
    return v


def main():
    if int(pd.__version__.split(".")[0]) < 3:
        sys.exit("pandas %s cannot read releases 102/103 or old value labels: use pandas 3.0 or later" % pd.__version__)
    out, files = sys.argv[1], sys.argv[2:]
    entries = []
    for path in sorted(files):
        with pd.io.stata.StataReader(path) as reader:
            frame = reader.read(convert_missing=False, convert_categoricals=False, convert_dates=False)
            labels = reader.variable_labels()
            tables = reader.value_labels()
            entries.append({
                "file": "old/" + path.rsplit("/", 1)[-1],
                "release": reader._format_version,
                "rows": len(frame),
                "label": reader.data_label,
                "variables": [describe(frame, n, labels.get(n, ""), reader._lbllist[i], tables)
                              for i, n in enumerate(frame.columns)],
            })
    doc = {"program": f"Python {sys.version.split()[0]}, pandas {pd.__version__} read_stata(convert_missing=False)",
           "script": "tools/stata_old_reference.py", "files": entries}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, allow_nan=False)
    print("wrote", out, "for", len(entries), "files")


if __name__ == "__main__":
    main()
