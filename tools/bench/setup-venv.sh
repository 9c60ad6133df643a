#!/usr/bin/env bash
# Makes the Python environment of the benchmark's peers (issue 12): polars, DuckDB, pandas 3, pyarrow,
# installed with a plain pip (offline on these machines: pip's configured find-links and indexes).
# Idempotent: an environment that already imports all four is left as it is.
#   bash tools/bench/setup-venv.sh [VENV]     (default: $BENCH_VENV or /tmp/pluralstats-bench/venv)
# Python: $BENCH_PYTHON, else python3 on the PATH.
set -euo pipefail
venv="${1:-${BENCH_VENV:-/tmp/pluralstats-bench/venv}}"
py="${BENCH_PYTHON:-python3}"
check() { "$venv/bin/python" -c 'import polars, duckdb, pandas, pyarrow' 2>/dev/null; }
if [ -x "$venv/bin/python" ] && check; then
  echo "setup-venv: $venv is ready" >&2
  exit 0
fi
mkdir -p "$(dirname "$venv")"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install -q polars duckdb pandas pyarrow >&2
check
"$venv/bin/python" - <<'PY' >&2
import sys, polars, duckdb, pandas, pyarrow, numpy
print("setup-venv: python", sys.version.split()[0], "polars", polars.__version__, "duckdb", duckdb.__version__,
      "pandas", pandas.__version__, "pyarrow", pyarrow.__version__, "numpy", numpy.__version__)
PY
