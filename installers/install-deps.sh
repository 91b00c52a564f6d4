#!/usr/bin/env bash
# Installs the Debian 12 packages Kilima needs to build, run and test.
# Idempotent: packages already present are skipped; apt-get update runs only
# when something is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libgl-dev
  libdcmtk-dev dcmtk
  libopenjp2-7-dev
  libsqlite3-dev libssl-dev zlib1g-dev
  python3-pydicom
  orthanc
  xvfb xauth
  libvtk9-dev libinsighttoolkit5-dev libgdcm-dev libqt6opengl6-dev qt6-svg-dev
  libcpp-httplib-dev orthanc-dicomweb libcurl4-openssl-dev
  qtkeychain-qt6-dev gnome-keyring dbus-x11
  awscli poppler-utils dicom3tools eatmydata
  libgdcm-tools python3-numpy fonts-noto-cjk xdotool
  clang libclang-rt-14-dev
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# s3rver (npm), the S3 endpoint of the cloud and routing tests, pinned by
# tests/cloud/s3rver/package-lock.json and installed into that folder only.
s3rver_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/cloud/s3rver"
if [ -f "$s3rver_dir/package-lock.json" ]; then
  if command -v npm >/dev/null 2>&1; then
    if [ -f "$s3rver_dir/node_modules/s3rver/bin/s3rver.js" ]; then
      echo "install-deps: s3rver present in tests/cloud/s3rver"
    else
      echo "install-deps: npm ci in tests/cloud/s3rver"
      (cd "$s3rver_dir" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
    fi
  else
    echo "install-deps: npm not found: the cloud tests will skip (they need s3rver)"
  fi
fi
