#!/usr/bin/env bash
# The benchmark of issue 12: pluralstats `vps` against pandas 3, polars and DuckDB, each run as a whole
# process (start-up included, as a user runs it), round-robin over the tools in every round, timed with
# /usr/bin/time (wall, peak RSS); every output is checked against pandas to 1e-12 after every round (a
# disagreement stops the run: a fast wrong answer cannot pass). Writes the table to docs/benchmarks.md
# between <!-- bench:begin --> and <!-- bench:end --> and prints it.
#
#   bash tools/bench/bench.sh                    # all jobs, 5 rounds (plus one untimed warm-up round)
#   ROUNDS=1 JOBS=a,c bash tools/bench/bench.sh  # a cheap smoke run
#
# Jobs (JOBS=a,b,c,d,e; default all):
#   a  vps of Q1..Q250 by country, wave7-scale.csv: pluralstats, pandas, polars, duckdb
#   b  the same from wave7-scale.sav and wave7-scale.dta (pluralstats)
#   c  vps of Q1..Q10 by country, wave7-scale.csv (pluralstats)
#   d  three groupings in one run (--by B_COUNTRY_ALPHA --by LNGE_ISO --by global) against one grouping:
#      pluralstats, and pandas, polars, duckdb doing the same three
#   e  big-10m.csv, Q1..Q20 by country, pluralstats with PLURALSTATS_JAVA_OPTS=-Xmx512m; the peers too
# Environment: ROUNDS (5), JOBS, WARMUP (1: one untimed round first; 0: none), DIR (data and results;
# /tmp/pluralstats-bench), BENCH_VENV (DIR/venv, made by setup-venv.sh), E_TOOLS (the tools of job e;
# "pluralstats polars duckdb pandas"), WRITE_DOC (1: write docs/benchmarks.md; 0: only print; default 1
# when ROUNDS >= 3, else 0),
# BUILD (1: mvn package first; 0: use the jar as it is).
# Needs R with data.table and haven to generate the data on first use (tools/bench/generate*.R).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dir="${DIR:-/tmp/pluralstats-bench}"
rounds="${ROUNDS:-5}"
jobs=",${JOBS:-a,b,c,d,e},"
warmup="${WARMUP:-1}"
venv="${BENCH_VENV:-$dir/venv}"
e_tools="${E_TOOLS:-pluralstats polars duckdb pandas}"
has() { [[ "$jobs" == *",$1,"* ]]; }
log() { echo "bench: $*" >&2; }

# --- data, build, peers -------------------------------------------------------------------------
mkdir -p "$dir"
if { has a || has b || has c || has d; } && { [ ! -f "$dir/wave7-scale.csv" ] || [ ! -f "$dir/wave7-scale.sav" ] || [ ! -f "$dir/wave7-scale.dta" ]; }; then
  log "generating wave7-scale.{csv,sav,dta} in $dir"; Rscript tools/bench/generate.R "$dir"
fi
if has e && [ ! -f "$dir/big-10m.csv" ]; then
  log "generating big-10m.csv in $dir"; Rscript tools/bench/generate_big.R "$dir"
fi
if [ "${BUILD:-1}" != "0" ]; then
  log "building the CLI"; mvn -B -o -q -DskipTests package >&2 || mvn -B -q -DskipTests package >&2
fi
./pluralstats --version >/dev/null   # builds if stale and makes the class-data archive, untimed
bash tools/bench/setup-venv.sh "$venv"
py="$venv/bin/python"
out="$dir/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
for n in 250 10 20; do
  "$py" -c "import json,sys; json.dump({'items': [{'id': f'Q{i}'} for i in range(1, $n + 1)]}, open(sys.argv[1], 'w'))" "$out/items-$n.json"
done
log "results in $out"

# --- the runs: job, tool, output, command (each a whole process) ----------------------------------
run_job=(); run_tool=(); run_out=(); run_cmd=()
add() { # JOB TOOL OUTPUT COMMAND...
  run_job+=("$1"); run_tool+=("$2"); run_out+=("$3"); shift 3
  run_cmd+=("$(printf '%q ' "$@")")
}
csv="$dir/wave7-scale.csv"
if has a; then
  add a pluralstats "$out/a-pluralstats.csv" ./pluralstats vps --data "$csv" --items "$out/items-250.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --format csv --out "$out/a-pluralstats.csv"
  for t in pandas polars duckdb; do add a "$t" "$out/a-$t.csv" "$py" "tools/bench/peer_$t.py" "$csv" 250 "$out/a-$t.csv" B_COUNTRY_ALPHA; done
fi
if has b; then
  for ext in sav dta; do
    add b "pluralstats .$ext" "$out/b-$ext.csv" ./pluralstats vps --data "$dir/wave7-scale.$ext" --items "$out/items-250.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --format csv --out "$out/b-$ext.csv"
  done
fi
if has c; then
  add c pluralstats "$out/c-pluralstats.csv" ./pluralstats vps --data "$csv" --items "$out/items-10.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --format csv --out "$out/c-pluralstats.csv"
fi
if has d; then
  has a || add d "pluralstats 1 grouping" "$out/d-pluralstats-1.csv" ./pluralstats vps --data "$csv" --items "$out/items-250.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --format csv --out "$out/d-pluralstats-1.csv"
  add d pluralstats "$out/d-pluralstats.csv" ./pluralstats vps --data "$csv" --items "$out/items-250.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --by LNGE_ISO --by global --format csv --out "$out/d-pluralstats.csv"
  for t in pandas polars duckdb; do add d "$t" "$out/d-$t.csv" "$py" "tools/bench/peer_$t.py" "$csv" 250 "$out/d-$t.csv" B_COUNTRY_ALPHA LNGE_ISO global; done
fi
if has e; then
  for t in $e_tools; do
    if [ "$t" = pluralstats ]; then
      add e pluralstats "$out/e-pluralstats.csv" env PLURALSTATS_JAVA_OPTS=-Xmx512m ./pluralstats vps --data "$dir/big-10m.csv" --items "$out/items-20.json" --rule paper --weight W_WEIGHT --by B_COUNTRY_ALPHA --format csv --out "$out/e-pluralstats.csv"
    else
      add e "$t" "$out/e-$t.csv" "$py" "tools/bench/peer_$t.py" "$dir/big-10m.csv" 20 "$out/e-$t.csv" B_COUNTRY_ALPHA
    fi
  done
fi
[ "${#run_job[@]}" -gt 0 ] || { log "no job in JOBS=$jobs"; exit 2; }

# The reference of every check: pandas' output of the same job; for b, c and d's one grouping (no pandas
# run) pandas' 250-item output of job a, made once untimed when a is not run.
ref_250="$out/a-pandas.csv"
if { has b || has c || has d; } && ! has a; then
  ref_250="$out/ref-pandas-250.csv"
  log "reference: pandas, 250 items by country (untimed)"
  "$py" tools/bench/peer_pandas.py "$csv" 250 "$ref_250" B_COUNTRY_ALPHA
fi
reference() { # JOB TOOL -> the reference file and compare.py's options
  [ "$2" != "pluralstats 1 grouping" ] || { echo "$ref_250"; return; }
  case "$1" in
    a) echo "$out/a-pandas.csv" ;;
    b) echo "$ref_250" ;;
    c) echo "--subset $ref_250" ;;
    d) echo "$out/d-pandas.csv" ;;
    e) if [[ " $e_tools " == *" pandas "* ]]; then echo "$out/e-pandas.csv"; else echo "$out/e-${e_tools%% *}.csv"; fi ;;
  esac
}

# --- rounds ---------------------------------------------------------------------------------------
results="$out/results.tsv"   # job, tool, round, wall s, peak RSS KB, exit status
notes="$out/notes.tsv"       # job, tool, note (not supported yet, failed, compare lines)
printf 'job\ttool\tround\twall_s\trss_kb\trc\n' > "$results"
for i in "${!run_job[@]}"; do printf '%s\t%s\n' "${run_job[$i]}" "${run_tool[$i]}"; done > "$out/plan.tsv"   # the table's row order
: > "$notes"
declare -A dead=()
failed=0
check_round() { # compares every output made in this round with its job's reference; stops on a disagreement
  local i j ref opts rc line
  for i in "${!run_job[@]}"; do
    j="${run_job[$i]}"
    [ -z "${dead[$i]:-}" ] || continue
    read -r -a ref <<< "$(reference "$j" "${run_tool[$i]}")"
    [ "${run_out[$i]}" != "${ref[-1]}" ] || continue
    if [ ! -s "${ref[-1]}" ]; then
      printf '%s\t%s\t%s\n' "$j" "${run_tool[$i]}" "unchecked: no reference output (${ref[-1]##*/})" >> "$notes"
      continue
    fi
    if [ "$j" = d ] && [ "${run_tool[$i]}" = pluralstats ] && ! head -1 "${run_out[$i]}" | grep -q '^grouping,'; then
      dead[$i]=1
      printf '%s\t%s\t%s\n' "$j" "${run_tool[$i]}" "not supported yet: the CSV has no grouping column (repeated --by not applied)" >> "$notes"
      log "d: pluralstats wrote no grouping column: repeated --by not supported yet"
      continue
    fi
    set +e
    line="$(cd "$out" && "$py" "$root/tools/bench/compare.py" --tol 1e-12 "${ref[@]:0:${#ref[@]}-1}" "${ref[-1]##*/}" "${run_out[$i]##*/}" 2>&1)"
    rc=$?
    set -e
    echo "$line" >&2
    if [ "$rc" -ne 0 ]; then
      printf '%s\t%s\t%s\n' "$j" "${run_tool[$i]}" "DISAGREES: $line" >> "$notes"
      log "job $j, ${run_tool[$i]}: the scores disagree with the reference; stopping (outputs in $out)"
      exit 1
    fi
    printf '%s\t%s\tcompare\t%s\n' "$j" "${run_tool[$i]}" "$line" >> "$notes"
  done
}
first=0; [ "$warmup" != "0" ] || first=1
for ((r = first; r <= rounds; r++)); do
  log "round $r of $rounds$([ "$r" = 0 ] && echo ' (warm-up, untimed)')"
  # every round starts one run further on, so that no tool always runs first (or right after another)
  n=${#run_job[@]}
  for ((k = 0; k < n; k++)); do
    i=$(( (k + r) % n ))
    [ -z "${dead[$i]:-}" ] || continue
    j="${run_job[$i]}"; t="${run_tool[$i]}"
    rm -f "${run_out[$i]}"
    set +e
    eval "/usr/bin/time -f '%e %M' -o \"\$out/time.txt\" ${run_cmd[$i]}" > "$out/run.log" 2>&1
    rc=$?
    set -e
    wall=; rss=
    read -r wall rss < <(tail -1 "$out/time.txt" 2>/dev/null) || true
    if [ "$rc" -ne 0 ] || [ ! -s "${run_out[$i]}" ]; then
      dead[$i]=1
      msg="$(grep -v -e '^Command exited with non-zero status' -e '^ *$' "$out/run.log" | head -1 | tr '\t' ' ')"
      if [ "$j" = d ] && [ "$t" = pluralstats ]; then
        printf '%s\t%s\t%s\n' "$j" "$t" "not supported yet: $msg" >> "$notes"
        log "d: pluralstats with three --by failed (not supported yet?): $msg"
      else
        printf '%s\t%s\t%s\n' "$j" "$t" "failed (exit $rc): $msg" >> "$notes"
        failed=1
        log "job $j, $t failed (exit $rc): $msg"
      fi
      continue
    fi
    [ "$r" = 0 ] || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$j" "$t" "$r" "$wall" "$rss" "$rc" >> "$results"
    log "  $j  $(printf '%-24s' "$t") ${wall} s  $((${rss:-0} / 1024)) MiB"
  done
  check_round
done

# --- the table ------------------------------------------------------------------------------------
# the issue asks for medians of at least 3 runs: a smoke run (ROUNDS < 3) only prints, unless WRITE_DOC=1
write_doc="${WRITE_DOC:-$([ "$rounds" -ge 3 ] && echo 1 || echo 0)}"
[ "$write_doc" != 0 ] || log "not writing docs/benchmarks.md (ROUNDS=$rounds < 3 or WRITE_DOC=0)"
machine="$(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB,"
machine+=" $(java -version 2>&1 | head -1 | sed 's/"//g'),"
machine+=" $("$py" -c 'import sys, pandas, polars, duckdb, pyarrow, numpy; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, polars {polars.__version__}, DuckDB {duckdb.__version__}, pyarrow {pyarrow.__version__}, NumPy {numpy.__version__}")'),"
machine+=" pluralstats $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- pluralstats-* pom.xml || echo '+changes'),"
machine+=" load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" tools/bench/report.py --plan "$out/plan.tsv" --results "$results" --notes "$notes" --rounds "$rounds" --warmup "$warmup" --machine "$machine" \
  --date "$(date -u '+%Y-%m-%d %H:%M UTC')" --doc "$([ "$write_doc" = 0 ] || echo docs/benchmarks.md)" | tee "$out/table.md"
[ "$failed" = 0 ] || { log "some runs failed (see the notes under the table)"; exit 1; }
