#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md on this machine, pluralstats and pandas in the same run.
# Needs R (data.table, haven) for the data and Debian's python3-pandas for the peer.
#   bash tools/bench/run.sh [DIR]      (DIR: where the generated files go; default /tmp/pluralstats-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-/tmp/pluralstats-bench}"
[ -f "$dir/wave7-scale.csv" ] || Rscript tools/bench/generate.R "$dir"
[ -f "$dir/big-10m.csv" ] || Rscript tools/bench/generate_big.R "$dir"
mvn -q -B -DskipTests package
jar=pluralstats-cli/target/pluralstats-cli-0.1.0-SNAPSHOT-all.jar
java_read() { java -XX:+UseParallelGC -Xmx8g -cp "$jar" tools/bench/ReadBench.java "$@"; }
py=/usr/bin/python3
ten=Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $($py -c 'import pandas; print("pandas", pandas.__version__)')"
echo "## read everything (best of 3)"
for f in wave7-scale long; do
  java_read "$dir/$f.csv" all 3; $py tools/bench/pandas_bench.py "$dir/$f.csv" all 3
  java_read "$dir/$f.dta" all 3; $py tools/bench/pandas_bench.py "$dir/$f.dta" all 3
  java_read "$dir/$f.sav" all 3
done
echo "## read 10 variables (best of 3)"
for f in wave7-scale long; do
  java_read "$dir/$f.csv" $ten 3; $py tools/bench/pandas_bench.py "$dir/$f.csv" $ten 3
  java_read "$dir/$f.dta" $ten 3; $py tools/bench/pandas_bench.py "$dir/$f.dta" $ten 3
  java_read "$dir/$f.sav" $ten 3
done
echo "## peak heap: 10 variables of the 1,000,000 x 100 file with -Xmx256m"
for ext in csv sav dta; do
  java -XX:+UseParallelGC -Xmx256m -cp "$jar" tools/bench/ReadBench.java "$dir/long.$ext" $ten 1
done
echo "## scores: 250 items by country, language and globally (best of 3)"
java -XX:+UseParallelGC -Xmx8g -cp "$jar" tools/bench/VpsBench.java "$dir/wave7-scale.csv" 250 "$dir/vps-out" 3
$py tools/bench/pandas_vps.py "$dir/wave7-scale.csv" 250 "$dir/vps-out" 3
echo "## scores: 10,000,000 x 20 by country with -Xmx512m (vps --stream)"
/usr/bin/time -f "%e s elapsed, %M KB max resident" java -XX:+UseParallelGC -Xmx512m -jar "$jar" vps --data "$dir/big-10m.csv" \
  --rule paper --by B_COUNTRY_ALPHA --stream --format csv --out "$dir/vps-out/big.csv"
wc -l "$dir/vps-out/big.csv"
