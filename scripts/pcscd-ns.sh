#!/usr/bin/env bash
# Manual runs and demos on the real PC/SC stack without a reader: pcscd in a private network
# namespace whose loopback routes carry `quickack 1` (Debian's vpcd otherwise costs ~44 ms per
# APDU through delayed ACK), and the virtual CCCD inside that namespace in vpcd's first reader.
# Any PC/SC client on this machine (the kiosk, pcsc_scan, opensc-tool) then sees
# "Virtual PCD 00 00" with the card on it. Ctrl-C removes the card and stops pcscd.
#
#   sudo scripts/pcscd-ns.sh [--variant genuine|bac-only|cloned|...] [--citizen nhung|duc-anh]
#                            [--bitrate 424000 --turnaround 3] [--trace]
# Needs root (unshare -n, ip route), pcscd and vsmartcard-vpcd. Only one pcscd per machine.
set -euo pipefail
cd "$(dirname "$0")/.."

SOCKET=/run/pcscd/pcscd.comm
command -v pcscd >/dev/null || { echo "pcscd is not installed (apt-get install pcscd)" >&2; exit 1; }
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || { echo "vsmartcard-vpcd is not installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root: the namespace needs CAP_SYS_ADMIN and CAP_NET_ADMIN" >&2; exit 1; }

if [ -S "$SOCKET" ]; then
  # A socket nobody answers on is stale (pcscd died) and would block the start.
  if node -e "require('net').connect('$SOCKET').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then
    echo "a pcscd is already running on $SOCKET; stop it first (only one per machine)" >&2
    exit 1
  fi
  rm -f "$SOCKET"
fi

unshare -n sh -c '
  set -e
  ip link set lo up
  ip route replace table local local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 quickack 1
  ip route replace table local local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 quickack 1
  exec pcscd -f' &
PCSCD_PID=$!
cleanup() {
  [ -n "${CARD_PID:-}" ] && kill "$CARD_PID" 2>/dev/null || true
  kill "$PCSCD_PID" 2>/dev/null || true
  wait "$PCSCD_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 100); do [ -S "$SOCKET" ] && break; sleep 0.05; done
[ -S "$SOCKET" ] || { echo "pcscd did not start" >&2; exit 1; }
echo "pcscd pid $PCSCD_PID (namespaced, quickack loopback)" >&2

nsenter -t "$PCSCD_PID" -n node --import tsx electron/host/sim/virtual-cccd/cli.ts "$@" &
CARD_PID=$!
wait "$CARD_PID"
