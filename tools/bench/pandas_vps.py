"""pandas peer of VpsBench: read_csv, the paper's binarisation, weighted groupby sums by country,
by language and globally (point estimates only: vps = sum(w*A)/sum(w) over those who answered).
Run: /usr/bin/python3 tools/bench/pandas_vps.py FILE ITEMS OUTDIR [REPEATS]"""
import sys
import time

import numpy as np
import pandas as pd

path, n_items, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
items = [f"Q{i}" for i in range(1, n_items + 1)]
best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    df = pd.read_csv(path, usecols=["B_COUNTRY_ALPHA", "S_INTLANGUAGE", "W_WEIGHT"] + items)
    w = df["W_WEIGHT"].to_numpy()
    aw = {}
    vw = {}
    for q in items:
        x = df[q].to_numpy()
        valid = x > 0
        mx = x[valid].max()
        if mx == 3:
            pos = x == 1
        elif mx == 10:
            pos = x > 5
        else:
            pos = x <= mx // 2
        aw[q] = np.where(valid & pos, w, 0.0)
        vw[q] = np.where(valid, w, 0.0)
    a = pd.DataFrame(aw)
    v = pd.DataFrame(vw)
    for by in ["B_COUNTRY_ALPHA", "S_INTLANGUAGE", None]:
        if by is None:
            res = a.sum() / v.sum()
            res.to_frame("vps").to_csv(f"{out}/pandas-vps-global.csv")
        else:
            res = a.groupby(df[by]).sum() / v.groupby(df[by]).sum()
            res.stack().to_frame("vps").to_csv(f"{out}/pandas-vps-{by}.csv")
    best = min(best, time.perf_counter() - t0)
print(f"pandas {pd.__version__} vps: {len(df)} rows x {n_items} items, by country/language/global: {best:.3f} s")
