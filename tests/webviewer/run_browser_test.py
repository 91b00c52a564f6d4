"""Starts a real `kilima-node serve` with the CT (and a second study from
pydicom's test files), makes a valid, a revoked and an expired share link,
and runs browser/viewer.test.mjs in Debian's Chromium. Exits 77 (CTest:
skipped) with the reason when Chromium, playwright-core, the OHIF package
or the CT is missing.

usage: run_browser_test.py PATH/TO/kilima-node CT_FOLDER"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nodeharness import PYDICOM_FILES, Node, study_uid_of  # noqa: E402

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))


def skip(why):
    print("SKIP: " + why)
    sys.exit(SKIP)


def main():
    binary, ct_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    chromium = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "") if p and os.access(p, os.X_OK)), None)
    if not chromium:
        skip("Chromium is not installed (apt-get install chromium, or installers/install-deps.sh)")
    node_js = shutil.which("node")
    if not node_js or not os.path.isfile(os.path.join(HERE, "browser", "node_modules", "playwright-core", "package.json")):
        skip("playwright-core is not installed in tests/webviewer/browser (installers/install-deps.sh runs npm ci there)")
    if not os.path.isdir(ct_dir) or not any(f.endswith(".dcm") for f in os.listdir(ct_dir)):
        skip("the CT test data is absent: " + ct_dir)
    other = os.path.join(PYDICOM_FILES, "MR_small.dcm")
    ct_file = os.path.join(ct_dir, sorted(f for f in os.listdir(ct_dir) if f.endswith(".dcm"))[0])

    with Node(binary, imports=[ct_dir, other]) as node:
        node.start()
        if "web viewer not installed" in node.output:
            skip("the OHIF Viewer package is not installed (installers/install-deps.sh installs @ohif/app 3.12.0)")
        ct_uid, other_uid = study_uid_of(ct_file), study_uid_of(other)
        _, share_url = node.share(ct_uid, "1h")
        revoked_id, revoked_url = node.share(ct_uid, "1h")
        node.cli("share", "revoke", revoked_id)
        _, expired_url = node.share(ct_uid, "1s")
        time.sleep(2)   # past the expired link's one second
        env = dict(os.environ, CHROMIUM=chromium, KILIMA_BASE=node.base, KILIMA_PASSWORD=node.admin_password(),
                   CT_UID=ct_uid, OTHER_UID=other_uid, CT_PATIENT="InVesalius", SHARE_URL=share_url,
                   REVOKED_URL=revoked_url, EXPIRED_URL=expired_url,
                   KILIMA_ARTIFACTS=os.environ.get("KILIMA_ARTIFACTS", tempfile.gettempdir()))
        r = subprocess.run([node_js, os.path.join(HERE, "browser", "viewer.test.mjs")], env=env, timeout=840)
        if r.returncode != 0:
            print("kilima-node serve's output:\n" + node.output[-4000:])
        return r.returncode


if __name__ == "__main__":
    sys.exit(main())
