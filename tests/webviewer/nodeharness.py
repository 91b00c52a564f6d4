"""Starts and always stops a real `kilima-node serve` for the web viewer's
tests: a fresh data directory, a kilima.json bound to 127.0.0.1 on a free
port (a new port when another test took it first), the first admin's
password read from the file the node writes, and helpers for the CLI."""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

PYDICOM_FILES = "/usr/lib/python3/dist-packages/pydicom/data/test_files"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, binary, http=None, imports=()):
        self.binary = binary
        self.tmp = tempfile.mkdtemp(prefix="kilima-webviewer-")
        self.data = os.path.join(self.tmp, "data")
        os.makedirs(self.data)
        self.http = dict(http or {})
        self.proc = None
        self.port = None
        self.output = ""
        for path in imports:
            self.cli("import", path)

    def cli(self, *args, check=True):
        r = subprocess.run([self.binary, "--data-dir", self.data, *args], capture_output=True, text=True, timeout=600)
        if check and r.returncode != 0:
            raise RuntimeError("kilima-node %s failed (%d): %s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
        return r

    def start(self):
        # A port can be taken between choosing and binding (parallel
        # tests): the node then says DICOMweb is off, and we try another.
        for _ in range(5):
            self.port = free_port()
            config = {"node": {"bindAddress": "127.0.0.1", "dicomPort": 0, "httpPort": self.port}, "http": self.http}
            with open(os.path.join(self.data, "kilima.json"), "w") as f:
                json.dump(config, f)
            log = open(os.path.join(self.tmp, "serve.log"), "w+")
            self.proc = subprocess.Popen([self.binary, "--data-dir", self.data, "serve"], stdout=log,
                                         stderr=subprocess.STDOUT, text=True)
            self.log = log
            while True:
                log.seek(0)
                self.output = log.read()
                if "DICOMweb on " in self.output and ("web viewer" in self.output):
                    return self
                if "DICOMweb is off" in self.output or self.proc.poll() is not None:
                    break
                time.sleep(0.1)
            out = self.output
            self.stop()
            self.output = out
        raise RuntimeError("kilima-node serve did not start:\n" + self.output)

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def admin_password(self):
        with open(os.path.join(self.data, "initial-admin-password")) as f:
            return f.read().strip()

    def share(self, study, expires):
        r = self.cli("share", study, "--expires", expires)
        lines = r.stdout.strip().splitlines()
        share_id = re.search(r"share ([0-9a-f]+) ", lines[0]).group(1)
        return share_id, lines[-1]

    def audit(self, *filters):
        return json.loads(self.cli("audit", "--json", *filters).stdout)

    def wait_for_audit(self, predicate, *filters):
        """The audit records once one satisfies `predicate`: the node
        writes its audit lines from a queue, a moment after the request."""
        deadline = time.monotonic() + 60
        while True:
            records = self.audit(*filters)
            if any(predicate(r) for r in records) or time.monotonic() > deadline:
                return records
            time.sleep(0.2)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def close(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def study_uid_of(path):
    """The Study Instance UID of a DICOM file, read with dcmdump (dcmtk)."""
    out = subprocess.run(["dcmdump", "+P", "0020,000d", path], capture_output=True, text=True, check=True).stdout
    return re.search(r"\[([0-9.]+)\]", out).group(1)
