// Query latency on an index of N instances (synthetic rows, default
// 1,000,000): study-level PatientID exact, PatientName prefix wildcard, and
// StudyDate range + ModalitiesInStudy, each through the archive's query API
// with a page size of 100 (what the browser and QIDO ask for).
//
//   bench_query [--instances N] [--work DIR] [--runs R]
//
// Prints p50/p99/max per query kind, and the same queries run by the
// sqlite3 engine alone with hand-written SQL (the floor any index on this
// engine can reach) for the ratio.
#include "syntheticindex.h"

#include <kilima/archive/archive.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace kilima;

using kilima::bench::kModalities;
using kilima::bench::kSurnames;

struct Figures {
    double p50, p99, max;
};

static Figures measure(int runs, const std::function<void(int)> &one)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        one(r);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(ms.size() * 0.99))], ms.back()};
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int instances = 1000000, runs = 300;
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
    QTemporaryDir tmp(work.isEmpty() ? QDir::tempPath() + QStringLiteral("/kilima-qbench-XXXXXX") : work + QStringLiteral("/kilima-qbench-XXXXXX"));
    const core::DataDir dataDir(tmp.path());
    {
        auto created = archive::Archive::open(dataDir, core::Config{});
        if (!created) {
            std::fprintf(stderr, "bench_query: %s\n", qPrintable(created.error()));
            return 1;
        }
    }
    QElapsedTimer t;
    t.start();
    kilima::bench::fillSyntheticIndex(dataDir.indexFile(), instances);
    std::printf("index of %d instances (%d studies) built in %.1f s\n", instances, instances / 20, t.nsecsElapsed() / 1e9);

    auto opened = archive::Archive::open(dataDir, core::Config{});
    auto &a = *opened.value();
    const int patients = instances / 40;
    auto *rng = QRandomGenerator::global();
    auto runQuery = [&a](std::initializer_list<QString> keys) {
        archive::Query q;
        q.level = archive::Level::Study;
        q.limit = 100;
        for (const QString &k : keys)
            q.addKey(k);
        const auto rows = a.query(q);
        if (!rows)
            qFatal("%s", qPrintable(rows.error()));
        return rows.value().size();
    };
    const Figures byId = measure(runs, [&](int) {
        runQuery({QStringLiteral("PatientID=PID%1").arg(rng->bounded(1, patients))});
    });
    const Figures byName = measure(runs, [&](int r) {
        runQuery({QStringLiteral("PatientName=%1^%2*").arg(QLatin1String(kSurnames[r % 30])).arg(rng->bounded(1, 9))});
    });
    const Figures byDate = measure(runs, [&](int r) {
        const QDate from = QDate(2015, 1, 1).addDays(rng->bounded(3600));
        runQuery({QStringLiteral("StudyDate=%1-%2").arg(from.toString(QStringLiteral("yyyyMMdd")), from.addDays(30).toString(QStringLiteral("yyyyMMdd"))),
                  QStringLiteral("ModalitiesInStudy=%1").arg(QLatin1String(kModalities[r % 8]))});
    });

    // The floor: the same three queries as hand-written SQL on sqlite3.
    sqlite3 *db = nullptr;
    sqlite3_open_v2(dataDir.indexFile().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto raw = [db](const QByteArray &sql) {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, sql.constData(), -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
        }
        sqlite3_finalize(s);
    };
    const Figures rawId = measure(runs, [&](int) {
        raw("SELECT st.* FROM studies st JOIN patients p ON p.id = st.patient_fk WHERE p.patient_id = 'PID" +
            QByteArray::number(rng->bounded(1, patients)) + "' LIMIT 100");
    });
    const Figures rawName = measure(runs, [&](int r) {
        raw("SELECT st.*, p.* FROM studies st JOIN patients p ON p.id = st.patient_fk WHERE p.patient_name_key GLOB '" +
            QByteArray(kSurnames[r % 30]) + "^" + QByteArray::number(rng->bounded(1, 9)) + "*' LIMIT 100");
    });
    const Figures rawDate = measure(runs, [&](int r) {
        const QDate from = QDate(2015, 1, 1).addDays(rng->bounded(3600));
        raw("SELECT st.*, p.* FROM studies st JOIN patients p ON p.id = st.patient_fk WHERE st.study_date BETWEEN '" +
            from.toString(QStringLiteral("yyyyMMdd")).toLatin1() + "' AND '" +
            from.addDays(30).toString(QStringLiteral("yyyyMMdd")).toLatin1() + "' AND instr(st.modalities, '\\" +
            QByteArray(kModalities[r % 8]) + "\\') > 0 LIMIT 100");
    });
    sqlite3_close(db);

    std::printf("%-36s %9s %9s %9s   %s\n", "query (study level, limit 100)", "p50 ms", "p99 ms", "max ms", "raw sqlite3 p50/p99 ms");
    auto line = [](const char *name, const Figures &f, const Figures &r) {
        std::printf("%-36s %9.2f %9.2f %9.2f   %.2f / %.2f\n", name, f.p50, f.p99, f.max, r.p50, r.p99);
    };
    line("PatientID exact", byId, rawId);
    line("PatientName prefix wildcard", byName, rawName);
    line("StudyDate 31-day range + modality", byDate, rawDate);
    const bool met = byId.p50 < 10 && byName.p50 < 10 && byDate.p50 < 10 && byId.p99 < 50 && byName.p99 < 50 && byDate.p99 < 50;
    std::printf("goal p50 < 10 ms and p99 < 50 ms: %s\n", met ? "met" : "NOT met");
    return 0;
}
