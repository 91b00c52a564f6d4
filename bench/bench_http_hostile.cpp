// DICOMweb under hostile clients, Kilima against Orthanc 1.10 (its HTTP
// server is CivetWeb, a thread per connection) in the same run, loopback:
//   - an authenticated QIDO study search while N slow anonymous clients
//     hold connections open with half-sent request heads (N = 0, 8, 64, 200);
//   - the server's resident memory after four 8 MB header floods, each on
//     one anonymous connection.
// Usage: bench_http_hostile [--slow N,N,...] [--deadline-ms MS]
#include "peers.h"
#include "phantom.h"
#include "rawhttp.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/core/datadir.h>
#include <kilima/dicomweb/server.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace kilima;
using test::RawClient;

namespace {

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

struct Server {
    const char *name;
    quint16 port;
    qint64 pid;
    QByteArray auth;
};

// Milliseconds for one authenticated search on a fresh connection; -1 past the deadline.
double query(const Server &s, int deadlineMs)
{
    QElapsedTimer t;
    t.start();
    RawClient c(s.port);
    c.send("GET /dicom-web/studies?PatientID=HOSTILE-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + s.auth +
           "\r\nAccept: application/dicom+json\r\n\r\n");
    const QByteArray r = c.readResponse(deadlineMs);
    if (test::statusOf(r) != 200)
        return -1;
    return double(t.nsecsElapsed()) / 1e6;
}

void underSlowClients(const Server &s, int slow, int deadlineMs)
{
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < slow; ++i) {
        const QByteArray from = "127.0.0." + QByteArray::number(2 + i / 50);
        held.push_back(std::make_unique<RawClient>(s.port, from.constData()));
        held.back()->send("GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\nX-Slow: ", 200);
    }
    QThread::msleep(300);
    std::vector<double> ms;
    int failed = 0;
    for (int i = 0; i < 5; ++i) {
        const double m = query(s, deadlineMs);
        if (m < 0)
            ++failed;
        else
            ms.push_back(m);
    }
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        std::printf("  %-8s %4d slow clients: no answer within %d ms (5 of 5)\n", s.name, slow, deadlineMs);
    else
        std::printf("  %-8s %4d slow clients: p50 %8.2f ms  max %8.2f ms  no answer within %d ms: %d of 5\n", s.name, slow,
                    ms[ms.size() / 2], ms.back(), deadlineMs, failed);
    std::fflush(stdout);
}

void headerFloods(const Server &s)
{
    QByteArray flood = "GET /dicom-web/studies HTTP/1.1\r\nHost: x\r\n";
    const QByteArray line = "X-Flood: " + QByteArray(60, 'a') + "\r\n";
    while (flood.size() < 8 * 1024 * 1024)
        flood += line;
    // Measured after the flood is built: Kilima runs in this process.
    const qint64 before = rssKb(s.pid);
    int refused = 0;
    for (int i = 0; i < 4; ++i) {
        RawClient c(s.port);
        c.send(flood, 5000);
        const int status = test::statusOf(c.readAll(5000));
        refused += status >= 400 && status < 500;
    }
    QThread::msleep(500);
    std::printf("  %-8s resident memory %7lld kB before, %+7lld kB after four 8 MB header floods (%d of 4 refused with 4xx)\n",
                s.name, before, rssKb(s.pid) - before, refused);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("QT_LOGGING_RULES", "kilima.*.debug=false");
    QList<int> counts{0, 8, 64, 200};
    int deadlineMs = 10000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--slow")) {
            counts.clear();
            for (const QString &n : args.at(i + 1).split(QLatin1Char(',')))
                counts << n.toInt();
        } else if (args.at(i) == QLatin1String("--deadline-ms")) {
            deadlineMs = args.at(i + 1).toInt();
        }
    }

    QTemporaryDir tmp;
    core::Config config;
    config.node.bindAddress = QStringLiteral("127.0.0.1");
    config.node.httpPort = 0;
    auto opened = archive::Archive::open(core::DataDir(tmp.filePath(QStringLiteral("kilima"))), config);
    if (!opened) {
        std::fprintf(stderr, "bench_http_hostile: %s\n", qPrintable(opened.error()));
        return 1;
    }
    archive::Archive &archive = *opened.value();
    test::CtPhantom p;
    p.slices = 4;
    p.patientId = QStringLiteral("HOSTILE-1");
    const QStringList files = test::writeCtPhantom(tmp.filePath(QStringLiteral("ct")), p);
    for (const QString &f : files) {
        QFile file(f);
        file.open(QIODevice::ReadOnly);
        archive.ingest({file.readAll(), QStringLiteral("bench")});
    }
    archive::Users(archive.databasePath()).add(QStringLiteral("bench"), archive::Role::Admin, QStringLiteral("bench-password"));
    dicomweb::DicomWebServer kilima(archive, config);
    if (const core::Status st = kilima.start(); !st) {
        std::fprintf(stderr, "bench_http_hostile: %s\n", qPrintable(st.error()));
        return 1;
    }
    const QByteArray auth = "Basic " + QByteArray("bench:bench-password").toBase64();

    const quint16 orthancHttp = test::freePort();
    test::Peer orthanc;
    const bool haveOrthanc = test::startOrthancDicomWeb(orthanc, tmp.filePath(QStringLiteral("orthanc")), orthancHttp,
                                                        QStringLiteral("bench"), QStringLiteral("bench-password"), true);
    if (haveOrthanc) {
        for (const QString &f : files) {
            QString out;
            test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-u"), QStringLiteral("bench:bench-password"),
                                                   QStringLiteral("--data-binary"), QLatin1Char('@') + f,
                                                   QStringLiteral("http://127.0.0.1:%1/instances").arg(orthancHttp)}, &out);
        }
    } else {
        std::fprintf(stderr, "bench_http_hostile: Orthanc is not available: peer figures left out\n");
    }

    std::vector<Server> servers{{"kilima", kilima.port(), QCoreApplication::applicationPid(), auth}};
    if (haveOrthanc)
        servers.push_back({"orthanc", orthancHttp, orthanc.process().processId(), auth});

    std::printf("Authenticated QIDO-RS study search while slow anonymous clients hold half-sent request heads\n");
    for (int n : counts) {
        for (const Server &s : servers)
            underSlowClients(s, n, deadlineMs);
    }
    std::printf("Header floods (endless header lines, anonymous)\n");
    for (const Server &s : servers)
        headerFloods(s);
    orthanc.terminate();
    kilima.stop();
    return 0;
}
