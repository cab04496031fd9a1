#!/usr/bin/env bash
# The README's first command: installs everything once (scripts/setup.sh, re-run only when the
# lockfile or the set-up scripts change), then starts the kiosk. A live start stays live: with no
# card reader attached it says so and waits for one; the training mode with the virtual card is
# `npm run demo` (or `bash scripts/start.sh --demo`). Run it as the kiosk's ordinary user: set-up
# uses sudo for apt, and the live kiosk refuses to run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .cache/setup-done ] || [ ! -d node_modules ] || [ "$(cat .cache/setup-done)" != "$(bash scripts/setup-stamp.sh)" ]; then
  bash scripts/setup.sh
fi
exec npx tsx electron/cli/start.ts "$@"
