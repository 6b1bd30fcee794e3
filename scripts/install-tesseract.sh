#!/usr/bin/env bash
# Make sure the Tesseract OCR engine is on PATH; install it from Debian's packages when we can.
set -eu
if command -v tesseract >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "phiscrub: installing tesseract-ocr (Debian package)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null
  command -v tesseract >/dev/null 2>&1 && exit 0
fi
cat >&2 <<'MSG'
phiscrub: the Tesseract OCR engine is not installed and could not be installed automatically.
Image scrubbing needs it (phiscrub fails closed without it). Install it with:

    sudo apt-get update && sudo apt-get install -y tesseract-ocr

(macOS: brew install tesseract), then run the command again.
MSG
exit 1
