#!/usr/bin/env bash
# Runs a JShell script headless and fails when JShell reports any error, exception or warning
# (JShell itself exits 0 after errors in a script, so its output is what tells).
#
#   tools/jshell-check.sh [SCRIPT]        default: docs/notebook.jsh, run as ./pluralstats jshell -q < SCRIPT
#
# The script is JShell's standard input (so evaluated values print, as when pasted) and must end with
# /exit on its own line.
set -uo pipefail
cd "$(dirname "$0")/.."
script="${1:-docs/notebook.jsh}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
./pluralstats jshell -q <"$script" >"$log" 2>&1
rc=$?
cat "$log"
pattern='^(\|[[:space:]]+)?(Error|Exception|Caused by|Warning)([[:space:]:]|$)|^[[:space:]]*(\|[[:space:]]+)?at [^ ]+ ?\(|Exception in thread'
if [ "$rc" -ne 0 ] || grep -Eq "$pattern" "$log"; then
  echo "jshell-check: FAIL: $script (exit $rc):" >&2
  grep -En "$pattern" "$log" | head -20 >&2
  exit 1
fi
grep -Eq '^/exit[[:space:]]*$' "$script" || { echo "jshell-check: FAIL: $script does not end with /exit" >&2; exit 1; }
echo "jshell-check: OK: $script ran without errors"
