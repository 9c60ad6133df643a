#!/usr/bin/env bash
# The reading benchmarks of docs/benchmarks.md ("Reading files", issue 3): pluralstats' readers called in
# process (ReadBench.java) and pandas (pandas_bench.py), best of 3, in the same run. The scoring
# benchmark against pandas, polars and DuckDB as whole processes (issue 12) is tools/bench/bench.sh.
# Needs R (data.table, haven) for the data and Debian's python3-pandas for the peer.
#   bash tools/bench/run.sh [DIR]      (DIR: where the generated files go; default /tmp/pluralstats-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-/tmp/pluralstats-bench}"
[ -f "$dir/wave7-scale.csv" ] || Rscript tools/bench/generate.R "$dir"
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
