"""The web viewer's sign-in over plain HTTP (http.client), against a real
`kilima-node serve`: login page, session cookie attributes, CSRF, sign-out,
idle and absolute expiry, lockout, share links restricted to one study,
and the viewer's static files (types, ETag, caching, no traversal).

usage: test_websession.py PATH/TO/kilima-node"""
import http.client
import json
import os
import re
import ssl
import subprocess
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nodeharness import PYDICOM_FILES, Node, study_uid_of  # noqa: E402

NODE = None
CT = os.path.join(PYDICOM_FILES, "CT_small.dcm")
MR = os.path.join(PYDICOM_FILES, "MR_small.dcm")


def request(node, method, path, body=None, headers=None, tls_context=None):
    if tls_context:
        c = http.client.HTTPSConnection("127.0.0.1", node.port, timeout=60, context=tls_context)
    else:
        c = http.client.HTTPConnection("127.0.0.1", node.port, timeout=60)
    h = {"Host": "127.0.0.1:%d" % node.port}
    h.update(headers or {})
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r, data


def login(node, user, password, headers=None, tls_context=None):
    body = urllib.parse.urlencode({"username": user, "password": password})
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    h.update(headers or {})
    return request(node, "POST", "/login?next=%2Fviewer%2F", body, h, tls_context)


def session_cookie(response):
    for name, value in response.getheaders():
        if name.lower() == "set-cookie" and value.startswith("kilima_session="):
            return value
    return None


def cookie_header(set_cookie):
    return {"Cookie": set_cookie.split(";")[0]}


def make_viewer_dir(root):
    """A stand-in for OHIF's dist/: an index, a content-hashed bundle, a
    plain file, and a link that leads out of the folder."""
    d = os.path.join(root, "viewer")
    os.makedirs(os.path.join(d, "assets"))
    with open(os.path.join(d, "index.html"), "w") as f:
        f.write("<!doctype html><html><head><script>window.PUBLIC_URL = '/';</script>"
                "<script src=\"/app-config.js\"></script><script defer src=\"/app.bundle.0123456789abcdef0123.js\"></script>"
                "</head><body><div id=\"root\"></div></body></html>")
    with open(os.path.join(d, "app.bundle.0123456789abcdef0123.js"), "w") as f:
        f.write("console.log('bundle');\n" * 500)
    with open(os.path.join(d, "manifest.json"), "w") as f:
        f.write('{"name": "viewer"}')
    with open(os.path.join(d, "17dd54813d5acc10bf8f.wasm"), "wb") as f:
        f.write(b"\0asm" + bytes(100))
    with open(os.path.join(root, "secret.txt"), "w") as f:
        f.write("outside the viewer folder")
    os.symlink(os.path.join(root, "secret.txt"), os.path.join(d, "assets", "link.txt"))
    return d


class WebSession(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.node = Node(NODE, imports=[CT, MR])
        cls.viewer = make_viewer_dir(cls.node.tmp)
        cls.node.http = {"viewerDir": cls.viewer}
        cls.node.start()
        cls.password = cls.node.admin_password()
        cls.ct = study_uid_of(CT)
        cls.mr = study_uid_of(MR)
        assert cls.ct != cls.mr

    @classmethod
    def tearDownClass(cls):
        cls.node.close()

    def signed_in(self):
        r, _ = login(self.node, "admin", self.password)
        self.assertEqual(r.status, 303)
        return cookie_header(session_cookie(r))

    def test_serve_printsTheViewerAddress(self):
        self.assertIn("web viewer on %s/viewer/" % self.node.base, self.node.output)

    def test_viewerPage_withoutSession_redirectsToLogin(self):
        r, _ = request(self.node, "GET", "/viewer/viewer?StudyInstanceUIDs=%s" % self.ct)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.getheader("Location"), "/login?next=" + urllib.parse.quote("/viewer/viewer?StudyInstanceUIDs=%s" % self.ct, safe=""))
        r, body = request(self.node, "GET", "/login")
        self.assertEqual(r.status, 200)
        self.assertIn(b'name="password"', body)
        self.assertIn("default-src 'none'", r.getheader("Content-Security-Policy"))
        # The page the browser wanted, query and all, is where sign-in leads.
        wanted = "/viewer/viewer?StudyInstanceUIDs=%s&seriesInstanceUID=1.2" % self.ct
        r, _ = request(self.node, "GET", wanted)
        r, body = request(self.node, "GET", r.getheader("Location"))
        action = re.search(rb'action="([^"]+)"', body).group(1).decode().replace("&amp;", "&")
        r, _ = request(self.node, "POST", action, urllib.parse.urlencode({"username": "admin", "password": self.password}),
                       {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual((r.status, r.getheader("Location")), (303, wanted))

    def test_login_setsStrictHttpOnlyCookie_andRedirectsToNext(self):
        r, _ = login(self.node, "admin", self.password)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.getheader("Location"), "/viewer/")
        c = session_cookie(r)
        attrs = [a.strip() for a in c.split(";")]
        self.assertIn("HttpOnly", attrs)
        self.assertIn("SameSite=Strict", attrs)
        self.assertIn("Path=/", attrs)
        self.assertNotIn("Secure", attrs)   # plain HTTP here; see the HTTPS case
        self.assertGreaterEqual(len(attrs[0]) - len("kilima_session="), 43)   # 256 random bits
        r, body = request(self.node, "GET", "/dicom-web/studies", headers=cookie_header(c))
        self.assertEqual(r.status, 200)
        found = {s["0020000D"]["Value"][0] for s in json.loads(body)}
        self.assertEqual(found, {self.ct, self.mr})

    def test_login_refusesWrongPassword_foreignOrigin_andOpenRedirect(self):
        r, body = login(self.node, "admin", "not the password")
        self.assertEqual(r.status, 401)
        self.assertIsNone(session_cookie(r))
        self.assertIn(b"Wrong user name or password", body)
        r, _ = login(self.node, "admin", self.password, {"Origin": "http://evil.example"})
        self.assertEqual(r.status, 403)
        self.assertIsNone(session_cookie(r))
        body = urllib.parse.urlencode({"username": "admin", "password": self.password})
        r, _ = request(self.node, "POST", "/login?next=//evil.example/x", body,
                       {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.getheader("Location"), "/viewer/")

    def test_credentialsNeverInUrl(self):
        # A form sent as a query string is not a sign-in.
        q = urllib.parse.urlencode({"username": "admin", "password": self.password})
        r, _ = request(self.node, "GET", "/login?" + q)
        self.assertIsNone(session_cookie(r))
        r, _ = request(self.node, "POST", "/login?" + q, "", {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertIsNone(session_cookie(r))

    def test_stateChanges_needCsrfTokenOrSameOrigin(self):
        cookie = self.signed_in()
        with open(CT, "rb") as f:
            part = f.read()
        boundary = "kilimaBoundary"
        body = (b"--" + boundary.encode() + b"\r\nContent-Type: application/dicom\r\n\r\n" + part +
                b"\r\n--" + boundary.encode() + b"--\r\n")
        stow = {"Content-Type": 'multipart/related; type="application/dicom"; boundary=%s' % boundary}
        stow.update(cookie)
        r, _ = request(self.node, "POST", "/dicom-web/studies", body, stow)
        self.assertEqual(r.status, 403)
        r, _ = request(self.node, "POST", "/dicom-web/studies", body, dict(stow, Origin="http://evil.example"))
        self.assertEqual(r.status, 403)
        r, info = request(self.node, "GET", "/session", headers=cookie)
        self.assertEqual(r.status, 200)
        token = json.loads(info)["csrfToken"]
        r, _ = request(self.node, "POST", "/dicom-web/studies", body, dict(stow, **{"X-CSRF-Token": token}))
        self.assertEqual(r.status, 200)
        r, _ = request(self.node, "POST", "/dicom-web/studies", body, dict(stow, Origin=self.node.base))
        self.assertEqual(r.status, 200)

    def test_logout_endsTheSession(self):
        cookie = self.signed_in()
        r, _ = request(self.node, "POST", "/logout", "", dict(cookie, **{"Content-Type": "application/x-www-form-urlencoded"}))
        self.assertEqual(r.status, 403)   # no token, no Origin: a cross-site form could do this
        _, info = request(self.node, "GET", "/session", headers=cookie)
        token = json.loads(info)["csrfToken"]
        r, _ = request(self.node, "POST", "/logout", "csrf=" + token,
                       dict(cookie, **{"Content-Type": "application/x-www-form-urlencoded"}))
        self.assertEqual(r.status, 303)
        self.assertIn("Max-Age=0", session_cookie(r))
        r, _ = request(self.node, "GET", "/dicom-web/studies", headers=cookie)
        self.assertEqual(r.status, 401)
        self.assertIsNone(r.getheader("WWW-Authenticate"))   # no browser password box

    def test_browserReads_areAuditedAsTheUser(self):
        cookie = self.signed_in()
        r, _ = request(self.node, "GET", "/dicom-web/studies/%s/metadata" % self.mr, headers=cookie)
        self.assertEqual(r.status, 200)
        records = self.node.wait_for_audit(lambda a: True, "--actor", "admin", "--study", self.mr)
        self.assertTrue(records, "no audit record of admin reading the study")

    def test_shareLink_opensOneStudyOnly(self):
        share_id, link = self.node.share(self.ct, "1h")
        self.assertTrue(link.startswith(self.node.base + "/share/"), link)
        path = urllib.parse.urlparse(link).path
        r, body = request(self.node, "GET", path)
        self.assertEqual(r.status, 200)
        self.assertIn(("/viewer/viewer?StudyInstanceUIDs=" + self.ct).encode(), body)
        self.assertEqual(r.getheader("Referrer-Policy"), "no-referrer")
        cookie = cookie_header(session_cookie(r))
        r, body = request(self.node, "GET", "/dicom-web/studies", headers=cookie)
        self.assertEqual(r.status, 200)
        self.assertEqual([s["0020000D"]["Value"][0] for s in json.loads(body)], [self.ct])
        r, body = request(self.node, "GET", "/dicom-web/series", headers=cookie)
        self.assertEqual(r.status, 200)
        self.assertNotIn(self.mr.encode(), body)
        for refused in ["/dicom-web/studies?StudyInstanceUID=%s" % self.mr,
                        "/dicom-web/studies/%s/metadata" % self.mr,
                        "/dicom-web/studies/%s/series" % self.mr,
                        "/dicom-web/studies/%s" % self.mr,
                        "/wado?requestType=WADO&studyUID=%s&seriesUID=1.2&objectUID=1.3" % self.mr]:
            r, body = request(self.node, "GET", refused, headers=cookie)
            self.assertEqual(r.status, 403, refused)
            self.assertNotIn(self.mr.encode(), body.replace(refused.encode(), b""))
        r, _ = request(self.node, "GET", "/dicom-web/studies/%s/metadata" % self.ct, headers=cookie)
        self.assertEqual(r.status, 200)
        r, _ = request(self.node, "POST", "/dicom-web/studies", b"", dict(cookie, Origin=self.node.base))
        self.assertEqual(r.status, 403)
        opened = lambda a: a["action"] == "share link" and a["outcome"] == "success" and a["study"] == self.ct
        self.assertTrue(any(opened(a) for a in self.node.wait_for_audit(opened, "--actor", "share:" + share_id)))
        denied = lambda a: a["outcome"] == "denied"
        self.assertTrue(any(denied(a) for a in self.node.wait_for_audit(denied, "--actor", "share:" + share_id)))
        read = lambda a: a["study"] == self.ct and a["action"] != "share link"
        self.assertTrue(any(read(a) for a in self.node.wait_for_audit(read, "--actor", "share:" + share_id)),
                        "the shared study's retrieval is not audited as the share")
        self.assertIn("active", self.node.cli("share", "list").stdout)
        # Revoked: the link and the sessions it opened end at once.
        self.node.cli("share", "revoke", share_id)
        r, _ = request(self.node, "GET", "/dicom-web/studies", headers=cookie)
        self.assertEqual(r.status, 401)
        r, body = request(self.node, "GET", path)
        self.assertEqual(r.status, 404)
        self.assertIsNone(session_cookie(r))
        self.assertIn("revoked", self.node.cli("share", "list").stdout)

    def test_expiredShareLink_opensNothing(self):
        _, link = self.node.share(self.ct, "1s")
        time.sleep(2)
        r, _ = request(self.node, "GET", urllib.parse.urlparse(link).path)
        self.assertEqual(r.status, 404)
        self.assertIsNone(session_cookie(r))
        r, _ = request(self.node, "GET", "/share/" + "A" * 43)
        self.assertEqual(r.status, 404)

    def test_share_cliRefusesBadInput(self):
        r = self.node.cli("share", self.ct, "--expires", "7 weeks", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("unit", r.stderr)
        r = self.node.cli("share", "1.2.3.4", "--expires", "1d", check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no study", r.stderr)

    def test_viewerFiles_typesCachingAndNoTraversal(self):
        cookie = self.signed_in()
        r, body = request(self.node, "GET", "/viewer/viewer?StudyInstanceUIDs=%s" % self.ct, headers=cookie)
        self.assertEqual(r.status, 200)
        self.assertIn(b"window.PUBLIC_URL = '/viewer/'", body)
        self.assertIn(b'src="/viewer/app.bundle.0123456789abcdef0123.js"', body)
        r, body = request(self.node, "GET", "/viewer/app-config.js")
        self.assertEqual(r.status, 200)
        self.assertIn(b"routerBasename: '/viewer'", body)
        self.assertIsNone(re.search(rb"https?://", body), "app-config.js names another server")
        r, body = request(self.node, "GET", "/viewer/app.bundle.0123456789abcdef0123.js", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("text/javascript"))
        self.assertIn("immutable", r.getheader("Cache-Control"))
        self.assertEqual(r.getheader("Content-Encoding"), "gzip")
        etag = r.getheader("ETag")
        r, _ = request(self.node, "GET", "/viewer/app.bundle.0123456789abcdef0123.js", headers={"If-None-Match": etag})
        self.assertEqual(r.status, 304)
        r, _ = request(self.node, "GET", "/viewer/manifest.json")
        self.assertEqual((r.status, r.getheader("Cache-Control")), (200, "no-cache"))
        r, _ = request(self.node, "GET", "/viewer/17dd54813d5acc10bf8f.wasm")
        self.assertEqual(r.getheader("Content-Type"), "application/wasm")
        for bad in ["/viewer/../data/kilima.json", "/viewer/%2e%2e/data/kilima.json", "/viewer/..%2fsecret.txt",
                    "/viewer/assets/link.txt", "/viewer/missing.js"]:
            r, body = request(self.node, "GET", bad, headers=cookie)
            self.assertIn(r.status, (400, 404), bad)
            self.assertNotIn(b"outside the viewer folder", body)
            self.assertNotIn(b"httpPort", body)

    def test_zz_lockout_appliesToTheLoginPage(self):
        # Last in name order: it locks 127.0.0.1 out for a minute.
        # Other cases failed a few sign-ins already: 429 comes within ten.
        statuses = []
        while len(statuses) < 10 and 429 not in statuses:
            statuses.append(login(self.node, "admin", "wrong password %d" % len(statuses))[0].status)
        self.assertEqual(statuses[-1], 429, statuses)
        self.assertEqual(set(statuses[:-1]), {401})
        r, body = login(self.node, "admin", self.password)
        self.assertEqual(r.status, 429)
        self.assertIsNone(session_cookie(r))


class Expiry(unittest.TestCase):
    def expired_after_wait(self, http, keep_active):
        with Node(NODE, http=http) as node:
            node.start()
            r, _ = login(node, "admin", node.admin_password())
            cookie = cookie_header(session_cookie(r))
            r, _ = request(node, "GET", "/dicom-web/studies", headers=cookie)
            self.assertEqual(r.status, 200)
            for _ in range(4):
                time.sleep(1)
                if keep_active:
                    request(node, "GET", "/dicom-web/studies", headers=cookie)
            r, _ = request(node, "GET", "/dicom-web/studies", headers=cookie)
            return r.status

    def test_idleSession_expires(self):
        self.assertEqual(self.expired_after_wait({"sessionIdleSeconds": 2}, keep_active=False), 401)

    def test_activeSession_expiresAtItsAbsoluteLimit(self):
        # Requests every second keep it from idling out (idle limit 3600 s);
        # the absolute limit (3 s) ends it all the same.
        self.assertEqual(self.expired_after_wait({"sessionMaxSeconds": 3}, keep_active=True), 401)


class NotInstalledAndHttps(unittest.TestCase):
    def test_withoutOhif_viewerSaysHowToInstall_andDicomwebRuns(self):
        with Node(NODE) as node:
            os.makedirs(os.path.join(node.tmp, "empty"))
            node.http = {"viewerDir": os.path.join(node.tmp, "empty")}
            node.start()
            self.assertIn("web viewer not installed", node.output)
            r, body = request(node, "GET", "/viewer/")
            self.assertEqual(r.status, 404)
            self.assertIn(b"install-deps.sh", body)
            self.assertIn(b"@ohif/app@3.12.0", body)
            r, _ = request(node, "GET", "/dicom-web/studies")
            self.assertEqual(r.status, 401)

    def test_https_cookieIsSecure(self):
        with Node(NODE) as node:
            cert, key = os.path.join(node.tmp, "cert.pem"), os.path.join(node.tmp, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                            "/CN=127.0.0.1", "-keyout", key, "-out", cert], check=True, capture_output=True)
            node.http = {"tls": True, "certificateFile": cert, "privateKeyFile": key}
            node.start()
            ctx = ssl.create_default_context(cafile=cert)
            ctx.check_hostname = False
            r, _ = login(node, "admin", node.admin_password(), tls_context=ctx)
            self.assertEqual(r.status, 303)
            attrs = [a.strip() for a in session_cookie(r).split(";")]
            self.assertIn("Secure", attrs)
            self.assertIn("HttpOnly", attrs)


if __name__ == "__main__":
    NODE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
