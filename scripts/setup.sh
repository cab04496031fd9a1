#!/usr/bin/env bash
# Installs everything the kiosk needs on a Debian/Ubuntu machine: system packages (apt), the npm
# dependencies (native modules built against this Node, Electron's binary download skipped) and
# the face model (verified by SHA-256). Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(build-essential python3 pkg-config pcscd libpcsclite-dev pcsc-tools vsmartcard-vpcd
  iproute2 util-linux chromium xvfb ffmpeg openssl ca-certificates curl poppler-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null; then
  echo "setup: Node.js 20.19+ is required and not installed (Debian's own nodejs is too old)." >&2
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("setup: Node.js "+process.versions.node+" is too old; 20.19+ needed"); process.exit(1) }'

# Electron's postinstall would download its binary from the internet; the browser shell runs without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# node-gyp builds native modules (better-sqlite3-multiple-ciphers, pcsclite) against the local Node headers.
npm_config_nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
export npm_config_nodedir

stamp=node_modules/.setup-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm dependencies (native modules compile; this takes a few minutes the first time)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

bash scripts/install-face-model.sh
mkdir -p .cache && bash scripts/setup-stamp.sh > .cache/setup-done
echo "setup: done"
