#!/usr/bin/env bash
# Regenerates the Stata (.dta) test fixtures and their reference values.
#
#   tools/make_stata_fixtures.sh
#
# Needs R with haven and jsonlite (Debian r-cran-haven r-cran-jsonlite), Debian's /usr/bin/python3
# with pandas (python3-pandas) and statsmodels (python3-statsmodels, for its example files).
# CI does not run this: the generated files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=pluralstats-core/src/test/resources/org/pluralstats/io/stata
mkdir -p "$OUT"

# 1. Files written by R haven (ReadStat): releases 110, 111, 113, 114, 115, 117, 118, 119, little-endian.
Rscript tools/make_stata_fixtures.R "$OUT"

# 2. Files written by pandas: releases 114, 117, 118, 119 in both byte orders (see the script's notes).
/usr/bin/python3 tools/make_stata_fixtures.py "$OUT"

# 3. Files nobody here wrote, copied unchanged from installed packages.
SM=/usr/lib/python3/dist-packages/statsmodels
cp "$SM/iolib/tests/results/data_missing.dta"          "$OUT/statsmodels_data_missing.dta"
cp "$SM/iolib/tests/results/time_series_examples.dta"  "$OUT/statsmodels_time_series_examples.dta"
cp "$SM/datasets/macrodata/macrodata.dta"              "$OUT/statsmodels_macrodata.dta"
cp "$SM/tsa/tests/results/lutkepohl2.dta"              "$OUT/statsmodels_lutkepohl2.dta"
cp /usr/lib/R/site-library/haven/examples/iris.dta     "$OUT/haven_example_iris.dta"

# 4. Reference values: haven for every file, except the 119 strL file, which pandas reads (haven
#    2.5.1 reads 119 strL references with the 118 layout; see tools/stata_reference.py). pandas also
#    reads two files haven reads, as a second opinion on labels of .a-.z and on strL blanks.
Rscript tools/stata_reference.R "$OUT" "$OUT/reference_haven.json" pandas_119_le_strl.dta
/usr/bin/python3 tools/stata_reference.py "$OUT/reference_pandas.json" "$OUT/pandas_119_le_strl.dta" \
    "$OUT/haven_118_tagged_labels.dta" "$OUT/pandas_118_strl_blanks.dta"
