#!/usr/bin/env bash
# Installs what the Node checks need and runs them with node's test runner:
#   manifest.test.mjs  Teams app package (scripts/package-app.sh) against Microsoft's manifest schemas
#   cards.test.mjs     ../Tests/Cards/Golden/*.json rendered by the adaptivecards JS renderer in Chromium
#   e2e.test.mjs       the bot behind Microsoft 365 Agents Playground (needs a built solution; E2E_SKIP=1 skips)
#   approvals.test.mjs a change request through the Playground, each approver in their own seat (same needs)
# Usage: tests-e2e/run.sh [test files...]   (default: *.test.mjs). Idempotent; quiet unless something fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PLAYGROUND_VERSION=0.2.28
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
quiet() { "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "run.sh: failed: $*" >&2; exit 1; }; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: Chromium for Playwright, zip for the app package (package-app.sh falls back to python3).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v zip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || missing+=(zip)
if [ "${#missing[@]}" -gt 0 ]; then
  quiet as_root apt-get update
  quiet as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm packages from package-lock.json. `npm ci`/`npm install` prune what is not in the lock file, so the
# Playground (evaluation licence: never in package.json, never committed) is installed after them.
stamp=node_modules/.helpdesk-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  quiet npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
installed="$(node -p "try { require('./node_modules/@microsoft/m365agentsplayground/package.json').version } catch { '' }")"
if [ "$installed" != "$PLAYGROUND_VERSION" ]; then
  quiet npm install --no-save --no-audit --no-fund --loglevel=error "@microsoft/m365agentsplayground@$PLAYGROUND_VERSION"
fi

# Default: every *.test.mjs (manifest, cards, e2e, approvals; the two Playground runs one after the other).
if [ "$#" -eq 0 ]; then set -- *.test.mjs; fi
exec node --test --test-reporter=spec --test-concurrency=1 "$@"
