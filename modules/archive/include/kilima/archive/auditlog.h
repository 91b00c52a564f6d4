// The audit log: every association, every DIMSE operation and every access
// to a study, kept in the archive's database (who, from where, what, which
// study, result). Appending never throws and never blocks for long: lines
// are queued and a writer thread commits them in batches, within
// milliseconds (one transaction for many lines instead of one each, which
// a C-STORE storm on several associations would otherwise queue behind).
#pragma once

#include <kilima/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

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

    // Queues a line (time stamped now when not set).
    void append(const AuditRecord &record);
    // Returns once every line appended before the call is in the database.
    void flush() const;
    // Sees every line appended before the call.
    core::Result<QList<AuditRecord>> list(const AuditFilter &filter) const;

private:
    void writeLoop();
    void write(const std::vector<AuditRecord> &records);

    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;           // the connection
    mutable std::mutex m_queueMutex;
    mutable std::condition_variable m_wake;
    mutable std::condition_variable m_written;
    std::vector<AuditRecord> m_queue;
    quint64 m_appended = 0;               // lines queued so far
    quint64 m_done = 0;                   // lines written (or given up) so far
    bool m_stop = false;
    mutable quint64 m_flushWanted = 0;    // flush() waits for lines up to here
    std::thread m_writer;
};

} // namespace kilima::archive
