#!/usr/bin/env bash
# Installs the Debian packages the tests use, if missing: Chromium (card rendering, the Agents Playground run) and the
# real things the monitoring checks are tested against (restic, borg, ffmpeg, GStreamer's RTSP server, ping, openssl).
# Idempotent; needs root or sudo.
set -euo pipefail

packages="chromium restic borgbackup ffmpeg openssl iputils-ping gir1.2-gst-rtsp-server-1.0 python3-gst-1.0 gstreamer1.0-rtsp gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
missing=$(for p in $packages; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"; done)
[[ -z "$missing" ]] && exit 0

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
echo "Installing test dependencies: $(echo $missing)"
as_root apt-get update -qq
# shellcheck disable=SC2086
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
