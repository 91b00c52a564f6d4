#!/bin/sh
# Screenshots for the user guide (docs/screenshots/): the main window with
# real studies, the viewer with a real CT, and the settings dialog. Renders
# under xvfb-run, so it works on a machine without a display.
#
#   installers/screenshots.sh [BUILD_DIR] [TESTDATA_DIR]
#
# BUILD_DIR defaults to build/release; TESTDATA_DIR to ../shared/testdata/dicom
# (public DICOM test data, see its MANIFEST.txt). Needs xvfb-run and dcmtk.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
data=${2:-$here/../shared/testdata/dicom}
out=$here/docs/screenshots
kilima=$build/app/workstation/kilima
node=$build/app/node/kilima-node
for f in "$kilima" "$node"; do
  [ -x "$f" ] || { echo "screenshots.sh: $f is missing: build it first (cmake --build $build --target kilima kilima-node)" >&2; exit 1; }
done
[ -d "$data" ] || { echo "screenshots.sh: no test data in $data" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$out"
# A private settings location: the screenshots never read the user's.
export XDG_CONFIG_HOME=$work/config
for d in ct_invesalius_0051 mr_fnndsc_sag_mprage mr_nih_ge_siemens; do
  [ -d "$data/$d" ] && "$node" --data-dir "$work/data" import "$data/$d" >/dev/null
done
first=$(find "$data/ct_invesalius_0051" -type f | head -1)
study=$(dcmdump +P StudyInstanceUID "$first" | sed -n 's/.*\[\(.*\)\].*/\1/p' | head -1)

run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$kilima" --data-dir "$work/data" --no-node "$@"; }
run --screenshot "$out/main-window.png" --screenshot-settings "$out/settings.png"
run --theme light --screenshot "$out/main-window-light.png"
run --language sw --screenshot "$out/main-window-sw.png"
if [ -n "$study" ]; then
  run --open-study "$study" --screenshot "$out/viewer.png"
fi
ls -l "$out"
