#!/usr/bin/env bash
# Builds the Teams app package artifacts/helpdeskbot-teams-app.zip from manifest/:
# manifest.json (placeholders substituted), en.json, color.png and outline.png at the zip root.
# Prints the zip's path on stdout (last line).
#
# Placeholders in manifest/*.json and the environment variables that fill them:
#   ${{BOT_ID}}        MICROSOFT_APP_ID (the bot's Entra app id); default: the local dev GUID below
#   ${{TEAMS_APP_ID}}  TEAMS_APP_ID; default: the same value as BOT_ID
#   ${{APP_VERSION}}   APP_VERSION; default: 1.0.0
# Options: -o FILE  write the zip somewhere else (default: <repo>/artifacts/helpdeskbot-teams-app.zip)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$repo/manifest"
out="$repo/artifacts/helpdeskbot-teams-app.zip"
while getopts "o:" opt; do
  case "$opt" in
    o) out="$OPTARG" ;;
    *) echo "usage: $0 [-o out.zip]" >&2; exit 2 ;;
  esac
done

dev_id="00000000-0000-0000-0000-000000000b07"
bot_id="${MICROSOFT_APP_ID:-$dev_id}"
app_id="${TEAMS_APP_ID:-$bot_id}"
version="${APP_VERSION:-1.0.0}"

guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
for pair in "MICROSOFT_APP_ID=$bot_id" "TEAMS_APP_ID=$app_id"; do
  if [[ ! "${pair#*=}" =~ $guid_re ]]; then
    echo "package-app: ${pair%%=*} is not a GUID: '${pair#*=}'" >&2
    exit 1
  fi
done
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "package-app: APP_VERSION must look like 1.2.3, got '$version'" >&2
  exit 1
fi

for f in manifest.json en.json color.png outline.png; do
  [[ -f "$src/$f" ]] || { echo "package-app: missing $src/$f" >&2; exit 1; }
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

for f in manifest.json en.json; do
  sed -e "s/\${{BOT_ID}}/$bot_id/g" \
      -e "s/\${{TEAMS_APP_ID}}/$app_id/g" \
      -e "s/\${{APP_VERSION}}/$version/g" \
      "$src/$f" > "$stage/$f"
  if grep -q '\${{' "$stage/$f"; then
    echo "package-app: unknown placeholder left in $f: $(grep -o '\${{[^}]*}}' "$stage/$f" | sort -u | tr '\n' ' ')" >&2
    exit 1
  fi
done
cp "$src/color.png" "$src/outline.png" "$stage/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$out" manifest.json en.json color.png outline.png)
else
  python3 - "$stage" "$out" <<'PY'
import sys, zipfile, os
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "en.json", "color.png", "outline.png"):
        z.write(os.path.join(stage, name), name)
PY
fi
echo "$out"
