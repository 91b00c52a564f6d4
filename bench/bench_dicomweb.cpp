// DICOMweb against Orthanc + its DICOMweb plugin, in the same run, on the
// same data, over loopback:
//  1. WADO-RS retrieve of a whole series (MB/s), fetched with curl from
//     Kilima and from Orthanc, and `cat` of the same files (the limit); and
//     curl of Kilima's very answer from a trivial server (sent from memory),
//     the client's own ceiling;
//  2. /metadata latency of that series (warm: p50 over repeated requests;
//     the first, cold request is printed too);
//  3. QIDO-RS study search latency over a synthetic index of N instances
//     (default 1,000,000) served by Kilima; and, on the small data set that
//     Orthanc also holds, the same searches on both (Orthanc cannot be
//     loaded with 1,000,000 instances in a benchmark's time).
//
//   bench_dicomweb [--instances N] [--slices S] [--size PIXELS] [--runs R] [--work DIR]
#include "syntheticindex.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/core/logging.h>
#include <kilima/dicomweb/client.h>
#include <kilima/dicomweb/server.h>

#include "peers.h"
#include "phantom.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <functional>
#include <vector>

using namespace kilima;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double p99(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(v.size() * 0.99))];
}

// Seconds and bytes of one curl download to /dev/null.
bool curlTime(const QStringList &auth, const QString &url, const QString &accept, double *seconds, qint64 *bytes)
{
    QProcess p;
    p.start(QStringLiteral("curl"), auth + QStringList{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                                       QStringLiteral("-w"), QStringLiteral("%{http_code} %{time_total} %{size_download}"),
                                                       QStringLiteral("-H"), QStringLiteral("Accept: ") + accept, url});
    p.waitForFinished(600000);
    const QStringList out = QString::fromLatin1(p.readAllStandardOutput()).split(QLatin1Char(' '));
    if (out.size() != 3 || out.at(0) != QLatin1String("200")) {
        std::fprintf(stderr, "bench_dicomweb: %s -> %s\n", qPrintable(url), qPrintable(out.join(QLatin1Char(' '))));
        return false;
    }
    *seconds = out.at(1).toDouble();
    *bytes = out.at(2).toLongLong();
    return true;
}

// A server with no work of its own: every request is answered with the
// same bytes, held in memory, in 1 MiB send() calls (no file, no index, no
// parsing). What curl gets from it is what curl and loopback can take,
// whatever the server.
class TrivialServer {
public:
    explicit TrivialServer(QByteArray body) : m_body(std::move(body))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_body.isEmpty() || ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(m_listen, 8) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) != 0)
            return;
        m_port = ntohs(a.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~TrivialServer()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_listen);
    }
    quint16 port() const { return m_port; }

private:
    void serve()
    {
        for (;;) {
            const int c = ::accept(m_listen, nullptr, nullptr);
            if (c < 0)
                return;
            char request[16384];
            if (::recv(c, request, sizeof request, 0) > 0) {
                const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: multipart/related\r\nConnection: close\r\nContent-Length: " +
                                        QByteArray::number(m_body.size()) + "\r\n\r\n";
                ::send(c, head.constData(), size_t(head.size()), MSG_MORE | MSG_NOSIGNAL);
                for (qint64 at = 0; at < m_body.size();) {
                    const ssize_t n = ::send(c, m_body.constData() + at, size_t(std::min<qint64>(1 << 20, m_body.size() - at)), MSG_NOSIGNAL);
                    if (n <= 0)
                        break;
                    at += n;
                }
            }
            ::close(c);
        }
    }
    QByteArray m_body;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    core::initLogging(false);
    int instances = 1000000, slices = 600, size = 256, runs = 30;
    QString work;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        auto next = [&] { return args.value(++i); };
        if (args.at(i) == QLatin1String("--instances"))
            instances = next().toInt();
        else if (args.at(i) == QLatin1String("--slices"))
            slices = next().toInt();
        else if (args.at(i) == QLatin1String("--size"))
            size = next().toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = next().toInt();
        else if (args.at(i) == QLatin1String("--work"))
            work = next();
    }
    QTemporaryDir tmp((work.isEmpty() ? QDir::tempPath() : work) + QStringLiteral("/kilima-wbench-XXXXXX"));

    // The series, stored in Kilima.
    test::CtPhantom ct;
    ct.slices = slices;
    ct.rows = ct.columns = size;
    ct.studyUid = test::newUid();
    ct.seriesUid = test::newUid();
    ct.patientId = QStringLiteral("BENCH-WEB");
    const QStringList files = test::writeCtPhantom(tmp.filePath(QStringLiteral("series")), ct);
    qint64 seriesBytes = 0;
    for (const QString &f : files)
        seriesBytes += QFileInfo(f).size();

    const core::DataDir dataDir(tmp.filePath(QStringLiteral("kilima")));
    core::Config config;
    config.node.bindAddress = QStringLiteral("127.0.0.1");
    config.node.httpPort = 0;
    auto opened = archive::Archive::open(dataDir, config);
    if (!opened) {
        std::fprintf(stderr, "bench_dicomweb: %s\n", qPrintable(opened.error()));
        return 1;
    }
    archive::Archive &archive = *opened.value();
    {
        QList<archive::Incoming> batch;
        for (const QString &f : files) {
            QFile in(f);
            in.open(QIODevice::ReadOnly);
            batch.append({in.readAll(), f});
            if (batch.size() == 100) {
                archive.ingestBatch(batch);
                batch.clear();
            }
        }
        archive.ingestBatch(batch);
    }
    archive::Users(archive.databasePath()).add(QStringLiteral("bench"), archive::Role::Admin, QStringLiteral("bench-password"));
    dicomweb::DicomWebServer server(archive, config);
    if (const core::Status st = server.start(); !st) {
        std::fprintf(stderr, "bench_dicomweb: %s\n", qPrintable(st.error()));
        return 1;
    }
    const QString kilimaBase = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(server.port());

    // Orthanc + DICOMweb plugin with the same series (stored over STOW-RS).
    const quint16 orthancHttp = test::freePort();
    test::Peer orthanc;
    const bool haveOrthanc = test::startOrthancDicomWeb(orthanc, tmp.filePath(QStringLiteral("orthanc")), orthancHttp,
                                                        QStringLiteral("bench"), QStringLiteral("bench-password"));
    const QString orthancBase = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(orthancHttp);
    dicomweb::ClientConfig cc;
    cc.user = QStringLiteral("bench");
    cc.password = QStringLiteral("bench-password");
    if (haveOrthanc) {
        cc.baseUrl = orthancBase;
        dicomweb::Client toOrthanc(cc);
        for (int i = 0; i < files.size(); i += 100) {
            auto r = toOrthanc.store(files.mid(i, 100));
            if (!r || r.value().storedSopUids.size() != files.mid(i, 100).size()) {
                std::fprintf(stderr, "bench_dicomweb: storing into Orthanc failed: %s\n", r ? "some refused" : qPrintable(r.error()));
                return 1;
            }
        }
    } else {
        std::fprintf(stderr, "bench_dicomweb: Orthanc with the DICOMweb plugin is not available: peer figures left out\n");
    }

    const QStringList auth{QStringLiteral("-u"), QStringLiteral("bench:bench-password")};
    const QString seriesPath = QStringLiteral("/studies/%1/series/%2").arg(ct.studyUid, ct.seriesUid);
    const QString accept = QStringLiteral("multipart/related; type=\"application/dicom\"");

    // 1. retrieve: best of 3 after a warm-up (page cache warm for everyone)
    auto best = [&](const std::function<double()> &once) {
        once();
        double b = 0;
        for (int i = 0; i < 3; ++i)
            b = std::max(b, once());
        return b;
    };
    auto curlRate = [&](const QString &base) {
        double s = 0;
        qint64 n = 0;
        if (!curlTime(auth, base + seriesPath, accept, &s, &n))
            std::exit(1);
        return n / s / 1e6;
    };
    // Kilima's answer saved once (its warm-up) and served by the trivial
    // server. The three are fetched in turn, round after round, so that a
    // burst of load elsewhere on the machine hits all of them alike; best
    // of 3 rounds after a warm-up each.
    const QString savedBody = tmp.filePath(QStringLiteral("kilima-series.multipart"));
    QProcess save;
    save.start(QStringLiteral("curl"), auth + QStringList{QStringLiteral("-s"), QStringLiteral("-o"), savedBody, QStringLiteral("-H"),
                                                          QStringLiteral("Accept: ") + accept, kilimaBase + seriesPath});
    save.waitForFinished(600000);
    double kilimaRate = 0, orthancRate = 0, ceilingRate = 0;
    {
        QFile saved(savedBody);
        TrivialServer trivial(saved.open(QIODevice::ReadOnly) ? saved.readAll() : QByteArray());
        const QString trivialBase = QStringLiteral("http://127.0.0.1:%1").arg(trivial.port());
        if (haveOrthanc)
            curlRate(orthancBase);
        if (trivial.port())
            curlRate(trivialBase);
        for (int round = 0; round < 3; ++round) {
            kilimaRate = std::max(kilimaRate, curlRate(kilimaBase));
            if (haveOrthanc)
                orthancRate = std::max(orthancRate, curlRate(orthancBase));
            if (trivial.port())
                ceilingRate = std::max(ceilingRate, curlRate(trivialBase));
        }
    }
    QFile::remove(savedBody);
    // The limits: cat of the very files Kilima serves (its storage area),
    // and a plain read() loop over them in this process (1 MiB buffer).
    const QStringList stored = archive.instanceFiles(archive::Level::Series, ct.seriesUid).value();
    const double catRate = best([&] {
        QElapsedTimer t;
        t.start();
        QProcess cat;
        cat.setStandardOutputFile(QStringLiteral("/dev/null"));
        cat.start(QStringLiteral("cat"), stored);
        cat.waitForFinished(600000);
        return seriesBytes / (t.nsecsElapsed() / 1e9) / 1e6;
    });
    const double readRate = best([&] {
        QElapsedTimer t;
        t.start();
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 n = 0;
        for (const QString &f : stored) {
            QFile in(f);
            in.open(QIODevice::ReadOnly);
            for (qint64 r; (r = in.read(buffer.data(), buffer.size())) > 0;)
                n += r;
        }
        return n / (t.nsecsElapsed() / 1e9) / 1e6;
    });

    // 2. metadata latency (in-process keep-alive client for both servers)
    auto metadataLatency = [&](const QString &base, double *cold) {
        cc.baseUrl = base;
        dicomweb::Client client(cc);
        std::vector<double> ms;
        for (int i = 0; i <= runs; ++i) {
            QElapsedTimer t;
            t.start();
            auto md = client.metadata(ct.studyUid, ct.seriesUid);
            const double v = t.nsecsElapsed() / 1e6;
            if (!md || md.value().size() != slices) {
                std::fprintf(stderr, "bench_dicomweb: metadata from %s: %s\n", qPrintable(base), md ? "wrong count" : qPrintable(md.error()));
                std::exit(1);
            }
            if (i == 0)
                *cold = v;
            else
                ms.push_back(v);
        }
        return median(ms);
    };
    double kilimaCold = 0, orthancCold = 0;
    const double kilimaMeta = metadataLatency(kilimaBase, &kilimaCold);
    const double orthancMeta = haveOrthanc ? metadataLatency(orthancBase, &orthancCold) : 0;
    // A restarted server (empty memory cache): the table beside the index.
    double restartFirst = 0;
    {
        dicomweb::DicomWebServer again(archive, config);
        again.start();
        cc.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(again.port());
        dicomweb::Client client(cc);
        // Log in first: the password check (PBKDF2) is not part of /metadata.
        client.search(archive::Level::Study, {{QStringLiteral("PatientID"), QStringLiteral("BENCH-WEB")}});
        QElapsedTimer t;
        t.start();
        auto md = client.metadata(ct.studyUid, ct.seriesUid);
        restartFirst = t.nsecsElapsed() / 1e6;
        if (!md || md.value().size() != slices)
            return 1;
        again.stop();
    }

    // 3a. QIDO on the small set, both servers
    auto qido = [&](const QString &base, std::vector<double> *all) {
        cc.baseUrl = base;
        dicomweb::Client client(cc);
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            auto r = client.search(archive::Level::Study, {{QStringLiteral("PatientID"), QStringLiteral("BENCH-WEB")},
                                                          {QStringLiteral("includefield"), QStringLiteral("StudyDescription")}});
            all->push_back(t.nsecsElapsed() / 1e6);
            if (!r || r.value().size() != 1) {
                std::fprintf(stderr, "bench_dicomweb: QIDO on %s failed\n", qPrintable(base));
                std::exit(1);
            }
        }
    };
    std::vector<double> kSmall, oSmall;
    qido(kilimaBase, &kSmall);
    if (haveOrthanc)
        qido(orthancBase, &oSmall);
    server.stop();
    orthanc.terminate();

    // 3b. QIDO over the synthetic index of `instances`.
    const core::DataDir bigDir(tmp.filePath(QStringLiteral("big")));
    { auto created = archive::Archive::open(bigDir, core::Config{}); }
    bench::fillSyntheticIndex(bigDir.indexFile(), instances);
    auto bigArchive = archive::Archive::open(bigDir, config);
    archive::Users(bigArchive.value()->databasePath()).add(QStringLiteral("bench"), archive::Role::Admin, QStringLiteral("bench-password"));
    dicomweb::DicomWebServer bigServer(*bigArchive.value(), config);
    bigServer.start();
    cc.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(bigServer.port());
    dicomweb::Client bigClient(cc);
    auto *rng = QRandomGenerator::global();
    const int patients = std::max(2, instances / 40);
    auto measure = [&](const std::function<QList<QPair<QString, QString>>(int)> &keys) {
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            const auto k = keys(r);
            QElapsedTimer t;
            t.start();
            auto found = bigClient.search(archive::Level::Study, k);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (!found) {
                std::fprintf(stderr, "bench_dicomweb: %s\n", qPrintable(found.error()));
                std::exit(1);
            }
        }
        return std::make_pair(median(ms), p99(ms));
    };
    const auto byId = measure([&](int) {
        return QList<QPair<QString, QString>>{{QStringLiteral("PatientID"), QStringLiteral("PID%1").arg(rng->bounded(1, patients))}};
    });
    const auto byName = measure([&](int r) {
        return QList<QPair<QString, QString>>{{QStringLiteral("PatientName"),
                                               QStringLiteral("%1^%2*").arg(QLatin1String(bench::kSurnames[r % 30])).arg(rng->bounded(1, 9))}};
    });
    const auto byDate = measure([&](int r) {
        const QDate from = QDate(2015, 1, 1).addDays(rng->bounded(3600));
        return QList<QPair<QString, QString>>{{QStringLiteral("StudyDate"), from.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-') +
                                                                             from.addDays(30).toString(QStringLiteral("yyyyMMdd"))},
                                              {QStringLiteral("ModalitiesInStudy"), QLatin1String(bench::kModalities[r % 8])},
                                              {QStringLiteral("limit"), QStringLiteral("100")}};
    });
    bigServer.stop();

    std::printf("DICOMweb, series of %d instances of %dx%d (%.1f MB), loopback, %d runs\n", slices, size, size, seriesBytes / 1e6, runs);
    std::printf("WADO-RS series retrieve (curl, best of 3 warm rounds, servers in turn)\n");
    std::printf("  kilima   %8.1f MB/s\n", kilimaRate);
    if (haveOrthanc)
        std::printf("  orthanc  %8.1f MB/s   kilima/orthanc = %.2fx\n", orthancRate, kilimaRate / orthancRate);
    std::printf("  trivial  %8.1f MB/s   kilima/trivial = %.2fx  (curl of the same answer from a server sending it from memory)\n", ceilingRate,
                kilimaRate / ceilingRate);
    std::printf("  cat      %8.1f MB/s   kilima/cat = %.2fx\n", catRate, kilimaRate / catRate);
    std::printf("  read()   %8.1f MB/s   kilima/read = %.2fx  (plain read loop in process)\n", readRate, kilimaRate / readRate);
    std::printf("WADO-RS series /metadata (%d instances)\n", slices);
    std::printf("  kilima   cold %8.1f ms   warm p50 %8.1f ms   first after a restart %8.1f ms\n", kilimaCold, kilimaMeta, restartFirst);
    if (haveOrthanc)
        std::printf("  orthanc  cold %8.1f ms   warm p50 %8.1f ms   orthanc/kilima (warm) = %.1fx\n", orthancCold, orthancMeta, orthancMeta / kilimaMeta);
    std::printf("QIDO-RS study search, PatientID exact, small index (%d instances)\n", slices);
    std::printf("  kilima   p50 %6.2f ms\n", median(kSmall));
    if (haveOrthanc)
        std::printf("  orthanc  p50 %6.2f ms   orthanc/kilima = %.1fx\n", median(oSmall), median(oSmall) / median(kSmall));
    std::printf("QIDO-RS study search over %d instances (kilima)\n", instances);
    std::printf("  %-36s p50 %7.2f ms  p99 %7.2f ms\n", "PatientID exact", byId.first, byId.second);
    std::printf("  %-36s p50 %7.2f ms  p99 %7.2f ms\n", "PatientName prefix wildcard", byName.first, byName.second);
    std::printf("  %-36s p50 %7.2f ms  p99 %7.2f ms\n", "StudyDate 31-day range + modality", byDate.first, byDate.second);
    return 0;
}
