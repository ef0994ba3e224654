#!/usr/bin/env bash
# Make sure the system tools the tests use are present. Installs them with apt-get when it can
# (Debian, as root); otherwise stops and says exactly what to install. Never skips silently.
set -euo pipefail
# command -> Debian package
declare -A NEED=(
  [chromium]=chromium
  [zbarimg]=zbar-tools
  [pdfinfo]=poppler-utils
  [pdftoppm]=poppler-utils
  [node]=nodejs
  [npm]=npm
  [java]=default-jre-headless   # runs the Nu HTML Checker (vnu-jar from npm) in tests/browser/test_valid_html.py
)
missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing test tools: $pkgs" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
  exit 0
fi
echo "Missing test tools. Install them, then run make test again:" >&2
echo "  sudo apt-get install $pkgs" >&2
exit 1
