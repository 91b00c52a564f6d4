// Minimal RAII over the sqlite3 C API: a prepared statement with typed
// binding and column access, a second connection to the index database,
// and per-component schemas. Used by the archive and by the modules that
// keep tables of their own beside the index (users and tokens, the routing
// queue, cloud copies, reports, reading status). Never hold a Statement
// across threads: one connection per owner, guarded by the owner's mutex.
#pragma once

#include <sqlite3.h>

#include <QByteArray>
#include <QString>
#include <QList>
#include <QPair>
#include <QVariant>

namespace kilima::archive {

// Prepared statements of one connection kept for reuse, keyed by the SQL
// text's address (string literals): the ingest path runs the same dozen
// statements per instance. Used under the owner's lock only.
class StatementCache {
public:
    explicit StatementCache(sqlite3 *db) : m_db(db) {}
    ~StatementCache() { clear(); }
    sqlite3 *db() const { return m_db; }
    sqlite3_stmt *get(const char *sql)
    {
        for (const auto &e : m_entries) {
            if (e.first == sql)
                return e.second;
        }
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return nullptr;
        }
        m_entries.append({sql, stmt});
        return stmt;
    }
    void clear()
    {
        for (const auto &e : m_entries)
            sqlite3_finalize(e.second);
        m_entries.clear();
    }

private:
    sqlite3 *m_db;
    QList<QPair<const char *, sqlite3_stmt *>> m_entries;
};

class Statement {
public:
    Statement(sqlite3 *db, const char *sql) : m_db(db)
    {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    Statement(sqlite3 *db, const QByteArray &sql) : Statement(db, sql.constData()) {}
    // A cached statement: reset for reuse instead of finalized.
    Statement(StatementCache &cache, const char *sql) : m_db(cache.db()), m_stmt(cache.get(sql)), m_borrowed(true)
    {
        if (!m_stmt)
            m_rc = sqlite3_errcode(m_db);
    }
    ~Statement()
    {
        if (m_borrowed) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        } else {
            sqlite3_finalize(m_stmt);
        }
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_rc == SQLITE_OK && m_stmt; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    void bind(int i, const QString &v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), u.size(), SQLITE_TRANSIENT);
    }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, int v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    void bindVariant(int i, const QVariant &v)
    {
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            bind(i, v.toLongLong());
        else if (v.isNull())
            bindNull(i);
        else
            bind(i, v.toString());
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_rc = sqlite3_step(m_stmt); }
    bool next() { return step() == SQLITE_ROW; }
    bool exec() { return step() == SQLITE_DONE; }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    qint64 int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const
    {
        const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return t ? QString::fromUtf8(t, sqlite3_column_bytes(m_stmt, col)) : QString();
    }
    int columnCount() const { return sqlite3_column_count(m_stmt); }
    int lastCode() const { return m_rc; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_borrowed = false;
    int m_rc = SQLITE_OK;
};

inline bool execSql(sqlite3 *db, const char *sql, QString *error = nullptr)
{
    char *msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(msg ? msg : "unknown SQLite error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

} // namespace kilima::archive

namespace kilima::archive {

// A second connection to the index database for a table family of its own
// (nodes, audit, worklist). The index schema is already migrated by
// Index::open; a component's own tables come from applyComponentSchema().
inline sqlite3 *openConnection(const QString &path, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 30000);
    execSql(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    return db;
}

// Creates or upgrades the tables of one component (users, routing,
// cloud, reporting, ...) that lives beside the index in the same database.
// `steps[i]` is the SQL that takes the component from version i to i + 1;
// later versions append a step and never edit an earlier one. The version
// is kept in meta under 'schema.<component>'. Runs in one IMMEDIATE
// transaction, so two processes opening the archive at once are safe.
inline bool applyComponentSchema(sqlite3 *db, const char *component, const QList<const char *> &steps,
                                 QString *error = nullptr)
{
    if (!execSql(db, "BEGIN IMMEDIATE", error))
        return false;
    const QString key = QStringLiteral("schema.") + QString::fromUtf8(component);
    int version = 0;
    {
        Statement s(db, "SELECT value FROM meta WHERE key = ?");
        s.bind(1, key);
        if (s.next())
            version = s.text(0).toInt();
    }
    if (version > steps.size()) {
        execSql(db, "ROLLBACK");
        if (error)
            *error = QStringLiteral("the %1 tables have schema version %2, newer than this program (%3): upgrade Kilima")
                         .arg(QString::fromUtf8(component)).arg(version).arg(steps.size());
        return false;
    }
    for (int i = version; i < steps.size(); ++i) {
        QString why;
        if (!execSql(db, steps.at(i), &why)) {
            execSql(db, "ROLLBACK");
            if (error)
                *error = QStringLiteral("migrating the %1 tables to version %2 failed: %3")
                             .arg(QString::fromUtf8(component)).arg(i + 1).arg(why);
            return false;
        }
    }
    if (version < steps.size()) {
        Statement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
        s.bind(1, key);
        s.bind(2, QString::number(steps.size()));
        if (!s.exec()) {
            if (error)
                *error = s.error();
            execSql(db, "ROLLBACK");
            return false;
        }
    }
    return execSql(db, "COMMIT", error);
}

} // namespace kilima::archive
