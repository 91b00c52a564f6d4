// Minimal RAII over the sqlite3 C API: a prepared statement with typed
// binding and column access. Private to the archive.
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
// (nodes, audit, worklist). The schema is already migrated by Index::open.
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

} // namespace kilima::archive
