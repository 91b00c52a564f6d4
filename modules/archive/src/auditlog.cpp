#include <kilima/archive/auditlog.h>

#include "sqlite_p.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>

namespace kilima::archive {

Q_LOGGING_CATEGORY(lcAudit, "kilima.audit")

namespace {
constexpr int kGatherMs = 50;
constexpr size_t kGatherLines = 256;
} // namespace

AuditLog::AuditLog(const QString &databasePath)
{
    QString error;
    m_db = openConnection(databasePath, &error);
    if (!m_db)
        qCCritical(lcAudit).noquote() << "cannot open the audit log:" << error;
    else
        // An audit line is written per DIMSE operation: a crash may lose
        // the last lines but never corrupts the log, and stores stay fast.
        execSql(m_db, "PRAGMA synchronous=NORMAL");
}

AuditLog::~AuditLog()
{
    {
        std::lock_guard<std::mutex> lock(m_queueMutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
    sqlite3_close_v2(m_db);
}

void AuditLog::append(const AuditRecord &r)
{
    AuditRecord line = r;
    if (!line.time.isValid())
        line.time = QDateTime::currentDateTimeUtc();
    {
        std::lock_guard<std::mutex> lock(m_queueMutex);
        if (!m_writer.joinable() && m_db)
            m_writer = std::thread([this] { writeLoop(); });
        m_queue.push_back(std::move(line));
        ++m_appended;
    }
    m_wake.notify_one();
}

void AuditLog::flush() const
{
    std::unique_lock<std::mutex> lock(m_queueMutex);
    const quint64 target = m_appended;
    m_flushWanted = std::max(m_flushWanted, target);
    m_wake.notify_one();
    m_written.wait(lock, [&] { return m_done >= target || !m_db; });
}

void AuditLog::writeLoop()
{
    std::unique_lock<std::mutex> lock(m_queueMutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty() && m_stop)
            return;
        // Lines are gathered for a moment and written in one transaction:
        // a line per C-STORE, each its own commit, made every commit of
        // the index re-read its pages (the audit shares its database) and
        // cost two commits per object. A reader (flush()) or a stop ends
        // the wait at once.
        m_wake.wait_for(lock, std::chrono::milliseconds(kGatherMs), [&] {
            return m_stop || m_flushWanted > m_done || m_queue.size() >= kGatherLines;
        });
        std::vector<AuditRecord> batch;
        batch.swap(m_queue);
        lock.unlock();
        write(batch);
        lock.lock();
        m_done += batch.size();
        m_written.notify_all();
    }
}

void AuditLog::write(const std::vector<AuditRecord> &records)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return;
    const bool transaction = records.size() > 1 && execSql(m_db, "BEGIN IMMEDIATE");
    Statement s(m_db, "INSERT INTO audit(time, actor, peer_host, calling_ae, called_ae, association, action, study_uid, "
                      "outcome, detail) VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (const AuditRecord &r : records) {
        s.reset();
        s.bind(1, r.time.toUTC().toString(Qt::ISODateWithMs));
        s.bind(2, r.actor.isEmpty() ? r.callingAe : r.actor);
        s.bind(3, r.peerHost);
        s.bind(4, r.callingAe);
        s.bind(5, r.calledAe);
        s.bind(6, qint64(r.association));
        s.bind(7, r.action);
        s.bind(8, r.studyUid);
        s.bind(9, r.outcome);
        s.bind(10, r.detail);
        if (!s.exec())
            qCWarning(lcAudit).noquote() << "cannot write the audit log:" << s.error();
    }
    QString error;
    if (transaction && !execSql(m_db, "COMMIT", &error)) {
        qCWarning(lcAudit).noquote() << "cannot write the audit log:" << error;
        execSql(m_db, "ROLLBACK");
    }
}

core::Result<QList<AuditRecord>> AuditLog::list(const AuditFilter &f) const
{
    flush();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the audit log is not available")};
    QByteArray sql = "SELECT id, time, actor, peer_host, calling_ae, called_ae, association, action, study_uid, outcome, "
                     "detail FROM audit WHERE 1";
    if (f.since.isValid())
        sql += " AND time >= ?1";
    if (!f.studyUid.isEmpty())
        sql += " AND study_uid = ?2";
    if (!f.actor.isEmpty())
        sql += " AND actor = ?3";
    sql += " ORDER BY id DESC LIMIT ?4";
    Statement s(m_db, sql);
    if (f.since.isValid())
        s.bind(1, f.since.toUTC().toString(Qt::ISODateWithMs));
    if (!f.studyUid.isEmpty())
        s.bind(2, f.studyUid);
    if (!f.actor.isEmpty())
        s.bind(3, f.actor);
    s.bind(4, qint64(f.limit > 0 ? f.limit : -1));
    QList<AuditRecord> records;
    while (s.next()) {
        AuditRecord r;
        r.id = s.int64(0);
        r.time = QDateTime::fromString(s.text(1), Qt::ISODateWithMs);
        r.actor = s.text(2);
        r.peerHost = s.text(3);
        r.callingAe = s.text(4);
        r.calledAe = s.text(5);
        r.association = quint64(s.int64(6));
        r.action = s.text(7);
        r.studyUid = s.text(8);
        r.outcome = s.text(9);
        r.detail = s.text(10);
        records << r;
    }
    return records;
}

} // namespace kilima::archive
