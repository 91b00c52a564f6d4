// Reports kept beside the index in the archive's database (component
// "reports"): one row per report with its JSON body, and a history row for
// every change (who, when, what, the body as it was). A final report is
// immutable: the store refuses to change it, and a trigger in the database
// refuses it too; corrections are addenda appended to it. Every change is
// written to the archive's audit log. Thread safe (one connection, a mutex).
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/report.h>

#include <QList>
#include <QString>
#include <mutex>

struct sqlite3;

namespace kilima::archive {
class AuditLog;
}

namespace kilima::reporting {

struct ReportHistoryEntry {
    QDateTime changedAt;   // UTC
    QString changedBy;
    QString action;        // create, save, preliminary, sign, addendum
    ReportStatus status = ReportStatus::Draft;
};

class ReportStore {
public:
    ReportStore(const QString &databasePath, archive::AuditLog *audit);
    ~ReportStore();
    ReportStore(const ReportStore &) = delete;
    ReportStore &operator=(const ReportStore &) = delete;

    QString openError() const { return m_openError; }

    // Inserts (id 0) or updates the report; `action` names the change in
    // the history and the audit log. Fails for a report already final,
    // except action "addendum", which may only append addenda.
    core::Result<Report> save(const Report &report, const QString &user, const QString &action);
    core::Result<Report> byId(qint64 id) const;
    // Reports of a study, newest first.
    core::Result<QList<Report>> forStudy(const QString &studyUid) const;
    core::Result<Report> latest(const QString &studyUid) const;
    core::Result<QList<ReportHistoryEntry>> history(qint64 id) const;

    static QList<const char *> schema();

private:
    core::Status openStatus() const;
    sqlite3 *m_db = nullptr;
    QString m_openError;
    archive::AuditLog *m_audit;
    mutable std::mutex m_mutex;
};

// The signed content of a report (sections, items, measurements, key
// images): what must not change once final.
QString signedContent(const Report &report);

} // namespace kilima::reporting
