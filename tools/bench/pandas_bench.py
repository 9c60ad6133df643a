# pandas peer for tools/bench/run.sh: best wall-clock seconds of read_csv / read_stata over repeats.
# Run with Debian's python3: /usr/bin/python3 tools/bench/pandas_bench.py FILE [VAR,VAR,...] [REPEATS]
import sys
import time

import pandas as pd

path = sys.argv[1]
cols = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] != "all" else None
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    if path.endswith(".csv"):
        df = pd.read_csv(path, usecols=cols)
    elif path.endswith(".dta"):
        df = pd.read_stata(path, columns=cols, convert_categoricals=False)
    else:
        raise SystemExit("unsupported: " + path)
    best = min(best, time.perf_counter() - t0)
print(f"{path.split('/')[-1]}\t{df.shape[1]} vars\t{df.shape[0]} rows\t{best:.3f} s\tpandas {pd.__version__}")
