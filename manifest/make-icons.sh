#!/usr/bin/env bash
# Regenerates color.png (192x192, white headset on the accent colour #0F6CBD, no transparency) and
# outline.png (32x32, white on transparent) with ImageMagick 6 (apt-get install imagemagick).
# Not run by the build: the PNGs are committed. The glyph is drawn as a white-on-black mask at 4x and
# downsampled (ImageMagick 6 closes stroked arcs, so the headband is an annulus, not a stroked arc).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

convert -size 768x768 xc:black \
  -fill white -draw "circle 384,350 384,129" \
  -fill black -draw "circle 384,350 384,179" \
  -fill black -draw "rectangle 0,350 767,767" \
  -fill white -draw "roundrectangle 140,300 264,510 46,46" \
  -fill white -draw "roundrectangle 504,300 628,510 46,46" \
  -fill white -draw "roundrectangle 352,590 470,650 30,30" \
  "$tmp/main.png"
# microphone boom: lower-right quarter of an annulus
convert -size 768x768 xc:black \
  -fill white -draw "circle 452,505 452,634" \
  -fill black -draw "circle 452,505 452,604" \
  -fill black -draw "rectangle 0,0 451,767" \
  -fill black -draw "rectangle 452,0 767,505" \
  "$tmp/boom.png"
convert "$tmp/main.png" "$tmp/boom.png" -compose lighten -composite "$tmp/mask.png"

convert -size 768x768 xc:'#0F6CBD' \
  \( -size 768x768 xc:white "$tmp/mask.png" -alpha off -compose copy_opacity -composite \) \
  -compose over -composite \
  -resize 192x192 -depth 8 -strip -define png:color-type=2 color.png

convert -size 768x768 xc:white "$tmp/mask.png" -alpha off -compose copy_opacity -composite \
  -resize 32x32 -channel RGB -evaluate set 100% +channel \
  -depth 8 -strip -define png:color-type=6 outline.png
