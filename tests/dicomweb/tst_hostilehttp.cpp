// Hostile HTTP against the DICOMweb server, over raw sockets so that every
// byte is the test's: header floods, slow clients by the hundred, lying
// lengths, smuggling framings, traversal in every encoding, NULs in
// passwords and paths, unread bodies on keep-alive connections, floods of
// anonymous requests against the audit log.
#include "phantom.h"
#include "rawhttp.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/core/datadir.h>
#include <kilima/dicomweb/server.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>


using namespace kilima;

namespace {

using test::RawClient;
using test::statusOf;

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

class TestHostileHttp : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<dicomweb::DicomWebServer> m_server;
    quint16 m_port = 0;
    QByteArray m_auth;
    test::CtPhantom m_ct;

    QByteArray get(const QByteArray &target, const QByteArray &extra = {})
    {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + m_auth + "\r\n" + extra + "\r\n";
    }
    int status(const QByteArray &request, QByteArray *response = nullptr)
    {
        RawClient c(m_port);
        c.send(request);
        const QByteArray r = c.readResponse();
        if (response)
            *response = r;
        return statusOf(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.httpPort = 0;
        config.http.threads = 4;
        config.http.readTimeoutSeconds = 5;
        config.http.maxBodyMegabytes = 1;
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), config);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = std::move(a.value());
        m_ct.slices = 3;
        m_ct.rows = m_ct.columns = 32;
        m_ct.studyUid = test::newUid();
        for (const QString &f : test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_ct)) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({file.readAll(), QStringLiteral("test")}).success());
        }
        m_server = std::make_unique<dicomweb::DicomWebServer>(*m_archive, config);
        const auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        m_port = m_server->port();
        m_auth = "Basic " + QByteArray("admin:" + m_server->initialAdminPassword().toUtf8()).toBase64();
        QCOMPARE(status(get("/dicom-web/studies")), 200);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_archive.reset();
    }

    void endlessHeaderLines_get431AndTheMemoryBack()
    {
        const qint64 before = rssKb();
        for (int i = 0; i < 4; ++i) {
            RawClient c(m_port);
            QVERIFY(c.connected());
            QByteArray flood = "GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\n";
            const QByteArray line = "X-Flood: " + QByteArray(60, 'a') + "\r\n";
            while (flood.size() < 8 * 1024 * 1024)
                flood += line;
            c.send(flood, 2000);
            const QByteArray r = c.readAll(3000);
            QCOMPARE(statusOf(r), 431);
            QVERIFY(c.closedByServer());
        }
        const qint64 grown = rssKb() - before;
        qInfo("resident memory grew by %lld kB over four 8 MB header floods", grown);
        QVERIFY2(grown < 20 * 1024, qPrintable(QString::number(grown)));
        QCOMPARE(status(get("/dicom-web/studies")), 200);
    }

    void tooManyHeaders_get431_longTarget_gets414()
    {
        QByteArray many;
        for (int i = 0; i < 150; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QCOMPARE(status(get("/dicom-web/studies", many)), 431);
        QCOMPARE(status(get("/dicom-web/studies?PatientID=" + QByteArray(20000, 'A'))), 414);
    }

    void malformedFraming_isRefusedAtOnce_notAfterTheReadTimeout()
    {
        const QList<QByteArray> bad = {
            "Content-Length: 12abc\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: 5\r\nContent-Length: 6\r\n",
            "Content-Length: 99999999999999999999999\r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
            "Transfer-Encoding: gzip, chunked\r\n",
            " folded: header\r\n",
            "Bad Name: x\r\n",
        };
        for (const QByteArray &h : bad) {
            QElapsedTimer t;
            t.start();
            RawClient c(m_port);
            c.send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth + "\r\n" + h + "\r\n");
            const QByteArray r = c.readResponse(3000);
            QVERIFY2(statusOf(r) == 400 || statusOf(r) == 501, qPrintable(QByteArray(h + " -> " + r.left(200))));
            QVERIFY2(t.elapsed() < 1500, qPrintable(QByteArray(h + " took " + QByteArray::number(t.elapsed()))));
            QVERIFY2(c.closedByServer(), qPrintable(h));
        }
        // A chunked body with a bad chunk size: refused with a reason.
        RawClient c(m_port);
        c.send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth +
               "\r\nContent-Type: multipart/related; type=\"application/dicom\"; boundary=b\r\n"
               "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n");
        const QByteArray r = c.readResponse(3000);
        QCOMPARE(statusOf(r), 400);
        QVERIFY2(r.contains("chunk"), r.constData());
    }

    void traversalAndNul_inEveryEncoding_neverServeAFile()
    {
        const QList<QByteArray> targets = {
            "/dicom-web/../../etc/passwd",
            "/dicom-web/studies/..%2f..%2f..%2fetc%2fpasswd",
            "/dicom-web/studies/%2e%2e/%2e%2e/etc/passwd",
            "/dicom-web/studies/%252e%252e/%252e%252e/etc/passwd",
            "/dicom-web/studies/%c0%ae%c0%ae/etc/passwd",
            "/dicom-web/studies/..%5c..%5cetc%5cpasswd",
            "/dicom-web/studies/" + m_ct.studyUid.toLatin1() + "/series/%00",
            "/dicom-web/studies/" + m_ct.studyUid.toLatin1() + "%00/metadata",
            "/dicom-web/studies/1.2%0d%0aX-Injected:%201/metadata",
            "/dicom-web/studies?PatientID=%00",
            "/dicom-web/studies?PatientID=%zz",
        };
        for (const QByteArray &t : targets) {
            QByteArray r;
            const int s = status(get(t), &r);
            QVERIFY2(s == 400 || s == 404, qPrintable(QByteArray(t + " -> " + r.left(300))));
            QVERIFY2(!r.contains("root:") && !r.contains("X-Injected: 1"), qPrintable(t));
        }
    }

    void framesWithNul_isRefused()
    {
        archive::Query q;
        q.level = archive::Level::Instance;
        q.keys.append({dicom::tagNumber(0x0020, 0x000D), m_ct.studyUid});
        q.keys.append({dicom::tagNumber(0x0020, 0x000E), QString()});
        q.keys.append({dicom::tagNumber(0x0008, 0x0018), QString()});
        auto rows = m_archive->query(q);
        QVERIFY(rows.ok() && !rows.value().isEmpty());
        const dicom::AttributeMap &i = rows.value().first();
        const QByteArray base = "/dicom-web/studies/" + m_ct.studyUid.toLatin1() + "/series/" +
                                i.at(dicom::tagNumber(0x0020, 0x000E)).toLatin1() + "/instances/" +
                                i.at(dicom::tagNumber(0x0008, 0x0018)).toLatin1() + "/frames/";
        QCOMPARE(status(get(base + "1")), 200);
        QCOMPARE(status(get(base + "1%00")), 400);
    }

    void passwordWithTrailingNuls_isRefused()
    {
        const QByteArray user = "admin:" + m_server->initialAdminPassword().toUtf8();
        QCOMPARE(status("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + user.toBase64() + "\r\n\r\n"), 200);
        QCOMPARE(status("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " +
                        QByteArray(user + QByteArray(3, '\0')).toBase64() + "\r\n\r\n"),
                 401);
        QCOMPARE(status("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " +
                        QByteArray(QByteArray("admin\0:", 7) + m_server->initialAdminPassword().toUtf8()).toBase64() + "\r\n\r\n"),
                 401);
    }

    // Two hundred slow anonymous clients (the worker count is 4) hold no
    // worker: an authenticated QIDO answers within a second.
    void slowAnonymousClients_doNotStarveAnAuthenticatedQuery()
    {
        std::vector<std::unique_ptr<RawClient>> slow;
        for (int i = 0; i < 200; ++i) {
            const QByteArray from = "127.0.0." + QByteArray::number(2 + i / 50);
            slow.push_back(std::make_unique<RawClient>(m_port, from.constData()));
            QVERIFY(slow.back()->connected());
            slow.back()->send("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        }
        // Slow bodies too: a POST whose body never comes.
        for (int i = 0; i < 8; ++i) {
            slow.push_back(std::make_unique<RawClient>(m_port, "127.0.0.9"));
            slow.back()->send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc");
        }
        QTest::qWait(300);
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            QCOMPARE(status(get("/dicom-web/studies")), 200);
            qInfo("authenticated QIDO with 208 slow anonymous connections open: %lld ms", t.elapsed());
            QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        }
    }

    void connectionsFromOneAddress_areCapped()
    {
        std::vector<std::unique_ptr<RawClient>> open;
        for (int i = 0; i < 64; ++i)
            open.push_back(std::make_unique<RawClient>(m_port, "127.0.0.20"));
        QTest::qWait(200);
        RawClient extra(m_port, "127.0.0.20");
        const QByteArray r = extra.readAll(2000);
        QCOMPARE(statusOf(r), 503);
        // Other addresses are served.
        QCOMPARE(status(get("/dicom-web/studies")), 200);
    }

    // An early answer to a POST never leaves its body to be read as the
    // next request (RFC 9112 §9.3).
    void earlyAnswerToAPost_doesNotCorruptTheNextRequest()
    {
        RawClient c(m_port);
        c.send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth +
               "\r\nContent-Type: text/plain\r\nContent-Length: 1024\r\n\r\n");
        QTest::qWait(100);
        c.send(QByteArray(1024, 'x'));
        const QByteArray first = c.readResponse();
        QCOMPARE(statusOf(first), 415);
        c.send(get("/dicom-web/studies?limit=1"));
        const QByteArray second = c.readResponse();
        QCOMPARE(statusOf(second), 200);
        QVERIFY(second.contains(m_ct.studyUid.toLatin1()));

        // Anonymous, same: 401, then the next request on the connection works.
        RawClient a(m_port);
        a.send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n" + QByteArray(2048, 'y'));
        QCOMPARE(statusOf(a.readResponse()), 401);
        a.send(get("/dicom-web/studies?limit=1"));
        QCOMPARE(statusOf(a.readResponse()), 200);
    }

    void pipelinedAndHttp10Requests_areAnsweredInOrder()
    {
        RawClient c(m_port);
        c.send(get("/dicom-web/studies?limit=1") + get("/dicom-web/nothing") + get("/dicom-web/studies?limit=1"));
        QCOMPARE(statusOf(c.readResponse()), 200);
        QCOMPARE(statusOf(c.readResponse()), 404);
        QCOMPARE(statusOf(c.readResponse()), 200);
        RawClient old(m_port);
        old.send("GET /dicom-web/studies HTTP/1.0\r\nAuthorization: " + m_auth + "\r\n\r\n");
        const QByteArray r = old.readAll();
        QCOMPARE(statusOf(r), 200);
        QVERIFY(old.closedByServer());
    }

    void rangeIsIgnored_theWholeBodyComesWith200()
    {
        QByteArray whole, ranged;
        QCOMPARE(status(get("/dicom-web/studies"), &whole), 200);
        QCOMPARE(status(get("/dicom-web/studies", "Range: bytes=0-9\r\n"), &ranged), 200);
        QCOMPARE(ranged.mid(ranged.indexOf("\r\n\r\n")), whole.mid(whole.indexOf("\r\n\r\n")));
    }

    void methodNotAllowed_namesTheAllowedOnes()
    {
        QByteArray r;
        QCOMPARE(status("PUT /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth + "\r\nContent-Length: 0\r\n\r\n", &r), 405);
        QVERIFY2(r.contains("Allow: GET, HEAD, POST, OPTIONS"), r.constData());
        QCOMPARE(status("POST /dicom-web/studies/1.2.3/series/1.2.4 HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth +
                        "\r\nContent-Type: multipart/related; type=\"application/dicom\"; boundary=b\r\nContent-Length: 0\r\n\r\n",
                        &r),
                 405);
        QVERIFY2(r.contains("Allow: GET, HEAD, OPTIONS"), r.constData());
        QCOMPARE(status("BREW /dicom-web/studies HTTP/1.1\r\nHost: x\r\n\r\n"), 501);
    }

    // Python's http.client, an HTTP client we did not write, on one
    // keep-alive connection: early answers to POSTs, HEAD, 404s, chunked
    // uploads and retrieves in a row, each answer framed right.
    void pythonHttpClient_onOneKeepAliveConnection()
    {
        const QString script = QStringLiteral(R"PY(
import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", %1, timeout=10)
auth = {"Authorization": "%2"}
out = []
def req(method, url, body=None, headers={}, encode_chunked=False):
    c.request(method, url, body=body, headers={**auth, **headers}, encode_chunked=encode_chunked)
    r = c.getresponse()
    data = r.read()
    out.append("%s %s %d %d" % (method, url.split("?")[0][-20:], r.status, len(data)))
    return r, data
r, d = req("GET", "/dicom-web/studies?limit=1")
assert r.status == 200 and b"%3" in d, d[:200]
first = c.sock
r, d = req("POST", "/dicom-web/studies", body=b"x" * 5000, headers={"Content-Type": "text/plain"})
assert r.status == 415, r.status
r, d = req("GET", "/dicom-web/studies?limit=1")
assert r.status == 200 and b"%3" in d
r, d = req("HEAD", "/dicom-web/studies?limit=1")
assert r.status == 200 and d == b"" and int(r.getheader("Content-Length")) > 0
r, d = req("GET", "/dicom-web/nothing")
assert r.status == 404
r, d = req("POST", "/dicom-web/studies", body=iter([b"--b\r\n", b"junk"]), encode_chunked=True,
           headers={"Content-Type": 'multipart/related; type="application/dicom"; boundary=b'})
assert r.status in (400, 409), r.status
r, d = req("GET", "/dicom-web/studies/%3/series")
assert r.status == 200
print("\n".join(out))
assert c.sock is first, "the server closed the keep-alive connection"
)PY").arg(m_port).arg(QString::fromLatin1(m_auth), m_ct.studyUid);
        QProcess py;
        py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
        QVERIFY(py.waitForFinished(60000));
        const QString out = QString::fromUtf8(py.readAllStandardOutput() + py.readAllStandardError());
        qInfo().noquote() << out;
        QVERIFY2(py.exitCode() == 0, qPrintable(out));
    }

    // A file that cannot be read once the answer has started: the answer is
    // cut (no last chunk, connection closed), never a complete-looking 200.
    void aRetrieveThatFailsMidway_isCutNotCompleted()
    {
        test::CtPhantom p;
        p.slices = 3;
        p.rows = p.columns = 32;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("CUT-1");
        for (const QString &f : test::writeCtPhantom(m_tmp.filePath(QStringLiteral("cut")), p)) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({file.readAll(), QStringLiteral("test")}).success());
        }
        auto files = m_archive->instanceFiles(archive::Level::Study, p.studyUid);
        QVERIFY(files.ok());
        QCOMPARE(files.value().size(), 3);
        QVERIFY(QFile::remove(files.value().at(2)));
        RawClient c(m_port);
        c.send(get("/dicom-web/studies/" + p.studyUid.toLatin1(),
                   "Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*\r\n"));
        const QByteArray r = c.readAll(5000);
        QVERIFY(c.closedByServer(0) || r.size() > 0);
        QCOMPARE(statusOf(r), 200);
        QVERIFY2(r.contains("Transfer-Encoding: chunked"), r.left(400).constData());
        QVERIFY2(!r.endsWith("0\r\n\r\n"), "the cut answer ended like a complete one");
        const QByteArray type = r.mid(r.indexOf("boundary=") + 9);
        const QByteArray boundary = type.left(type.indexOf("\r\n"));
        QVERIFY(!boundary.isEmpty());
        QVERIFY2(!r.contains(QByteArray("--" + boundary + "--")), "the multipart body was closed");
    }

    // A flood of anonymous requests is audited, but not line by line
    // without bound.
    void anonymousFlood_isAuditedWithoutGrowingTheLogWithoutBound()
    {
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-1);
        for (int i = 0; i < 300; ++i) {
            RawClient c(m_port, "127.0.0.30");
            c.send("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(statusOf(c.readResponse()), 401);
        }
        archive::AuditFilter f;
        f.since = since;
        f.limit = 100000;
        auto lines = m_archive->auditLog().list(f);
        QVERIFY(lines.ok());
        int denied = 0;
        for (const archive::AuditRecord &r : lines.value())
            denied += r.peerHost == QLatin1String("127.0.0.30") && r.outcome == QLatin1String("denied");
        qInfo("300 anonymous requests from one address: %d audit lines", denied);
        QVERIFY(denied >= 1);
        QVERIFY2(denied <= 25, qPrintable(QString::number(denied)));
    }
};

QTEST_GUILESS_MAIN(TestHostileHttp)
#include "tst_hostilehttp.moc"
