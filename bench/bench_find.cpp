// C-FIND latency over the network: kilima's node serving an index of N
// synthetic instances (default 1,000,000), queried at study level by the
// dicomnet SCU on loopback, one association per query as most SCUs do:
// PatientID exact, PatientName prefix wildcard, StudyDate 31-day range +
// ModalitiesInStudy. Prints p50/p99/max per kind. (The peer comparison
// with Orthanc on the same files is in bench_store.sh: Orthanc cannot be
// loaded with 1,000,000 instances in a benchmark's time.)
//
//   bench_find [--instances N] [--runs R] [--work DIR]
#include "syntheticindex.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/knownnodes.h>
#include <kilima/dicomnet/scu.h>
#include <kilima/core/logging.h>
#include <kilima/node/node.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace kilima;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    core::initLogging(false);
    int instances = 1000000, runs = 200;
    QString work;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--instances") && i + 1 < args.size())
            instances = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--work") && i + 1 < args.size())
            work = args.at(++i);
    }
    QTemporaryDir tmp(work.isEmpty() ? QDir::tempPath() + QStringLiteral("/kilima-fbench-XXXXXX") : work + QStringLiteral("/kilima-fbench-XXXXXX"));
    const core::DataDir dataDir(tmp.path());
    {
        auto created = archive::Archive::open(dataDir, core::Config{});
        if (!created) {
            std::fprintf(stderr, "bench_find: %s\n", qPrintable(created.error()));
            return 1;
        }
    }
    bench::fillSyntheticIndex(dataDir.indexFile(), instances);

    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    core::Config config;
    config.node.bindAddress = QStringLiteral("127.0.0.1");
    config.node.dicomPort = port;
    auto opened = archive::Archive::open(dataDir, config);
    archive::Archive &archive = *opened.value();
    archive.knownNodes().put({QStringLiteral("bench"), QStringLiteral("BENCH"), QStringLiteral("127.0.0.1"), 104, false,
                              {QStringLiteral("find")}});
    node::Node node(archive, config);
    if (const core::Status st = node.start(); !st) {
        std::fprintf(stderr, "bench_find: %s\n", qPrintable(st.error()));
        return 1;
    }
    dicomnet::ScuConfig scu;
    scu.callingAe = QStringLiteral("BENCH");
    scu.remote = {QStringLiteral("kilima"), QStringLiteral("KILIMA"), QStringLiteral("127.0.0.1"), node.dicomPort(), false};

    auto *rng = QRandomGenerator::global();
    const int patients = instances / 40;
    qint64 answers = 0;
    auto measure = [&](const std::function<void(DcmDataset &, int)> &keys) {
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            DcmDataset id;
            id.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
            id.putAndInsertString(DCM_StudyInstanceUID, "");
            id.putAndInsertString(DCM_PatientName, "");
            id.putAndInsertString(DCM_PatientID, "");
            id.putAndInsertString(DCM_StudyDate, "");
            id.putAndInsertString(DCM_ModalitiesInStudy, "");
            id.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");
            keys(id, r);
            QElapsedTimer t;
            t.start();
            const auto found = dicomnet::Scu::find(scu, dicomnet::QueryModel::StudyRoot, id);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (!found) {
                std::fprintf(stderr, "bench_find: %s\n", qPrintable(found.error()));
                std::exit(1);
            }
            answers += found.value().size();
        }
        std::sort(ms.begin(), ms.end());
        return std::vector<double>{ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(ms.size() * 0.99))], ms.back()};
    };
    const auto byId = measure([&](DcmDataset &id, int) {
        id.putAndInsertString(DCM_PatientID, QStringLiteral("PID%1").arg(rng->bounded(1, patients)).toLatin1().constData());
    });
    const auto byName = measure([&](DcmDataset &id, int r) {
        id.putAndInsertString(DCM_PatientName, QStringLiteral("%1^%2*").arg(QLatin1String(bench::kSurnames[r % 30])).arg(rng->bounded(1, 9)).toLatin1().constData());
    });
    const auto byDate = measure([&](DcmDataset &id, int r) {
        const QDate from = QDate(2015, 1, 1).addDays(rng->bounded(3600));
        id.putAndInsertString(DCM_StudyDate, (from.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-') +
                                              from.addDays(30).toString(QStringLiteral("yyyyMMdd"))).toLatin1().constData());
        id.putAndInsertString(DCM_ModalitiesInStudy, bench::kModalities[r % 8]);
    });
    node.stop();

    std::printf("C-FIND study level, %d instances, %d runs each, one association per query (%lld answers in all)\n",
                instances, runs, answers);
    std::printf("%-36s %9s %9s %9s\n", "query", "p50 ms", "p99 ms", "max ms");
    std::printf("%-36s %9.2f %9.2f %9.2f\n", "PatientID exact", byId[0], byId[1], byId[2]);
    std::printf("%-36s %9.2f %9.2f %9.2f\n", "PatientName prefix wildcard", byName[0], byName[1], byName[2]);
    std::printf("%-36s %9.2f %9.2f %9.2f\n", "StudyDate 31-day range + modality", byDate[0], byDate[1], byDate[2]);
    return 0;
}
