#!/usr/bin/env bash
# Regenerates the README's Windows screenshots: limber-tray.exe's windows as Wine draws them,
# from the windows.tray test (tests/windows/tray_test.sh), which opens each one for real.
# Usage: docs/screenshots/windows/make-screenshots.sh (after installers/windows/build.sh --tests)
set -euo pipefail
cd "$(dirname "$0")/../../.."
build=${LIMBER_WINDOWS_BUILD:-build-windows}
rm -rf "$build/screenshots/windows"
tests/windows/run.sh -R '^windows\.tray$'
for name in welcome home popup summary settings card; do
  # A palette of 64 colours keeps them small; they are flat UI pictures.
  convert "$build/screenshots/windows/windows-$name.png" -colors 64 "docs/screenshots/windows/$name.png"
done
ls -l docs/screenshots/windows/*.png
