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
  libgdcm-tools python3-numpy fonts-noto-cjk xdotool libfreetype-dev libfontconfig-dev
  clang libclang-rt-14-dev
  nodejs
  chromium
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

# playwright-core (npm), which drives Debian's Chromium in the web viewer's
# browser test, pinned by tests/webviewer/browser/package-lock.json and
# installed into that folder only.
browser_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/webviewer/browser"
if [ -f "$browser_dir/package-lock.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-deps: npm not found: the web viewer's browser test will skip (it needs playwright-core)"
  elif [ -f "$browser_dir/node_modules/playwright-core/package.json" ]; then
    echo "install-deps: playwright-core present in tests/webviewer/browser"
  else
    echo "install-deps: npm ci in tests/webviewer/browser"
    (cd "$browser_dir" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
  fi
fi

# The web viewer the node serves at /viewer (docs/webviewer.md): the built
# dist/ of the npm package @ohif/app (MIT), pinned, unpacked OUTSIDE the
# source tree where kilima-node looks by default (http.viewerDir).
ohif_version=3.12.0
if [ "$(id -u)" -eq 0 ]; then
  ohif_dir=/usr/local/share/kilima/ohif
else
  ohif_dir="${XDG_DATA_HOME:-$HOME/.local/share}/kilima/ohif"
fi
if [ -f "$ohif_dir/index.html" ] && [ "$(cat "$ohif_dir/.kilima-ohif-version" 2>/dev/null)" = "$ohif_version" ]; then
  echo "install-deps: OHIF Viewer $ohif_version present in $ohif_dir"
elif ! command -v npm >/dev/null 2>&1; then
  echo "install-deps: npm not found: the node's /viewer will say how to install the web viewer"
else
  echo "install-deps: installing OHIF Viewer $ohif_version (npm @ohif/app) into $ohif_dir"
  ohif_tmp="$(mktemp -d)"
  # npm pack checks the tarball against the registry's integrity hash.
  if (cd "$ohif_tmp" && npm pack --silent "@ohif/app@$ohif_version" >/dev/null); then
    mkdir -p "$(dirname "$ohif_dir")"
    rm -rf "$ohif_dir.new" && mkdir -p "$ohif_dir.new"
    tar -xzf "$ohif_tmp"/ohif-app-"$ohif_version".tgz -C "$ohif_dir.new" --strip-components=2 package/dist
    tar -xzf "$ohif_tmp"/ohif-app-"$ohif_version".tgz -C "$ohif_dir.new" --strip-components=1 package/LICENSE
    echo "$ohif_version" > "$ohif_dir.new/.kilima-ohif-version"
    rm -rf "$ohif_dir" && mv "$ohif_dir.new" "$ohif_dir"
  else
    echo "install-deps: npm pack @ohif/app@$ohif_version failed: /viewer will say how to install it"
  fi
  rm -rf "$ohif_tmp"
fi
