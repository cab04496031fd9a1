#!/usr/bin/env bash
# Puts the MediaPipe face model into resources/models/: copied from ../shared/models when that
# folder exists, else downloaded from Google's official location. A file whose SHA-256 differs
# from the published model is refused and removed. The app never fetches a model at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
SHA=64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff
URL=https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task
dest=resources/models/face_landmarker.task
mkdir -p resources/models

ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$SHA" ]; }

if ok "$dest"; then exit 0; fi
tmp="$(mktemp "${dest}.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
if [ -f ../shared/models/face_landmarker.task ]; then
  cp ../shared/models/face_landmarker.task "$tmp"
else
  echo "setup: downloading the face model"
  curl -fsSL --retry 3 -o "$tmp" "$URL"
fi
if ! ok "$tmp"; then
  echo "setup: the face model's SHA-256 is wrong; refusing it (expected $SHA)" >&2
  exit 1
fi
mv "$tmp" "$dest"
trap - EXIT
echo "setup: face model installed and verified"
