// The audit log: every association, every DIMSE operation and every access
// to a study, kept in the archive's database (who, from where, what, which
// study, result). Appending never throws and never blocks for long.
#pragma once

#include <kilima/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <mutex>

struct sqlite3;

namespace kilima::archive {

struct AuditRecord {
    qint64 id = 0;
    QDateTime time;        // UTC
    QString actor;         // calling AE title or user name
    QString peerHost;
    QString callingAe;
    QString calledAe;
    quint64 association = 0;
    QString action;        // associate, C-STORE, C-FIND, import, ...
    QString studyUid;
    QString outcome;       // success, failure, denied, warning
    QString detail;
};

struct AuditFilter {
    QDateTime since;       // invalid = from the beginning
    QString studyUid;
    QString actor;
    int limit = 100;       // newest first
};

class AuditLog {
public:
    explicit AuditLog(const QString &databasePath);
    ~AuditLog();

    void append(const AuditRecord &record);
    core::Result<QList<AuditRecord>> list(const AuditFilter &filter) const;

private:
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
