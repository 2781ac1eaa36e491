#!/usr/bin/env bash
# Renders snowscope.svg to the PNG sizes installed in the hicolor icon theme and
# embedded in the application. The PNGs are committed, so only run this after
# editing the SVG. Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail

cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --output "snowscope-$size.png" snowscope.svg
done
