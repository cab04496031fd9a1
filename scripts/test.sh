#!/usr/bin/env bash
# The whole test suite from a fresh machine: installs everything (scripts/setup.sh), then runs
# lint, typecheck, the Electron build, unit tests, integration tests (real pcscd + vpcd) and the
# Playwright end-to-end tests in headless Chromium. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
exec node scripts/run-tests.mjs "$@"
