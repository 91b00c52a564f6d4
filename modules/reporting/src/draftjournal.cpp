#include <kilima/reporting/draftjournal.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace kilima::reporting {

namespace {

bool isUid(const QString &uid)
{
    static const QRegularExpression re(QStringLiteral("^[0-9.]{1,64}$"));
    return re.match(uid).hasMatch();
}

} // namespace

DraftJournal::DraftJournal(const QString &dir) : m_dir(dir) {}

QString DraftJournal::pathOf(const QString &studyUid) const
{
    return m_dir + QLatin1Char('/') + studyUid + QStringLiteral(".json");
}

core::Status DraftJournal::write(const Report &report)
{
    if (!isUid(report.studyUid))
        return core::Error{QStringLiteral("draft journal: \"%1\" is not a study UID").arg(report.studyUid)};
    if (!QDir().mkpath(m_dir))
        return core::Error{QStringLiteral("draft journal: cannot create %1").arg(m_dir)};
    QJsonObject o{{QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("report"), report.toJson()}};
    // QSaveFile writes a temporary file, fsyncs it and renames it over the
    // old journal: a crash leaves either the old or the new journal whole.
    QSaveFile f(pathOf(report.studyUid));
    if (!f.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("draft journal: cannot write %1: %2").arg(f.fileName(), f.errorString())};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!f.commit())
        return core::Error{QStringLiteral("draft journal: cannot write %1: %2").arg(f.fileName(), f.errorString())};
    return {};
}

core::Result<Report> DraftJournal::read(const QString &studyUid) const
{
    if (!isUid(studyUid))
        return core::Error{QStringLiteral("\"%1\" is not a study UID").arg(studyUid)};
    QFile f(pathOf(studyUid));
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("no journalled draft for study %1").arg(studyUid)};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return core::Error{QStringLiteral("%1: journal is damaged").arg(f.fileName())};
    return Report::fromJson(doc.object().value(QStringLiteral("report")).toObject());
}

bool DraftJournal::has(const QString &studyUid) const
{
    return isUid(studyUid) && QFile::exists(pathOf(studyUid));
}

QDateTime DraftJournal::savedAt(const QString &studyUid) const
{
    if (!has(studyUid))
        return {};
    QFile f(pathOf(studyUid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return QDateTime::fromString(doc.object().value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs).toUTC();
}

void DraftJournal::discard(const QString &studyUid)
{
    if (isUid(studyUid))
        QFile::remove(pathOf(studyUid));
}

QStringList DraftJournal::pendingStudies() const
{
    QStringList out;
    for (const QFileInfo &fi : QDir(m_dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        if (isUid(fi.completeBaseName()))
            out.append(fi.completeBaseName());
    }
    return out;
}

Autosaver::Autosaver(DraftJournal *journal, std::function<Report()> snapshot, QObject *parent, int intervalMs, int burstMs)
    : QObject(parent), m_journal(journal), m_snapshot(std::move(snapshot))
{
    m_burst.setSingleShot(true);
    m_burst.setInterval(burstMs);
    m_interval.setSingleShot(true);
    m_interval.setInterval(intervalMs);
    connect(&m_burst, &QTimer::timeout, this, [this] { flush(); });
    connect(&m_interval, &QTimer::timeout, this, [this] { flush(); });
}

void Autosaver::changed()
{
    if (!m_enabled)
        return;
    m_dirty = true;
    m_burst.start();               // restarts: fires when typing pauses
    if (!m_interval.isActive())
        m_interval.start();        // does not restart: fires while typing goes on
}

bool Autosaver::flush()
{
    m_burst.stop();
    m_interval.stop();
    if (!m_dirty || !m_enabled)
        return true;
    const Report r = m_snapshot();
    auto st = m_journal->write(r);
    if (!st) {
        Q_EMIT failed(st.error());
        return false;
    }
    m_dirty = false;
    ++m_writes;
    Q_EMIT saved(QDateTime::currentDateTimeUtc());
    return true;
}

void Autosaver::markClean()
{
    m_burst.stop();
    m_interval.stop();
    m_dirty = false;
}

void Autosaver::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_burst.stop();
        m_interval.stop();
        m_dirty = false;
    }
}

} // namespace kilima::reporting
