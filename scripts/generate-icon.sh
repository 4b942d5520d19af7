#!/bin/sh
# Renders the extension icon (docs/images/icon.png, 128x128) from docs/images/icon.svg with
# rsvg-convert (Debian: apt-get install librsvg2-bin). The PNG is committed; run this after
# editing the SVG.
set -eu
cd "$(dirname "$0")/.."
rsvg-convert --width 128 --height 128 --format png --output docs/images/icon.png docs/images/icon.svg
