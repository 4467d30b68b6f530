#!/usr/bin/env bash
# Runs the Windows build's tests (installers/windows/build.sh --tests) under Wine: the same
# .exe files a user would run, in a private WINEPREFIX made fresh for the run, with a private
# Xvfb for the windows limberd makes (hidden, but Wine needs a display driver to make them).
# Nothing reaches the machine's own Wine prefix or desktop. Arguments go to ctest
# (tests/windows/run.sh -R windows.tray runs that test alone).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${LIMBER_WINDOWS_BUILD:-build-windows}
[ -x "$(command -v wine)" ] || { echo "windows: wine is not installed (installers/windows/build.sh --tests)" >&2; exit 1; }

export WINEPREFIX=$PWD/$build/wineprefix WINEARCH=win64 WINEDEBUG=-all
# No menu entries in the host's home, no offer to install Wine's .NET or HTML engines, and no
# debugger waiting on a program that crashed (the test sees the crash, and goes on).
export WINEDLLOVERRIDES="winemenubuilder.exe=d;winedbg.exe=d;mscoree=d;mshtml=d"
rm -rf "$WINEPREFIX"

fifo=$(mktemp -u)
mkfifo "$fifo"
Xvfb -displayfd 3 -noreset -screen 0 1024x768x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
xvfb=$!
read -r display <"$fifo"
rm -f "$fifo"
export DISPLAY=:$display
cleanup() {
  wineserver -k 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

wine wineboot -i >/dev/null 2>&1
wineserver -w
ctest --test-dir "$build" --output-on-failure -j"${LIMBER_TEST_JOBS:-$(nproc)}" "$@"
