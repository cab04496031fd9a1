#!/usr/bin/env bash
# Prints the fingerprint of what set-up installs from: the lockfile, the set-up scripts and Node's
# version. scripts/setup.sh records it when it finishes; scripts/start.sh re-runs set-up only when
# it changed (set-up once, not on every start).
set -euo pipefail
cd "$(dirname "$0")/.."
{ cat package-lock.json scripts/setup.sh scripts/install-face-model.sh; node --version; } | sha256sum | cut -d' ' -f1
