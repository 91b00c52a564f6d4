#!/usr/bin/env python3
# DICOMweb checks over Python's http.client on keep-alive connections, driven
# by tst_webroutes: an independent client (not curl, not Kilima's own) so that
# framing bugs cannot hide behind one implementation's tolerance.
# Usage: webclient.py PORT AUTH CHECK [ARGS...]; prints "FAIL: ..." lines and
# exits 1 when a check fails, 0 when all pass.
import http.client
import json
import sys

port = int(sys.argv[1])
auth = sys.argv[2]
check = sys.argv[3]
args = sys.argv[4:]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def expect(cond, message):
    if not cond:
        fail(message)
    return cond


def connect():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def request(conn, method, path, headers=None, body=None):
    h = {"Authorization": auth}
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()   # always read: the connection is reused
    return r, data


def normalized(r, data):
    # Multipart answers carry a fresh random boundary each time.
    ctype = r.getheader("Content-Type") or ""
    for param in ctype.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary":
            return data.replace(value.strip('"').encode(), b"BOUNDARY")
    return data


def routes_keepalive():
    # args: paths (below /dicom-web or /wado...) that answer 200 to GET.
    conn = connect()
    for path in args:
        r, plain = request(conn, "GET", path)
        if not expect(r.status == 200, "%s: GET gave %d" % (path, r.status)):
            continue
        plain = normalized(r, plain)
        # A GET with a body nobody reads must not become the next request.
        junk = b"GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\n\r\n" * 4
        r, _ = request(conn, "GET", path, {"Content-Type": "text/plain"}, junk)
        expect(r.status == 200, "%s: GET with an unread body gave %d" % (path, r.status))
        r, again = request(conn, "GET", path)
        again = normalized(r, again)
        expect(r.status == 200 and again == plain, "%s: request after an unread body gave %d" % (path, r.status))
        # Range is ignored: the whole representation with 200.
        r, ranged = request(conn, "GET", path, {"Range": "bytes=0-9"})
        ranged = normalized(r, ranged)
        expect(r.status == 200, "%s: Range gave %d" % (path, r.status))
        expect(ranged == plain, "%s: Range cut the body to %d bytes (whole: %d)" % (path, len(ranged), len(plain)))
        expect(r.getheader("Content-Range") is None, "%s: Content-Range sent" % path)
        # Methods the resource does not take: 405 with Allow.
        for method in ("PUT", "DELETE", "PATCH"):
            r, _ = request(conn, method, path, {"Content-Type": "application/octet-stream"}, b"x" * 100)
            expect(r.status == 405, "%s: %s gave %d" % (path, method, r.status))
            allow = r.getheader("Allow") or ""
            expect("GET" in allow, "%s: %s answered without Allow naming GET (%r)" % (path, method, allow))
        # Refused credentials with a body (the authentication refusal path;
        # a token, as failed passwords would lock this address out).
        conn.request("POST", path, body=b"y" * 5000,
                     headers={"Authorization": "Bearer " + "0" * 64, "Content-Type": "application/dicom"})
        r = conn.getresponse()
        r.read()
        expect(r.status == 401, "%s: bad credentials gave %d" % (path, r.status))
        r, after = request(conn, "GET", path)
        expect(r.status == 200, "%s: request after a refused login with a body gave %d" % (path, r.status))
    conn.close()


def stow_keepalive():
    # args: a Part 10 file to store, its study UID.
    data = open(args[0], "rb").read()
    boundary = "kilimaBoundary42"
    body = (b"--" + boundary.encode() + b"\r\nContent-Type: application/dicom\r\n\r\n" + data +
            b"\r\n--" + boundary.encode() + b"--\r\n")
    ctype = 'multipart/related; type="application/dicom"; boundary=' + boundary
    conn = connect()
    r, _ = request(conn, "POST", "/dicom-web/studies", {"Content-Type": ctype}, body)
    expect(r.status == 200, "STOW gave %d" % r.status)
    # Refused early (415) with the body left unread: the next request works.
    r, _ = request(conn, "POST", "/dicom-web/studies", {"Content-Type": "text/plain"}, body)
    expect(r.status == 415, "STOW of text/plain gave %d" % r.status)
    r, _ = request(conn, "GET", "/dicom-web/studies/%s/series" % args[1])
    expect(r.status == 200, "QIDO after a refused STOW gave %d" % r.status)
    r, _ = request(conn, "POST", "/dicom-web/studies", {"Content-Type": ctype, "Range": "bytes=0-1"}, body)
    expect(r.status == 200, "STOW again (same instance) with Range gave %d" % r.status)
    r, _ = request(conn, "PUT", "/dicom-web/studies", {"Content-Type": ctype}, body)
    expect(r.status == 405 and "POST" in (r.getheader("Allow") or ""), "PUT /studies gave %d Allow %r" % (r.status, r.getheader("Allow")))
    r, _ = request(conn, "GET", "/dicom-web/studies/%s/series" % args[1])
    expect(r.status == 200, "QIDO after a 405 with a body gave %d" % r.status)
    conn.close()


def accept_param():
    # args: instance path, series path, study path.
    instance, series, study = args
    conn = connect()
    oh = {"Accept": 'multipart/related; type="application/octet-stream"'}
    for path in (instance + "/rendered", instance + "/thumbnail", series + "/thumbnail", study + "/thumbnail",
                 instance + "/frames/1/rendered"):
        r, body = request(conn, "GET", path + "?accept=image%2Fjpeg", oh)
        expect(r.status == 200 and r.getheader("Content-Type") == "image/jpeg" and body[:3] == b"\xff\xd8\xff",
               "%s?accept=image/jpeg with OHIF's Accept: %d %s" % (path, r.status, r.getheader("Content-Type")))
        r, body = request(conn, "GET", path + "?accept=image/png", {"Accept": "*/*"})
        expect(r.status == 200 and r.getheader("Content-Type") == "image/png" and body[:4] == b"\x89PNG",
               "%s?accept=image/png with Accept */*: %d %s" % (path, r.status, r.getheader("Content-Type")))
        r, _ = request(conn, "GET", path + "?accept=image/gif", {"Accept": "image/jpeg"})
        expect(r.status == 406, "%s?accept=image/gif gave %d" % (path, r.status))
    for path in (instance + "/metadata", series + "/metadata", "/dicom-web/studies", series + "/instances"):
        r, body = request(conn, "GET", path + "?accept=application/dicom%2Bjson", {"Accept": "image/png"})
        ok = r.status == 200 and r.getheader("Content-Type", "").startswith("application/dicom+json")
        expect(ok, "%s?accept=application/dicom+json with Accept image/png: %d" % (path, r.status))
        if ok:
            expect(isinstance(json.loads(body), list), "%s: not a JSON array" % path)
        r, _ = request(conn, "GET", path + "?accept=image/png", {"Accept": "application/dicom+json"})
        expect(r.status == 406, "%s?accept=image/png gave %d" % (path, r.status))
    conn.close()


def qido_params():
    # args: patient ID of the study with the accented name.
    pid = args[0]
    conn = connect()
    r, body = request(conn, "GET", "/dicom-web/studies?PatientID=%s&nosuchparameter=1" % pid)
    expect(r.status == 200, "unknown parameter gave %d" % r.status)
    warning = r.getheader("Warning") or ""
    expect(warning.startswith("299 ") and "nosuchparameter" in warning, "no Warning naming the ignored parameter: %r" % warning)
    if r.status == 200:
        expect(len(json.loads(body)) == 1, "the other keys were not applied")
    r, body = request(conn, "GET", "/dicom-web/studies?PatientID=%s&includefield=all" % pid)
    expect(r.status == 200 and "00100010" in json.loads(body)[0], "includefield=all lacks PatientName")
    for name, want in (("muller", 1), ("MULLER", 1), ("hans", 1), ("m%C3%BCll*", 1), ("mull", 1), ("hans%5Emuller", 1),
                       ("schmidt", 0), ("ans", 0)):
        r, body = request(conn, "GET", "/dicom-web/studies?PatientID=%s&PatientName=%s&fuzzymatching=true" % (pid, name))
        n = len(json.loads(body)) if r.status == 200 else -1
        expect(n == want, "fuzzy PatientName=%s found %d, expected %d" % (name, n, want))
        expect("fuzzymatching" not in (r.getheader("Warning") or ""), "fuzzymatching still said unsupported")
    # Without fuzzy matching, literal DICOM matching (case-insensitive only).
    r, body = request(conn, "GET", "/dicom-web/studies?PatientID=%s&PatientName=muller" % pid)
    expect(r.status == 200 and len(json.loads(body)) == 0, "literal PatientName=muller matched MÜLLER")
    conn.close()


def stow_json():
    # args: manifest written by tst_webroutes: first line the JSON file, then
    # "content-location<TAB>content-type<TAB>file" per bulk data part.
    lines = open(args[0]).read().splitlines()
    boundary = "jsonStowBoundary17"
    body = (b"--" + boundary.encode() + b"\r\nContent-Type: application/dicom+json\r\n\r\n" +
            open(lines[0], "rb").read() + b"\r\n")
    for line in lines[1:]:
        location, ctype, path = line.split("\t")
        body += (b"--" + boundary.encode() + b"\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Location: " +
                 location.encode() + b"\r\n\r\n" + open(path, "rb").read() + b"\r\n")
    body += b"--" + boundary.encode() + b"--\r\n"
    conn = connect()
    r, answer = request(conn, "POST", "/dicom-web/studies",
                        {"Content-Type": 'multipart/related; type="application/dicom+json"; boundary=' + boundary,
                         "Accept": "application/dicom+json"}, body)
    expect(r.status == 200, "STOW of DICOM JSON gave %d: %s" % (r.status, answer[:2000]))
    if r.status == 200:
        referenced = json.loads(answer).get("00081199", {}).get("Value", [])
        expect(len(referenced) == 1, "STOW answer lists %d stored instances" % len(referenced))
    # The connection still serves the next request.
    r, _ = request(conn, "GET", "/dicom-web/studies?limit=1")
    expect(r.status == 200, "QIDO after a JSON STOW gave %d" % r.status)
    conn.close()


def stow_frames():
    # args: MODE JSON LOCATION CONTENT-TYPE FRAME-FILES... The frames of one
    # compressed multi-frame object sent as PS3.18 allows: "same" = one part
    # per frame, all with the pixel data's Content-Location; "numbered" = parts
    # at LOCATION/frames/N; "nested" = one multipart/related part of frames.
    # MODE may end in ":409": the frames do not match Number of Frames and
    # the instance must fail with 0xC000 and the reason in (0009,1001).
    mode, meta, location, ctype = args[:4]
    mode, _, expected = mode.partition(":")
    expected = int(expected or 200)
    frames = [open(f, "rb").read() for f in args[4:]]
    b = b"stowFramesOuter"
    body = b"--" + b + b"\r\nContent-Type: application/dicom+json\r\n\r\n" + open(meta, "rb").read() + b"\r\n"
    if mode == "nested":
        inner = b"stowFramesInner"
        nested = b"".join(b"--" + inner + b"\r\nContent-Type: " + ctype.encode() + b"\r\n\r\n" + f + b"\r\n" for f in frames)
        nested += b"--" + inner + b"--\r\n"
        outer_type = b'multipart/related; type="image/jpeg"; boundary=' + inner
        body += (b"--" + b + b"\r\nContent-Type: " + outer_type + b"\r\nContent-Location: " + location.encode() +
                 b"\r\n\r\n" + nested + b"\r\n")
    else:
        for n, f in enumerate(frames, 1):
            where = location if mode == "same" else "%s/frames/%d" % (location, n)
            body += (b"--" + b + b"\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Location: " + where.encode() +
                     b"\r\n\r\n" + f + b"\r\n")
    body += b"--" + b + b"--\r\n"
    conn = connect()
    r, answer = request(conn, "POST", "/dicom-web/studies",
                        {"Content-Type": 'multipart/related; type="application/dicom+json"; boundary=' + b.decode(),
                         "Accept": "application/dicom+json"}, body)
    expect(r.status == expected, "%s: STOW of %d frames gave %d: %s" % (mode, len(frames), r.status, answer[:2000]))
    if expected == 409 and r.status == 409:
        failed = json.loads(answer).get("00081198", {}).get("Value", [{}])[0]
        expect(failed.get("00081197", {}).get("Value") == [0xC000], "failure reason is not 0xC000: %s" % answer[:2000])
        expect("Number of Frames" in json.dumps(failed.get("00091001", {})), "the reason does not name the frame count")
    conn.close()


{"stowframes": stow_frames, "stowjson": stow_json, "routes": routes_keepalive, "stow": stow_keepalive, "accept": accept_param, "qido": qido_params}[check]()
sys.exit(1 if failures else 0)
