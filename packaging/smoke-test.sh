#!/usr/bin/env bash
# Smoke test of a built bundle: the bundle's own `demo` makes a database, `report pipeline`
# reads it as JSON, `screenshot` renders the board offscreen, and the GUI itself starts
# offscreen and keeps running for a second. Nothing from the source tree or a venv is used.
#   packaging/smoke-test.sh [dist/dealboard/dealboard]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exe="${1:-$root/dist/dealboard/dealboard}"
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
[ -x "$exe" ] || { echo "smoke: no bundle at $exe (run packaging/build-linux.sh)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private home: no settings or data folder of the user is read or written.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export QT_QPA_PLATFORM=offscreen
# Run from an empty folder without PYTHONPATH so a stray source tree cannot stand in.
unset PYTHONPATH PYTHONHOME
cd "$work"
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

echo "smoke: demo"
"$exe" demo --db "$work/demo.sqlite" --deals 300 --seed 7 || fail "demo exited $?"

echo "smoke: report pipeline --format json"
"$exe" report pipeline --db "$work/demo.sqlite" --format json -o "$work/pipeline.json" \
  || fail "report exited $?"
# Check the JSON with the bundle's own Python-free output: a stage list with counts.
grep -q '"stages"' "$work/pipeline.json" || fail "report has no stages: $(head -c 300 "$work/pipeline.json")"
grep -q '"count"' "$work/pipeline.json" || fail "report has no counts"
echo "smoke: $(wc -c < "$work/pipeline.json") bytes of JSON"

echo "smoke: bad input exits 2"
set +e
"$exe" report pipeline --db "$work/missing.sqlite" --format json >/dev/null 2>&1
rc=$?
set -e
[ "$rc" = 2 ] || fail "missing file gave exit $rc, not 2"

# Every view renders offscreen (the reports view loads pyqtgraph and numpy); a view that this
# version does not have yet is skipped, any other failure fails.
for view in board funnel companies reports; do
  set +e
  "$exe" screenshot --db "$work/demo.sqlite" --view "$view" --lang de --theme dark \
    --size 1280x800 -o "$work/$view.png" 2>"$work/$view.err"
  rc=$?
  set -e
  if [ "$rc" = 2 ] && grep -q "not available" "$work/$view.err"; then
    echo "smoke: screenshot $view: skipped (no such view in this build)"
    continue
  fi
  [ "$rc" = 0 ] || { cat "$work/$view.err" >&2; fail "screenshot $view exited $rc"; }
  # A view that catches its own import error still renders: its traceback gives it away.
  if grep -q "Traceback" "$work/$view.err"; then
    cat "$work/$view.err" >&2
    fail "screenshot $view printed a traceback"
  fi
  [ "$(head -c 8 "$work/$view.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
    || fail "screenshot $view is not a PNG"
  echo "smoke: screenshot $view: $(wc -c < "$work/$view.png") bytes"
done

echo "smoke: GUI offscreen for a second"
"$exe" --db "$work/demo.sqlite" >"$work/gui.log" 2>&1 &
pid=$!
sleep "${SMOKE_GUI_SECONDS:-3}"
if ! kill -0 "$pid" 2>/dev/null; then
  wait "$pid"; rc=$?
  cat "$work/gui.log" >&2
  fail "the GUI ended by itself (exit $rc)"
fi
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
if grep -Eiq "traceback|error" "$work/gui.log"; then
  cat "$work/gui.log" >&2
  fail "the GUI wrote errors"
fi

echo "smoke: OK"
