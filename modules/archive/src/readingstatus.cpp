#include <kilima/archive/readingstatus.h>

#include <kilima/archive/auditlog.h>
#include <kilima/archive/sqlite.h>

#include <QHash>

namespace kilima::archive {

namespace {

const char *const kReadingV1 =
    "CREATE TABLE IF NOT EXISTS reading ("
    " study_uid TEXT PRIMARY KEY NOT NULL,"
    " status INTEGER NOT NULL DEFAULT 0,"
    " assigned_to TEXT NOT NULL DEFAULT '',"
    " stat INTEGER NOT NULL DEFAULT 0,"
    " updated_at TEXT NOT NULL DEFAULT '',"
    " updated_by TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX IF NOT EXISTS reading_status ON reading(status);"
    "CREATE INDEX IF NOT EXISTS reading_assigned ON reading(assigned_to, status);";

ReadingState rowToState(const Statement &s)
{
    ReadingState st;
    st.studyUid = s.text(0);
    st.status = ReadingStatus(qBound(0, int(s.int64(1)), 3));
    st.assignedTo = s.text(2);
    st.stat = s.int64(3) != 0;
    st.updatedAt = QDateTime::fromString(s.text(4), Qt::ISODateWithMs);
    st.updatedAt.setTimeSpec(Qt::UTC);
    st.updatedBy = s.text(5);
    return st;
}

} // namespace

bool ReadingList::ensureSchema(sqlite3 *db, QString *error)
{
    return applyComponentSchema(db, "reading", {kReadingV1}, error);
}

ReadingList::ReadingList(const QString &databasePath, AuditLog &audit) : m_audit(&audit)
{
    m_db = openConnection(databasePath, &m_openError);
    if (m_db) {
        // A status change is small and frequent; NORMAL keeps it durable
        // against a process crash and quick under WAL.
        execSql(m_db, "PRAGMA synchronous=NORMAL");
        if (!ensureSchema(m_db, &m_openError)) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
        }
    }
}

ReadingList::~ReadingList()
{
    sqlite3_close_v2(m_db);
}

core::Status ReadingList::upsert(const QString &studyUid, const char *column, const QVariant &value,
                                 const QString &byUser, const QString &what)
{
    if (studyUid.trimmed().isEmpty())
        return core::Error{QStringLiteral("no study selected")};
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_db)
            return core::Error{QStringLiteral("the reading worklist is not available (%1)").arg(m_openError)};
        const QByteArray sql = QByteArray("INSERT INTO reading(study_uid, ") + column +
                               ", updated_at, updated_by) VALUES(?1, ?2, ?3, ?4) "
                               "ON CONFLICT(study_uid) DO UPDATE SET " +
                               column + " = excluded." + column +
                               ", updated_at = excluded.updated_at, updated_by = excluded.updated_by";
        Statement s(m_db, sql);
        if (!s.ok())
            return core::Error{QStringLiteral("the reading worklist cannot be updated: %1").arg(s.error())};
        s.bind(1, studyUid);
        s.bindVariant(2, value);
        s.bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        s.bind(4, byUser);
        if (!s.exec())
            return core::Error{QStringLiteral("the reading worklist cannot be updated: %1").arg(s.error())};
    }
    AuditRecord r;
    r.actor = byUser;
    r.action = QStringLiteral("reading");
    r.studyUid = studyUid;
    r.outcome = QStringLiteral("success");
    r.detail = what;
    m_audit->append(r);
    return {};
}

core::Status ReadingList::setStatus(const QString &studyUid, ReadingStatus status, const QString &byUser)
{
    return upsert(studyUid, "status", qint64(int(status)), byUser,
                  QStringLiteral("status set to %1").arg(toString(status)));
}

core::Status ReadingList::assign(const QString &studyUid, const QString &reader, const QString &byUser)
{
    return upsert(studyUid, "assigned_to", reader.trimmed(), byUser,
                  reader.trimmed().isEmpty() ? QStringLiteral("unassigned")
                                             : QStringLiteral("assigned to %1").arg(reader.trimmed()));
}

core::Status ReadingList::setStat(const QString &studyUid, bool stat, const QString &byUser)
{
    return upsert(studyUid, "stat", qint64(stat ? 1 : 0), byUser,
                  stat ? QStringLiteral("marked STAT") : QStringLiteral("STAT removed"));
}

core::Result<ReadingState> ReadingList::state(const QString &studyUid) const
{
    auto all = states({studyUid});
    if (!all)
        return core::Error{all.error()};
    return all.value().value(0);
}

core::Result<QList<ReadingState>> ReadingList::states(const QStringList &studyUids) const
{
    QHash<QString, ReadingState> found;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_db)
            return core::Error{QStringLiteral("the reading worklist is not available (%1)").arg(m_openError)};
        // Batches of at most 500 keep under SQLite's variable limit.
        for (int start = 0; start < studyUids.size(); start += 500) {
            const int n = qMin(500, int(studyUids.size()) - start);
            QByteArray sql = "SELECT study_uid, status, assigned_to, stat, updated_at, updated_by FROM reading "
                             "WHERE study_uid IN (";
            for (int i = 0; i < n; ++i)
                sql += i ? ",?" : "?";
            sql += ")";
            Statement s(m_db, sql);
            if (!s.ok())
                return core::Error{s.error()};
            for (int i = 0; i < n; ++i)
                s.bind(i + 1, studyUids.at(start + i));
            while (s.next()) {
                ReadingState st = rowToState(s);
                found.insert(st.studyUid, st);
            }
        }
    }
    QList<ReadingState> out;
    out.reserve(studyUids.size());
    for (const QString &uid : studyUids) {
        ReadingState st = found.value(uid);
        st.studyUid = uid;
        out.append(st);
    }
    return out;
}

core::Result<QList<ReadingState>> ReadingList::assignedTo(const QString &reader, ReadingStatus below) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the reading worklist is not available (%1)").arg(m_openError)};
    Statement s(m_db, "SELECT study_uid, status, assigned_to, stat, updated_at, updated_by FROM reading "
                      "WHERE assigned_to = ?1 AND status < ?2 ORDER BY stat DESC, updated_at ASC");
    s.bind(1, reader);
    s.bind(2, qint64(int(below)));
    QList<ReadingState> out;
    while (s.next())
        out.append(rowToState(s));
    return out;
}

core::Status ReadingList::forget(const QString &studyUid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the reading worklist is not available (%1)").arg(m_openError)};
    Statement s(m_db, "DELETE FROM reading WHERE study_uid = ?1");
    s.bind(1, studyUid);
    if (!s.exec())
        return core::Error{s.error()};
    return {};
}

QString toString(ReadingStatus status)
{
    switch (status) {
    case ReadingStatus::Unread: return QStringLiteral("unread");
    case ReadingStatus::InProgress: return QStringLiteral("in progress");
    case ReadingStatus::Reported: return QStringLiteral("reported");
    case ReadingStatus::Final: return QStringLiteral("final");
    }
    return QStringLiteral("unread");
}

bool readingStatusFromString(const QString &text, ReadingStatus *status)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("unread"))
        *status = ReadingStatus::Unread;
    else if (t == QLatin1String("in progress") || t == QLatin1String("in-progress") || t == QLatin1String("inprogress"))
        *status = ReadingStatus::InProgress;
    else if (t == QLatin1String("reported"))
        *status = ReadingStatus::Reported;
    else if (t == QLatin1String("final"))
        *status = ReadingStatus::Final;
    else
        return false;
    return true;
}

} // namespace kilima::archive
