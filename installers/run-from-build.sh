#!/usr/bin/env bash
# Runs Limber from a build tree with the shipped defaults: limberd, and limber-tray when there
# is a display. Usage: installers/run-from-build.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
bin="$build/bin"
for p in limberd limber-tray; do
  [ -x "$bin/$p" ] || { echo "run-from-build: $bin/$p is missing; build first (cmake --build $build)" >&2; exit 1; }
done

"$bin/limberd" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true' EXIT

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  "$bin/limber-tray"
else
  echo "run-from-build: no display (DISPLAY and WAYLAND_DISPLAY are unset), so limber-tray is not started; running limberd alone" >&2
  wait "$daemon"
fi
