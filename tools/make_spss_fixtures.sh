#!/usr/bin/env bash
# Regenerates the SPSS reader fixtures under pluralstats-core/src/test/resources/org/pluralstats/io/spss/ and their
# reference values. Needs Debian's pspp, r-cran-haven, r-cran-jsonlite, readstat and python3
# (the tests themselves need none of them: the generated files are committed).
#   apt-get install pspp r-cran-haven r-cran-foreign r-cran-jsonlite readstat python3
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=pluralstats-core/src/test/resources/org/pluralstats/io/spss
TOOLS=$PWD/tools/spss
PY=$(command -v /usr/bin/python3 || command -v python3)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.sav "$OUT"/*.zsav

# 1. PSPP: the same dictionary and data saved /UNCOMPRESSED, /COMPRESSED and /ZCOMPRESSED, a
#    windows-1252 file and a multi-block ZSAV.
(cd "$OUT" && LANG=C.UTF-8 pspp "$TOOLS/pspp_fixture.sps" >/dev/null \
  && LANG=C.UTF-8 pspp "$TOOLS/pspp_legacy_encoding.sps" >/dev/null \
  && LANG=C.UTF-8 pspp "$TOOLS/pspp_wide_strings.sps" >/dev/null)

# 1b. Edge cases: PSPP files (240 cases; strings with record 7.22 and very long strings), and files
#     derived from them by patching bytes (wrong case counts, appended data, a removed variable record,
#     SYSMIS 0.0 in the float info record, Latin-1 in a UTF-8 file, very long string records that lie),
#     with what PSPP (pspp-convert) and R haven read from each: edge/edge-reference.json.
(cd "$TMP" && LANG=C.UTF-8 pspp "$TOOLS/pspp_case_counts.sps" >/dev/null \
  && LANG=C.UTF-8 pspp "$TOOLS/pspp_strings.sps" >/dev/null)
rm -rf "$OUT/edge"
"$PY" "$TOOLS/edge_fixtures.py" "$TMP" "$OUT/edge"

# 2. R haven (which writes through ReadStat): compress = "none", "byte", "zsav".
Rscript "$TOOLS/haven_fixture.R" "$OUT" "$TMP"

# 3. The readstat command-line tool: a Stata file (written by haven) converted to .sav and .zsav.
readstat "$TMP/readstat_source.dta" "$OUT/readstat_from_dta.sav" >/dev/null
readstat "$TMP/readstat_source.dta" "$OUT/readstat_from_dta.zsav" >/dev/null

# 4. Derived files (nothing here writes them): big-endian copies of PSPP files, by byte swapping,
#    and copies whose header says the case count is unknown (-1).
"$PY" "$TOOLS/sav_tool.py" byteswap "$OUT/pspp_uncompressed.sav" "$OUT/pspp_uncompressed_be.sav"
"$PY" "$TOOLS/sav_tool.py" byteswap "$OUT/pspp_compressed.sav" "$OUT/pspp_compressed_be.sav"
"$PY" "$TOOLS/sav_tool.py" unknown-cases "$OUT/pspp_compressed.sav" "$OUT/pspp_compressed_unknown_cases.sav"
"$PY" "$TOOLS/sav_tool.py" unknown-cases "$OUT/haven_none.sav" "$OUT/haven_none_unknown_cases.sav"

# 5. Example files shipped by Debian packages (GPL example data of PSPP; data files of the R
#    packages haven and foreign).
for f in /usr/share/pspp/examples/*.sav; do cp "$f" "$OUT/example_pspp_$(basename "$f")"; done
cp /usr/lib/R/site-library/haven/examples/iris.sav "$OUT/example_haven_iris.sav"
cp /usr/lib/R/library/foreign/files/electric.sav "$OUT/example_foreign_electric.sav"
cp /usr/lib/R/library/foreign/files/testdata.sav "$OUT/example_foreign_testdata.sav"

# 6. Reference values from R haven.
Rscript "$TOOLS/spss_reference.R" "$OUT"

{
  echo "pspp: $(pspp --version | head -1)"
  echo "R: $(Rscript -e 'cat(R.version.string, "haven", as.character(packageVersion("haven")), "jsonlite", as.character(packageVersion("jsonlite")))')"
  echo "readstat: $(readstat --version 2>&1 | head -1)"
  echo "python: $("$PY" --version)"
} > "$OUT/VERSIONS.txt"
ls -l "$OUT"
