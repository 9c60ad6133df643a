#!/usr/bin/env bash
# Opens the HTML report in headless Chromium and fails when it does not render cleanly.
#
#   tools/render-check.sh [REPORT_DIR] [SCREENSHOT.png]
#
# REPORT_DIR defaults to pluralstats-report (what ./pluralstats report writes); the screenshot is
# written only when a path is given. Checks, in order:
#   1. index.html loads no external resource (no http(s) src/href/url()/@import; the SVG namespace
#      is not a resource) and no script;
#   2. Chromium renders it headless (--dump-dom) without a load error or console error, and the
#      rendered DOM holds every <svg> chart the page's source holds (or at least MIN_CHARTS when set) and
#      the closing </html>;
#   3. a screenshot (--screenshot) is written and is a non-trivial PNG.
# Chromium: $CHROMIUM, else chromium / chromium-browser / google-chrome on the PATH; when none is
# found and INSTALL_CHROMIUM is not 0, Debian's chromium is installed with apt-get (needs root and
# the package registry).
# Exit codes: 0 rendered cleanly; 1 a check failed; 3 no Chromium could be found or installed
# (callers treat 3 as "skipped").
set -euo pipefail

dir="${1:-pluralstats-report}"
shot="${2:-}"
page="$dir/index.html"
fail() { echo "render-check: FAIL: $*" >&2; exit 1; }

[ -f "$page" ] || fail "$page not found (run ./pluralstats report first)"

# 1. self-contained
if grep -Eio '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?(https?:)?//[^"'"'"' >]*' "$page" | head -5 | grep -q .; then
  grep -Eio '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?(https?:)?//[^"'"'"' >]*' "$page" | head -5 >&2
  fail "$page loads external resources"
fi
if grep -Eiq 'url\([[:space:]]*["'"'"']?(https?:)?//|@import|<script|<link[^>]+stylesheet' "$page"; then
  fail "$page has a script, a stylesheet link, an @import or a remote url()"
fi

# 2. find (or install) Chromium
find_chromium() {
  if [ -n "${CHROMIUM:-}" ] && command -v "$CHROMIUM" >/dev/null 2>&1; then command -v "$CHROMIUM"; return 0; fi
  for c in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}
if ! browser="$(find_chromium)"; then
  if [ "${INSTALL_CHROMIUM:-1}" != "0" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "render-check: installing chromium with apt-get ..." >&2
    if ! { timeout 120 apt-get update -q && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q chromium; } >&2; then
      echo "render-check: SKIPPED: chromium could not be installed (apt-get failed)" >&2
      exit 3
    fi
  fi
  if ! browser="$(find_chromium)"; then
    echo "render-check: SKIPPED: no chromium found (apt-get install chromium, or set CHROMIUM)" >&2
    exit 3
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$dir" && pwd)/index.html"
# no network for the page: every host name resolves to nothing
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
       --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0
       --virtual-time-budget=3000)

timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log" || {
  cat "$work/dom.log" >&2; fail "chromium --dump-dom failed"; }
grep -q '</html>' "$work/dom.html" || fail "the rendered DOM is incomplete"
charts="$(grep -o '<svg' "$work/dom.html" | wc -l)"
min_charts="${MIN_CHARTS:-$(grep -o '<svg' "$page" | wc -l)}"
[ "$charts" -ge "$min_charts" ] || fail "the rendered page has $charts charts, expected at least $min_charts"
if grep -Ei 'CONSOLE.*(error|Uncaught)|Failed to load resource|net::ERR_|Uncaught ' "$work/dom.log"; then
  fail "chromium reported errors while loading $page"
fi

# 3. screenshot
if [ -n "$shot" ]; then
  mkdir -p "$(dirname "$shot")"
  out="$(cd "$(dirname "$shot")" && pwd)/$(basename "$shot")"
  timeout 120 "$browser" "${flags[@]}" --window-size="${SHOT_SIZE:-1100,1900}" --screenshot="$out" "$url" \
    >"$work/shot.log" 2>&1 || { cat "$work/shot.log" >&2; fail "chromium --screenshot failed"; }
  [ -s "$out" ] || fail "no screenshot written"
  [ "$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$out is not a PNG"
  [ "$(wc -c <"$out")" -gt 20000 ] || fail "$out is suspiciously small (blank page?)"
  echo "render-check: screenshot $out" >&2
fi
echo "render-check: OK: $page renders in $("$browser" --version 2>/dev/null | head -1) with $charts charts, no errors"
