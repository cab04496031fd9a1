#!/usr/bin/env bash
# Installs everything (scripts/setup.sh) and starts the kiosk: Electron when its binary is
# installed, else the browser shell. With no card reader attached it starts in demo / training
# mode with the virtual card. Pass --demo to force demo mode.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npx tsx electron/cli/start.ts --auto-demo "$@"
