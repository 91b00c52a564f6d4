#!/usr/bin/env python3
"""Web viewer benchmark (issue 17): time to first image and full-series load
in OHIF 3.12 (headless Chromium) for the real CT (108 slices) and MR (192
slices) of shared/testdata/dicom, Kilima against Orthanc + orthanc-dicomweb
in the same run.

Targets, each started afresh for every trial (cold = first load after the
server's start in a fresh browser profile, warm = second load, same profile):
  kilima-proxy   bench/ohif_proxy.mjs -> kilima-node serve (HTTP Basic)
  orthanc-proxy  bench/ohif_proxy.mjs -> Orthanc + DICOMweb plugin (HTTP Basic)
  kilima-native  kilima-node's own /viewer (session sign-in)
The two proxy targets serve the same OHIF files and app-config.js from the
same kind of origin: only the DICOMweb backend differs. Both backends hold
the same files as stored (Kilima: `kilima-node import`; Orthanc: REST
POST /instances). Everything binds 127.0.0.1; a request of the browser to
anywhere else fails the run.

usage: bench/bench_ohif.py [--runs 3] [--node build/release/app/node/kilima-node]
Exits 77 with "SKIP: why" when Chromium, node + playwright-core, OHIF,
Orthanc, its DICOMweb plugin or the data are missing."""
import argparse
import base64
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "webviewer"))
from nodeharness import Node, free_port, study_uid_of  # noqa: E402

SKIP = 77
METRICS = [("firstImage", "first image"), ("full", "full series"),
           ("frameToImage", "first image − first /frames request"), ("framesPhase", "full − first /frames request")]
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "testdata", "dicom"))
SERIES = [("CT 108", "ct_invesalius_0051"), ("MR 192", "mr_fnndsc_sag_mprage")]
ORTHANC_USER, ORTHANC_PASSWORD = "bench", "bench-ohif-password"


def skip(why):
    print("SKIP: " + why)
    sys.exit(SKIP)


def ohif_dir():
    data = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    for d in (os.path.join(data, "kilima/ohif"), "/usr/local/share/kilima/ohif", "/usr/share/kilima/ohif"):
        if os.path.isfile(os.path.join(d, "index.html")):
            return d
    return None


def dicom_files(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".dcm"))


class Orthanc:
    """Orthanc + DICOMweb plugin on 127.0.0.1, storage kept across restarts."""

    def __init__(self, tmp, compression=True):
        self.compression = compression
        self.dir = os.path.join(tmp, "orthanc")
        os.makedirs(self.dir)
        self.proc = None
        self.port = None
        self.log = None

    def start(self):
        for _ in range(5):
            self.port = free_port()
            config = {
                "Name": "bench", "HttpPort": self.port, "DicomPort": free_port(), "RemoteAccessAllowed": False,
                "AuthenticationEnabled": True, "RegisteredUsers": {ORTHANC_USER: ORTHANC_PASSWORD},
                "StorageDirectory": os.path.join(self.dir, "storage"), "IndexDirectory": os.path.join(self.dir, "index"),
                "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
                "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
                "HttpCompressionEnabled": self.compression,
            }
            path = os.path.join(self.dir, "orthanc.json")
            with open(path, "w") as f:
                json.dump(config, f)
            self.log = open(os.path.join(self.dir, "orthanc.log"), "ab")
            self.proc = subprocess.Popen(["/usr/sbin/Orthanc", path], stdout=self.log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    self.get("/system")
                    return self
                except OSError:
                    time.sleep(0.1)
            self.stop()
        raise RuntimeError("Orthanc did not start (see %s/orthanc.log)" % self.dir)

    def request(self, method, path, body=None):
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=body, method=method)
        req.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % (ORTHANC_USER, ORTHANC_PASSWORD)).encode()).decode())
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.read()

    def get(self, path):
        return self.request("GET", path)

    def upload(self, files):
        for f in files:
            with open(f, "rb") as fh:
                self.request("POST", "/instances", fh.read())

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if self.log:
            self.log.close()
            self.log = None


class Proxy:
    def __init__(self, node_js, dist, backend, user, password):
        self.proc = subprocess.Popen([node_js, os.path.join(HERE, "ohif_proxy.mjs"), dist, backend, user, password],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("listening on "):
            self.stop()
            raise RuntimeError("the proxy did not start: " + line)
        self.origin = "http://127.0.0.1:%d" % int(line.split()[-1])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def cpu_seconds(pid):
    """User + system CPU time of a process so far."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def trial(node_js, chromium, origin, viewer_url, slices, login=None):
    env = dict(os.environ, CHROMIUM=chromium, ORIGIN=origin, VIEWER_URL=viewer_url, SLICES=str(slices))
    if login:
        env.update(LOGIN_USER=login[0], LOGIN_PASSWORD=login[1])
    r = subprocess.run([node_js, os.path.join(HERE, "bench_ohif.mjs")], env=env, capture_output=True, text=True, timeout=900)
    for line in r.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError("trial failed (%d): %s%s" % (r.returncode, r.stdout[-3000:], r.stderr[-3000:]))


def fmt_range(values, unit=" s", scale=1000.0, digits=2):
    lo, hi = min(values) / scale, max(values) / scale
    return ("%.*f%s" % (digits, lo, unit)) if abs(hi - lo) < 10 ** -digits else ("%.*f–%.*f%s" % (digits, lo, digits, hi, unit))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--node", default=os.path.join(ROOT, "build", "release", "app", "node", "kilima-node"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--series", default="all", help="CT, MR or all")
    ap.add_argument("--targets", default="kilima-proxy,orthanc-proxy,kilima-native")
    ap.add_argument("--json", help="write every trial's figures here")
    ap.add_argument("--orthanc-no-compression", action="store_true",
                    help="HttpCompressionEnabled false (Orthanc's default is true: it gzips every frame)")
    args = ap.parse_args()

    chromium = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "") if p and os.access(p, os.X_OK)), None)
    if not chromium:
        skip("Chromium is not installed (apt-get install chromium, or installers/install-deps.sh)")
    node_js = shutil.which("node")
    if not node_js or not os.path.isfile(os.path.join(ROOT, "tests", "webviewer", "browser", "node_modules", "playwright-core", "package.json")):
        skip("node or playwright-core is not installed (installers/install-deps.sh runs npm ci in tests/webviewer/browser)")
    dist = ohif_dir()
    if not dist:
        skip("the OHIF Viewer package is not installed (installers/install-deps.sh installs @ohif/app 3.12.0)")
    if not os.access("/usr/sbin/Orthanc", os.X_OK) or not os.path.isfile("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"):
        skip("Orthanc or its DICOMweb plugin is not installed (apt-get install orthanc orthanc-dicomweb)")
    if not os.access(args.node, os.X_OK):
        skip("kilima-node is not built: " + args.node)
    series = [(name, os.path.join(args.data, d)) for name, d in SERIES
              if args.series == "all" or name.split()[0].lower() == args.series.lower()]
    for name, d in series:
        if not os.path.isdir(d) or not dicom_files(d):
            skip("the test data is absent: " + d)
    targets = args.targets.split(",")

    tmp = tempfile.mkdtemp(prefix="kilima-bench-ohif-")
    node = orthanc = proxy = None
    results = {}   # (series, target, phase, metric) -> [ms per run]
    timelines = {}
    cpus = {}      # (series, target) -> [(server CPU s, proxy CPU s) per run]
    try:
        print("importing %s into Kilima and Orthanc…" % ", ".join(n for n, _ in series), flush=True)
        node = Node(args.node, http={"viewerDir": dist}, imports=[d for _, d in series])
        node.start()   # writes the first admin's password
        password = node.admin_password()
        node.stop()
        orthanc = Orthanc(tmp, compression=not args.orthanc_no_compression).start()
        for _, d in series:
            orthanc.upload(dicom_files(d))
        orthanc.stop()
        info = []
        for name, d in series:
            files = dicom_files(d)
            info.append((name, study_uid_of(files[0]), len(files)))

        for run in range(args.runs):
            for name, uid, slices in info:
                # Rotate the order of targets from run to run.
                order = targets[run % len(targets):] + targets[:run % len(targets)]
                for target in order:
                    try:
                        if target == "orthanc-proxy":
                            orthanc.start()
                            proxy = Proxy(node_js, dist, "http://127.0.0.1:%d" % orthanc.port, ORTHANC_USER, ORTHANC_PASSWORD)
                        else:
                            node.start()
                            if target == "kilima-proxy":
                                proxy = Proxy(node_js, dist, node.base, "admin", password)
                        server = orthanc.proc.pid if target == "orthanc-proxy" else node.proc.pid
                        cpu0 = cpu_seconds(server)
                        if proxy:
                            r = trial(node_js, chromium, proxy.origin, proxy.origin + "/viewer?StudyInstanceUIDs=" + uid, slices)
                        else:
                            r = trial(node_js, chromium, node.base, node.base + "/viewer/viewer?StudyInstanceUIDs=" + uid,
                                      slices, login=("admin", password))
                        # CPU the DICOMweb server spent on both loads (its start excluded).
                        r["serverCpu"] = cpu_seconds(server) - cpu0
                        r["proxyCpu"] = cpu_seconds(proxy.proc.pid) if proxy else 0.0
                    finally:
                        if proxy:
                            proxy.stop()
                            proxy = None
                        node.stop()
                        orthanc.stop()
                    for phase in ("cold", "warm"):
                        l = r[phase]
                        # The parts where the DICOMweb server is on the
                        # critical path: OHIF asks for no frame before its
                        # own chunks are loaded (QIDO and metadata are done
                        # well before that), so from the first /frames
                        # request to the first image, and the frames phase.
                        l["frameToImage"] = l["firstImage"] - l["kinds"]["frames"]["first"]
                        l["framesPhase"] = l["full"] - l["kinds"]["frames"]["first"]
                        for metric, _ in METRICS:
                            results.setdefault((name, target, phase, metric), []).append(l[metric])
                        timelines.setdefault((name, target, phase), []).append(r[phase])
                    cpus.setdefault((name, target), []).append((r["serverCpu"], r["proxyCpu"]))
                    print("run %d %s %-13s cold: first image %6.0f ms, full %6.0f ms | warm: first image %6.0f ms, full %6.0f ms"
                          " | server CPU %.2f s, proxy CPU %.2f s"
                          % (run + 1, name, target, r["cold"]["firstImage"], r["cold"]["full"],
                             r["warm"]["firstImage"], r["warm"]["full"], r["serverCpu"], r["proxyCpu"]), flush=True)
    finally:
        if proxy:
            proxy.stop()
        if node:
            node.close()
        if orthanc:
            orthanc.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"|".join(k): v for k, v in timelines.items()}, f, indent=1)

    print("\nOHIF 3.12 in headless Chromium, %d runs (range over runs; ratio per run, same run's Orthanc)" % args.runs)
    print("| series | load | metric | Kilima (proxy) | Orthanc (proxy) | Kilima / Orthanc | Kilima /viewer | /viewer / Orthanc |")
    print("|---|---|---|---|---|---|---|---|")
    for name, _, _ in info:
        for phase in ("cold", "warm"):
            for metric, label in METRICS:
                row = ["| %s | %s | %s" % (name, phase, label)]
                k = results.get((name, "kilima-proxy", phase, metric))
                o = results.get((name, "orthanc-proxy", phase, metric))
                n = results.get((name, "kilima-native", phase, metric))
                row.append(fmt_range(k) if k else "–")
                row.append(fmt_range(o) if o else "–")
                row.append(fmt_range([a / b for a, b in zip(k, o)], unit="×", scale=1) if k and o else "–")
                row.append(fmt_range(n) if n else "–")
                row.append(fmt_range([a / b for a, b in zip(n, o)], unit="×", scale=1) if n and o else "–")
                print(" | ".join(row) + " |")

    print("\nCPU seconds spent by the DICOMweb server over both loads (cold + warm; range over runs), and by the proxy")
    for (name, target), v in sorted(cpus.items()):
        print("%s %-13s server %s, proxy %s" % (name, target, fmt_range([a for a, _ in v], unit=" s", scale=1),
                                               fmt_range([b for _, b in v], unit=" s", scale=1)))

    print("\nRequest timeline (median run; ms after navigation: count, first start–last end, MB transferred)")
    for (name, target, phase), loads in sorted(timelines.items()):
        med = sorted(loads, key=lambda l: l["full"])[len(loads) // 2]
        parts = []
        for k in ("static", "config", "qido", "metadata", "frames", "rendered", "bulkdata"):
            s = med["kinds"].get(k)
            if s:
                parts.append("%s %d %.0f–%.0f %.1fMB" % (k, s["count"], s["first"], s["lastEnd"], s["bytes"] / 1e6))
        print("%s %-13s %s: DOMContentLoaded %.0f, first image %.0f, all loaded %.0f | %s"
              % (name, target, phase, med["domContentLoaded"] or 0, med["firstImage"], med["allLoaded"], "; ".join(parts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
