// The study list at scale: 100,000 studies (2,000,000 instances of the
// synthetic index), 5,000 of them with a reading state. For each filter and
// sort the browser offers, the time from the change to the first page on
// screen (count + first page, on the model's worker threads) and the
// largest event-loop stall meanwhile. The peer is the archive's own query
// API (count + first page in study-date order, what the list used before
// it could sort and filter by reading status), timed in the same run.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_ui_list [--studies N] [--work DIR]
#include "syntheticindex.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/archive/sqlite.h>
#include <kilima/browser/studylistmodel.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace kilima;
using browser::StudyListModel;

namespace {

struct Result {
    double ms = 0;
    double maxStallMs = 0;
};

// Applies `change` and serves the event loop until the model has its count
// and first page; a 5 ms timer records how late the loop is.
Result measure(StudyListModel &model, QTableView &view, const std::function<void()> &change)
{
    QElapsedTimer clock;
    qint64 last = 0;
    double maxStall = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        maxStall = std::max(maxStall, (now - last) / 1e6 - 5);
        last = now;
    });
    bool done = false;
    auto c = QObject::connect(&model, &StudyListModel::countChanged, [&] { done = true; });
    clock.start();
    probe.start();
    change();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    const double ms = clock.nsecsElapsed() / 1e6;
    // The rows painted from the first page.
    view.viewport()->repaint();
    QObject::disconnect(c);
    probe.stop();
    return {ms, std::max(0.0, maxStall)};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int studies = 100000;
    QString work = QDir::tempPath();
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--studies"))
            studies = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--work"))
            work = args.at(++i);
    }
    QTemporaryDir tmp(work + QStringLiteral("/kilima-uilist-XXXXXX"));
    const core::DataDir dataDir(tmp.path());
    { auto created = archive::Archive::open(dataDir, {}); if (!created) return 1; }
    QElapsedTimer t;
    t.start();
    bench::fillSyntheticIndex(dataDir.indexFile(), studies * 20);
    std::printf("index of %d studies built in %.1f s\n", studies, t.elapsed() / 1000.0);
    auto opened = archive::Archive::open(dataDir, {});
    std::shared_ptr<archive::Archive> archive(opened.take());

    // 5,000 studies with a reading state, every 20th: 1,250 of each status,
    // a quarter assigned to "amina", every 10th of those STAT.
    {
        QString error;
        sqlite3 *db = archive::openConnection(archive->databasePath(), &error);
        archive::ReadingList::ensureSchema(db, &error);
        archive::execSql(db, "BEGIN");
        archive::Statement uids(db, "SELECT study_uid FROM studies ORDER BY id");
        QStringList all;
        while (uids.next())
            all << uids.text(0);
        archive::Statement ins(db, "INSERT INTO reading(study_uid, status, assigned_to, stat, updated_at, updated_by) "
                                   "VALUES(?,?,?,?,'2026-11-22T00:00:00Z','bench')");
        for (int i = 0, n = 0; i < all.size(); i += 20, ++n) {
            ins.bind(1, all.at(i));
            ins.bind(2, n % 4);
            ins.bind(3, n % 4 == 1 ? QStringLiteral("amina") : QString());
            ins.bind(4, n % 40 == 1 ? 1 : 0);
            ins.exec();
            ins.reset();
        }
        archive::execSql(db, "COMMIT; ANALYZE;");
        sqlite3_close_v2(db);
    }

    StudyListModel model(archive);
    model.setUser(QStringLiteral("amina"));
    QTableView view;
    view.setModel(&model);
    view.resize(1400, 800);
    view.show();

    // Peer: the archive's query API, count + first page of 200.
    QElapsedTimer p;
    p.start();
    archive::Query q;
    q.level = archive::Level::Study;
    const qint64 n = archive->count(q).value();
    q.limit = 200;
    const auto firstPage = archive->query(q);
    const double peerMs = p.nsecsElapsed() / 1e6;

    struct Case { const char *name; std::function<void()> change; };
    const Case cases[] = {
        {"default (study date, newest first)", [&] { model.refresh(); }},
        {"sort by patient name", [&] { model.sort(StudyListModel::PatientNameColumn, Qt::AscendingOrder); }},
        {"sort by status", [&] { model.sort(StudyListModel::StatusColumn, Qt::DescendingOrder); }},
        {"sort by images, descending", [&] { model.sort(StudyListModel::InstancesColumn, Qt::DescendingOrder); }},
        {"status = reported", [&] { model.setStatusFilter(int(archive::ReadingStatus::Reported)); }},
        {"status = unread", [&] { model.setStatusFilter(int(archive::ReadingStatus::Unread)); }},
        {"my worklist (assigned, STAT first)", [&] { model.setStatusFilter(-1); model.setAssignedFilter(QStringLiteral("amina")); model.setStatFirst(true); model.setOpenOnly(true); }},
        {"name typed (\"smi\") + status any", [&] { model.setAssignedFilter({}); model.setStatFirst(false); model.setOpenOnly(false); model.setFilterText(QStringLiteral("smi")); }},
        {"modality CT, last 7 days", [&] { model.setFilterText({}); model.setModality(QStringLiteral("CT")); model.setDatePreset(StudyListModel::DatePreset::Last7Days); }},
    };
    std::printf("studies %lld; peer (archive query API: count + first 200, study-date order) %.1f ms, %lld rows\n", n,
                peerMs, qint64(firstPage ? firstPage.value().size() : -1));
    std::printf("%-40s %10s %14s %8s\n", "change", "first page", "max UI stall", "matches");
    measure(model, view, [&] { model.refresh(); });   // the list as it opens
    for (const Case &c : cases) {
        // Twice: the first run warms the page cache like a user's second look.
        const Result first = measure(model, view, c.change);
        const Result again = measure(model, view, [&] { model.refresh(); });
        std::printf("%-40s %8.1f ms %11.1f ms %8lld   (refresh: %.1f ms, stall %.1f ms)\n", c.name, first.ms,
                    first.maxStallMs, model.totalCount(), again.ms, again.maxStallMs);
    }
    return 0;
}
