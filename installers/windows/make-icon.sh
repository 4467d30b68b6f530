#!/usr/bin/env bash
# Makes installers/windows/limber.ico, the icon of the .exe files, their shortcuts and the
# installer, from config/icons/limber.svg: every size Windows asks for at 100-200% scaling.
# Run it after changing the SVG, and commit the result. Needs rsvg-convert and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=(16 20 24 32 40 48 64 256)
for s in "${sizes[@]}"; do rsvg-convert -w "$s" -h "$s" config/icons/limber.svg -o "$tmp/$s.png"; done
pngs=()
for s in "${sizes[@]}"; do pngs+=("$tmp/$s.png"); done
convert "${pngs[@]}" installers/windows/limber.ico
