"""pandas peer of `pluralstats vps --rule paper` (issue 12): one whole process, point estimates only.

Reads the file once with the C parser (only the needed columns), applies the paper's binarisation
to all items at once as a NumPy matrix, and sums w*A and w*valid per population with one groupby
per grouping:  vps = sum(w * A) / sum(w)  over the respondents with a valid code (> 0).

The paper rule, per item, with max the largest valid code pooled over the whole file:
max 3 -> positive is code 1; max 10 -> codes 6..10; otherwise codes <= max // 2.

    python peer_pandas.py FILE N_ITEMS OUT.csv GROUPING [GROUPING ...]

GROUPING: a column (B_COUNTRY_ALPHA, LNGE_ISO) or `global`. OUT.csv is long:
`population,item,vps`, with a leading `grouping` column when several groupings are asked.
"""
import sys

import numpy as np
import pandas as pd

WEIGHT = "W_WEIGHT"


def main(path, n_items, out, groupings):
    items = [f"Q{i}" for i in range(1, n_items + 1)]
    columns = [g for g in groupings if g != "global"]
    # WVS answer codes are small integers (-5..10 here): int8 halves the parse's memory traffic
    df = pd.read_csv(path, usecols=columns + [WEIGHT] + items, engine="c",
                     dtype={q: np.int8 for q in items})

    x = df[items].to_numpy()                          # n x k codes, one int8 block
    valid = x > 0
    mx = np.where(valid, x, 0).max(axis=0)            # the pooled maximum per item
    # the positive codes of each item are one range lo..hi (lo >= 1, so positive implies valid)
    lo = np.where(mx == 10, 6, 1)
    hi = np.where(mx == 3, 1, np.where(mx == 10, 10, mx // 2))
    positive = (x >= lo) & (x <= hi)
    w = df[WEIGHT].to_numpy(dtype=np.float64)[:, None]
    aw = pd.DataFrame(positive * w, columns=items)    # w * A, 0 where missing
    vw = pd.DataFrame(valid * w, columns=items)       # w where answered

    parts = []
    for g in groupings:
        if g == "global":
            vps = (aw.sum() / vw.sum()).to_frame().T
            vps.index = pd.Index(["global"])
        else:
            key = df[g]
            vps = aw.groupby(key, sort=True).sum() / vw.groupby(key, sort=True).sum()
        long = vps.rename_axis(index="population", columns="item").stack().rename("vps").reset_index()
        long.insert(0, "grouping", g)
        parts.append(long)
    res = pd.concat(parts, ignore_index=True)
    if len(groupings) == 1:
        res = res.drop(columns="grouping")
    res.to_csv(out, index=False)                      # floats as repr: round-trip exact


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:])
