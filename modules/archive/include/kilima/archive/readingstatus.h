// Reading worklist state of each study: unread, in progress, reported,
// final; an optional assigned reader; a STAT flag. Kept beside the index in
// the archive's database (component "reading"), so every workstation that
// uses the same node sees the same state. Every change is audited.
// Thread safe: one connection guarded by a mutex.
#pragma once

#include <kilima/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <mutex>

struct sqlite3;

namespace kilima::archive {

class AuditLog;

enum class ReadingStatus { Unread, InProgress, Reported, Final };

struct ReadingState {
    QString studyUid;
    ReadingStatus status = ReadingStatus::Unread;
    QString assignedTo;
    bool stat = false;
    QDateTime updatedAt;   // UTC; invalid when the study was never touched
    QString updatedBy;
};

class ReadingList {
public:
    // Changes are audited in `audit`, the archive's log, which outlives
    // the list: one log per database keeps its lines in one queue, so a
    // reader of it sees them at once.
    ReadingList(const QString &databasePath, AuditLog &audit);
    ~ReadingList();
    ReadingList(const ReadingList &) = delete;
    ReadingList &operator=(const ReadingList &) = delete;

    // Empty when the table is usable; otherwise what went wrong.
    QString openError() const { return m_openError; }

    core::Status setStatus(const QString &studyUid, ReadingStatus status, const QString &byUser);
    // An empty reader unassigns the study.
    core::Status assign(const QString &studyUid, const QString &reader, const QString &byUser);
    core::Status setStat(const QString &studyUid, bool stat, const QString &byUser);
    // A study never touched is Unread, unassigned, not STAT.
    core::Result<ReadingState> state(const QString &studyUid) const;
    // One state per requested UID, in the same order.
    core::Result<QList<ReadingState>> states(const QStringList &studyUids) const;
    // Studies assigned to `reader` whose status is below `below` (e.g.
    // Reported: the reader's open work), STAT first, then oldest change.
    core::Result<QList<ReadingState>> assignedTo(const QString &reader, ReadingStatus below = ReadingStatus::Final) const;
    // Forget the state of a deleted study.
    core::Status forget(const QString &studyUid);

    // The SQL table, for the browser's paged query to join against:
    // reading(study_uid TEXT PRIMARY KEY, status INTEGER, assigned_to TEXT,
    // stat INTEGER, updated_at TEXT, updated_by TEXT).
    static const char *tableName() { return "reading"; }
    // Creates/upgrades the table on an open connection.
    static bool ensureSchema(sqlite3 *db, QString *error);

private:
    core::Status upsert(const QString &studyUid, const char *column, const QVariant &value, const QString &byUser,
                        const QString &what);

    sqlite3 *m_db = nullptr;
    QString m_openError;
    AuditLog *m_audit;
    mutable std::mutex m_mutex;
};

// "unread", "in progress", "reported", "final" (stable, for logs and CLI).
QString toString(ReadingStatus status);
// Inverse of toString (also accepts "in-progress", "inprogress"); false when unknown.
bool readingStatusFromString(const QString &text, ReadingStatus *status);

} // namespace kilima::archive
