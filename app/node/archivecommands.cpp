// import, find, stats and verify: the archive's commands.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomjson.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace kilima::node_cli {

namespace {

class ProgressBar {
public:
    ProgressBar() : m_enabled(::isatty(STDERR_FILENO)) {}
    void update(int done, int total)
    {
        if (!m_enabled || total <= 0)
            return;
        constexpr int width = 40;
        const int filled = int(qint64(done) * width / total);
        err() << '\r' << '[' << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char(' ')) << "] "
              << done << '/' << total << " files" << Qt::flush;
        m_drawn = true;
    }
    void finish()
    {
        if (m_drawn)
            err() << Qt::endl;
    }

private:
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace

int runImport(const Context &ctx, const QStringList &args)
{
    QStringList paths;
    bool list = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--list"))
            list = true;
        else if (a.startsWith(QLatin1String("--"))) {
            err() << "kilima-node import: unknown option " << a << Qt::endl;
            return kExitUsage;
        } else
            paths << a;
    }
    if (paths.isEmpty()) {
        err() << "usage: kilima-node [--data-dir DIR] import [--list] PATH..." << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;

    QStringList errors;
    const QStringList files = archive::Importer::collect(paths, &errors);
    for (const QString &e : errors)
        err() << "kilima-node import: " << e << Qt::endl;

    archive::Importer importer(*archive);
    ProgressBar bar;
    importer.setProgressHandler([&bar](int done, int total) { bar.update(done, total); });
    if (list) {
        // One line per committed file, printed only after its commit: a
        // script (or a crash test) can trust every line it has read.
        importer.setOutcomeHandler([](const QString &file, const archive::IngestOutcome &o) {
            out() << archive::toString(o.status) << '\t' << o.sopInstanceUid << '\t' << file << Qt::endl;
        });
    }
    const archive::ImportSummary s = importer.run(files);
    bar.finish();

    out() << "imported " << s.imported << ", duplicates " << s.duplicates << ", rejected " << s.rejected;
    if (s.skipped > 0)
        out() << ", skipped " << s.skipped << " non-DICOM";
    out() << Qt::endl;
    for (const auto &r : s.rejections)
        out() << "rejected " << r.first << ": " << (r.second.startsWith(r.first) ? r.second.mid(r.first.size() + 2) : r.second) << Qt::endl;
    for (const auto &c : s.conflicts)
        out() << "duplicate " << c.first << ": " << c.second << Qt::endl;
    return (s.rejected > 0 || !errors.isEmpty()) ? kExitProblems : kExitOk;
}

int runFind(const Context &ctx, const QStringList &args)
{
    archive::Query query;
    bool json = false;
    QStringList keys;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--level") || a.startsWith(QLatin1String("--level="))) {
            const QString value = a.contains(QLatin1Char('=')) ? a.section(QLatin1Char('='), 1) : (i + 1 < args.size() ? args.at(++i) : QString());
            if (!archive::levelFromString(value, &query.level)) {
                err() << "kilima-node find: --level must be patient, study, series or instance" << Qt::endl;
                return kExitUsage;
            }
        } else if (a == QLatin1String("--limit") || a == QLatin1String("--offset")) {
            bool ok = false;
            const int n = i + 1 < args.size() ? args.at(++i).toInt(&ok) : 0;
            if (!ok || n < 0) {
                err() << "kilima-node find: " << a << " needs a number" << Qt::endl;
                return kExitUsage;
            }
            (a == QLatin1String("--limit") ? query.limit : query.offset) = n;
        } else if (a.startsWith(QLatin1String("--"))) {
            err() << "kilima-node find: unknown option " << a << Qt::endl;
            return kExitUsage;
        } else {
            keys << a;
        }
    }
    for (const QString &k : keys) {
        const core::Status st = query.addKey(k);
        if (!st) {
            err() << "kilima-node find: " << st.error() << Qt::endl;
            return kExitUsage;
        }
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;
    const auto rows = archive->query(query);
    if (!rows) {
        err() << "kilima-node find: " << rows.error() << Qt::endl;
        return kExitUsage;
    }
    if (json) {
        QJsonArray array;
        for (const dicom::AttributeMap &row : rows.value())
            array.append(dicom::toDicomJson(row));
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        out().flush();
        return kExitOk;
    }
    for (const dicom::AttributeMap &row : rows.value()) {
        QStringList fields;
        for (const auto &[tag, value] : row)
            fields << dicom::keywordOf(tag) + QLatin1Char('=') + value;
        out() << fields.join(QLatin1Char('\t')) << Qt::endl;
    }
    return kExitOk;
}

int runStats(const Context &ctx, const QStringList &args)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else {
            err() << "kilima-node stats: unknown argument " << a << Qt::endl;
            return kExitUsage;
        }
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;
    const auto s = archive->stats();
    if (!s) {
        err() << "kilima-node stats: " << s.error() << Qt::endl;
        return kExitProblems;
    }
    if (json) {
        const QJsonObject o{{QStringLiteral("patients"), s.value().patients},
                            {QStringLiteral("studies"), s.value().studies},
                            {QStringLiteral("series"), s.value().series},
                            {QStringLiteral("instances"), s.value().instances},
                            {QStringLiteral("storedBytes"), s.value().storedBytes}};
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out() << "patients " << s.value().patients << "\nstudies " << s.value().studies << "\nseries " << s.value().series
              << "\ninstances " << s.value().instances << "\nstored bytes " << s.value().storedBytes << '\n';
    }
    out().flush();
    return kExitOk;
}

int runVerify(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty()) {
        err() << "kilima-node verify: unknown argument " << args.first() << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;
    const archive::VerifyReport r = archive->verify();
    for (const QString &p : r.reconcile.missingFiles)
        out() << "problem: " << p << Qt::endl;
    for (const QString &p : r.problems)
        out() << "problem: " << p << Qt::endl;
    if (r.reconcile.orphanFilesIndexed > 0)
        out() << "repaired: indexed " << r.reconcile.orphanFilesIndexed << " stored files that had no index rows" << Qt::endl;
    if (r.reconcile.unacknowledgedRowsDropped > 0)
        out() << "repaired: dropped " << r.reconcile.unacknowledgedRowsDropped
              << " index rows of instances that were never acknowledged (their files did not reach the disk)" << Qt::endl;
    if (r.reconcile.orphanFilesQuarantined > 0)
        out() << "repaired: moved " << r.reconcile.orphanFilesQuarantined << " unreadable stored files to quarantine" << Qt::endl;
    out() << "checked " << r.checked << " instances: " << (r.consistent() ? "consistent" : "NOT consistent") << Qt::endl;
    return r.consistent() ? kExitOk : kExitProblems;
}

} // namespace kilima::node_cli
