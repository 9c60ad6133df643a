#!/usr/bin/env bash
# Regenerates the SPSS portable-file fixtures under pluralstats-core/src/test/resources/org/pluralstats/io/por/ and their
# reference values. Needs Debian's pspp, r-cran-foreign, r-cran-jsonlite and python3 (the tests need
# none of them: the generated files are committed).
#   apt-get install pspp readstat r-cran-foreign r-cran-jsonlite python3
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=pluralstats-core/src/test/resources/org/pluralstats/io/por
TOOLS=$PWD/tools/por
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.por

# 1. PSPP EXPORT (80-column lines, CR LF): every dictionary record R foreign reads, and tricky numbers;
#    1500 cases over many lines; the same dictionary with a weight (6) and a document (E) record, which
#    PSPP writes but foreign does not read; a UTF-8 string PSPP writes as bytes outside the table.
(cd "$TMP" && LANG=C.UTF-8 pspp "$TOOLS/mixed.sps" >/dev/null && LANG=C.UTF-8 pspp "$TOOLS/many.sps" >/dev/null)
cp "$TMP/mixed.por" "$OUT/pspp_mixed.por"
cp "$TMP/many.por" "$OUT/pspp_many.por"
sed -e 's/^EXPORT OUTFILE=.*$/WEIGHT BY wt.\nDOCUMENT A document line for the portable fixture.\nEXPORT OUTFILE='"'"'weighted.por'"'"'./' \
  "$TOOLS/mixed.sps" > "$TMP/weighted.sps"
(cd "$TMP" && LANG=C.UTF-8 pspp weighted.sps >/dev/null)
cp "$TMP/weighted.por" "$OUT/pspp_weighted_doc.por"
cat > "$TMP/utf8.sps" <<'SPS'
SET LOCALE='UTF-8'.
DATA LIST LIST /s (A10).
BEGIN DATA
"café"
"plain"
END DATA.
EXPORT OUTFILE='utf8.por'.
SPS
(cd "$TMP" && LANG=C.UTF-8 pspp utf8.sps >/dev/null)
cp "$TMP/utf8.por" "$OUT/pspp_utf8.por"

# 2. The other line layouts of the same file, derived here (no writer at hand makes them):
#    no line breaks at all; LF line ends with the trailing blanks of each line removed (readers must pad
#    short lines to 80 columns).
tr -d '\r\n' < "$OUT/pspp_mixed.por" > "$OUT/pspp_mixed_unwrapped.por"
tr -d '\r' < "$OUT/pspp_mixed.por" | sed -e 's/ *$//' > "$OUT/pspp_mixed_lf_trimmed.por"
tr -d '\r\n' < "$OUT/pspp_many.por" > "$OUT/pspp_many_unwrapped.por"

# 2b. A second writer, ReadStat (the readstat tool), from the same data (PSPP's own reading of
#    pspp_mixed.por, saved as .sav): exponents with +, long exact fractions, strings not padded, LO/HI as
#    -1+TT/1+TT. ReadStat's writer changes some numbers (1e20 becomes 2^63, 1e-300 becomes 0); the file's
#    own numbers are what a reader must return. R foreign cannot read this file.
pspp-convert "$OUT/pspp_mixed.por" "$TMP/mixed.sav"
readstat "$TMP/mixed.sav" "$OUT/readstat_mixed.por" >/dev/null

# 3. Reference values: R foreign::read.spss (PSPP's old pfm-read.c) on the files it reads.
Rscript "$TOOLS/por_reference.R" "$OUT/reference_foreign.json" "$OUT/pspp_mixed.por" "$OUT/pspp_many.por"
# 4. Exact values (Python fractions) of the numbers of the same files, correctly rounded.
/usr/bin/python3 "$TOOLS/por_exact.py" "$OUT/reference_exact.json" "$OUT/pspp_mixed.por" "$OUT/pspp_many.por" \
  "$OUT/readstat_mixed.por"

{
  echo "pspp: $(pspp --version | head -1)"
  echo "readstat: $(readstat --version 2>&1 | head -1)"
  echo "R: $(Rscript -e 'cat(R.version.string, "foreign", as.character(packageVersion("foreign")))')"
} > "$OUT/VERSIONS.txt"
ls -l "$OUT"
