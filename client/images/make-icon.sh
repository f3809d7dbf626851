#!/bin/sh
# Draws images/icon.png, the extension's 128×128 Marketplace icon (a shield with a keyhole: data kept where it
# belongs), with ImageMagick (`apt-get install imagemagick`). The PNG is committed; run this only to change it.
set -eu
cd "$(dirname "$0")"
convert -size 256x256 xc:none -fill '#1d3f72' -draw "roundrectangle 8,8 248,248 40,40" \
  -fill none -stroke white -strokewidth 14 \
  -draw "path 'M 128,40 L 204,70 L 204,132 C 204,180 170,210 128,226 C 86,210 52,180 52,132 L 52,70 Z'" \
  -stroke none -fill '#f5a623' -draw "circle 128,118 128,146" -draw "rectangle 120,140 136,180" \
  -resize 128x128 -strip icon.png
