#include <kilima/reporting/reportstore.h>

#include <kilima/archive/auditlog.h>
#include <kilima/archive/sqlite.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace kilima::reporting {

using archive::Statement;

namespace {

const char *kV1 =
    "CREATE TABLE reports("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " study_uid TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " author TEXT,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " signed_by TEXT,"
    " signed_at TEXT,"
    " content TEXT NOT NULL,"
    " body TEXT NOT NULL);"
    "CREATE INDEX reports_study ON reports(study_uid);"
    "CREATE TABLE report_history("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " report_id INTEGER NOT NULL REFERENCES reports(id),"
    " changed_at TEXT NOT NULL,"
    " changed_by TEXT,"
    " action TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " body TEXT NOT NULL);"
    "CREATE INDEX report_history_report ON report_history(report_id);"
    // The database itself keeps a final report's content unchanged.
    "CREATE TRIGGER reports_final_immutable BEFORE UPDATE ON reports"
    " WHEN OLD.status = 'final' AND (NEW.status <> 'final' OR NEW.content IS NOT OLD.content"
    "  OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at)"
    " BEGIN SELECT RAISE(ABORT, 'a final report is immutable; add an addendum'); END;"
    "CREATE TRIGGER reports_final_undeletable BEFORE DELETE ON reports"
    " WHEN OLD.status = 'final'"
    " BEGIN SELECT RAISE(ABORT, 'a final report cannot be deleted'); END;";

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString signedContent(const Report &r)
{
    QJsonObject all = r.toJson();
    QJsonObject c{{QStringLiteral("sections"), all.value(QStringLiteral("sections"))},
                  {QStringLiteral("items"), all.value(QStringLiteral("items"))},
                  {QStringLiteral("measurements"), all.value(QStringLiteral("measurements"))},
                  {QStringLiteral("keyImages"), all.value(QStringLiteral("keyImages"))},
                  {QStringLiteral("study"), all.value(QStringLiteral("study"))}};
    return QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact));
}

QList<const char *> ReportStore::schema()
{
    return {kV1};
}

ReportStore::ReportStore(const QString &databasePath, archive::AuditLog *audit) : m_audit(audit)
{
    QString error;
    m_db = archive::openConnection(databasePath, &error);
    if (!m_db) {
        m_openError = QStringLiteral("report store: %1").arg(error);
        return;
    }
    if (!archive::applyComponentSchema(m_db, "reports", schema(), &error))
        m_openError = QStringLiteral("report store: %1").arg(error);
}

ReportStore::~ReportStore()
{
    sqlite3_close_v2(m_db);
}

core::Status ReportStore::openStatus() const
{
    if (!m_openError.isEmpty())
        return core::Error{m_openError};
    return {};
}

core::Result<Report> ReportStore::save(const Report &input, const QString &user, const QString &action)
{
    if (auto st = openStatus(); !st)
        return core::Error{st.error()};
    if (input.studyUid.isEmpty())
        return core::Error{QStringLiteral("a report needs a study UID")};
    Report r = input;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!archive::execSql(m_db, "BEGIN IMMEDIATE"))
        return core::Error{QStringLiteral("report store: cannot start a transaction: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    auto fail = [this](const QString &msg) -> core::Result<Report> {
        archive::execSql(m_db, "ROLLBACK");
        return core::Error{msg};
    };
    if (r.id != 0) {
        Statement q(m_db, "SELECT status, content, body FROM reports WHERE id = ?");
        q.bind(1, r.id);
        if (!q.next())
            return fail(QStringLiteral("report %1 does not exist").arg(r.id));
        ReportStatus stored = ReportStatus::Draft;
        reportStatusFromString(q.text(0), &stored);
        if (stored == ReportStatus::Final) {
            if (action != QLatin1String("addendum"))
                return fail(QStringLiteral("report %1 is final and cannot be changed; add an addendum").arg(r.id));
            const Report old = Report::fromJson(QJsonDocument::fromJson(q.text(2).toUtf8()).object());
            if (signedContent(r) != q.text(1) || r.status != ReportStatus::Final || r.addenda.size() <= old.addenda.size())
                return fail(QStringLiteral("report %1 is final: an addendum may only append text").arg(r.id));
            for (int i = 0; i < old.addenda.size(); ++i) {
                if (old.addenda.at(i).text != r.addenda.at(i).text)
                    return fail(QStringLiteral("report %1: earlier addenda cannot be changed").arg(r.id));
            }
        }
    } else {
        r.createdAt = now;
    }
    r.updatedAt = now;
    if (r.author.isEmpty())
        r.author = user;
    const QString body = QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
    if (r.id == 0) {
        Statement ins(m_db, "INSERT INTO reports(study_uid, status, author, created_at, updated_at, signed_by, signed_at, content, body)"
                            " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, r.studyUid);
        ins.bind(2, toString(r.status));
        ins.bind(3, r.author);
        ins.bind(4, iso(r.createdAt));
        ins.bind(5, iso(r.updatedAt));
        ins.bind(6, r.signedBy);
        ins.bind(7, r.signedAt.isValid() ? iso(r.signedAt) : QString());
        ins.bind(8, signedContent(r));
        ins.bind(9, body);
        if (!ins.exec())
            return fail(QStringLiteral("report store: %1").arg(ins.error()));
        r.id = sqlite3_last_insert_rowid(m_db);
    }
    // The body carries the id, so it is written once the id is known.
    const QString finalBody = QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
    Statement up(m_db, "UPDATE reports SET status = ?, author = ?, updated_at = ?, signed_by = ?, signed_at = ?, content = ?, body = ?"
                       " WHERE id = ?");
    up.bind(1, toString(r.status));
    up.bind(2, r.author);
    up.bind(3, iso(r.updatedAt));
    up.bind(4, r.signedBy);
    up.bind(5, r.signedAt.isValid() ? iso(r.signedAt) : QString());
    up.bind(6, signedContent(r));
    up.bind(7, finalBody);
    up.bind(8, r.id);
    if (!up.exec())
        return fail(QStringLiteral("report store: %1").arg(up.error()));
    Statement hist(m_db, "INSERT INTO report_history(report_id, changed_at, changed_by, action, status, body) VALUES(?, ?, ?, ?, ?, ?)");
    hist.bind(1, r.id);
    hist.bind(2, iso(now));
    hist.bind(3, user);
    hist.bind(4, action);
    hist.bind(5, toString(r.status));
    hist.bind(6, finalBody);
    if (!hist.exec())
        return fail(QStringLiteral("report store: %1").arg(hist.error()));
    if (!archive::execSql(m_db, "COMMIT"))
        return fail(QStringLiteral("report store: commit failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
    if (m_audit) {
        archive::AuditRecord rec;
        rec.time = now;
        rec.actor = user;
        rec.action = QStringLiteral("report ") + action;
        rec.studyUid = r.studyUid;
        rec.outcome = QStringLiteral("success");
        rec.detail = QStringLiteral("report %1, status %2").arg(r.id).arg(toString(r.status));
        m_audit->append(rec);
    }
    return r;
}

core::Result<Report> ReportStore::byId(qint64 id) const
{
    if (auto st = openStatus(); !st)
        return core::Error{st.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement q(m_db, "SELECT body FROM reports WHERE id = ?");
    q.bind(1, id);
    if (!q.next())
        return core::Error{QStringLiteral("no report %1").arg(id)};
    Report r = Report::fromJson(QJsonDocument::fromJson(q.text(0).toUtf8()).object());
    r.id = id;
    return r;
}

core::Result<QList<Report>> ReportStore::forStudy(const QString &studyUid) const
{
    if (auto st = openStatus(); !st)
        return core::Error{st.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement q(m_db, "SELECT id, body FROM reports WHERE study_uid = ? ORDER BY id DESC");
    q.bind(1, studyUid);
    QList<Report> out;
    while (q.next()) {
        Report r = Report::fromJson(QJsonDocument::fromJson(q.text(1).toUtf8()).object());
        r.id = q.int64(0);
        out.append(r);
    }
    if (q.lastCode() != SQLITE_DONE)
        return core::Error{QStringLiteral("report store: %1").arg(q.error())};
    return out;
}

core::Result<Report> ReportStore::latest(const QString &studyUid) const
{
    auto all = forStudy(studyUid);
    if (!all)
        return core::Error{all.error()};
    if (all.value().isEmpty())
        return core::Error{QStringLiteral("study %1 has no report").arg(studyUid)};
    return all.value().first();
}

core::Result<QList<ReportHistoryEntry>> ReportStore::history(qint64 id) const
{
    if (auto st = openStatus(); !st)
        return core::Error{st.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement q(m_db, "SELECT changed_at, changed_by, action, status FROM report_history WHERE report_id = ? ORDER BY id");
    q.bind(1, id);
    QList<ReportHistoryEntry> out;
    while (q.next()) {
        ReportHistoryEntry e;
        e.changedAt = QDateTime::fromString(q.text(0), Qt::ISODateWithMs).toUTC();
        e.changedBy = q.text(1);
        e.action = q.text(2);
        reportStatusFromString(q.text(3), &e.status);
        out.append(e);
    }
    return out;
}

} // namespace kilima::reporting
