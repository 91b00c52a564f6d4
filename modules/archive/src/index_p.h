// The SQLite index (WAL): schema with a version and forward migrations,
// instance insert/delete that keep every count right, queries. One
// connection guarded by a mutex; SQLite itself lets other processes read.
#pragma once

#include "record_p.h"
#include "sqlite_p.h"

#include <kilima/archive/archive.h>
#include <kilima/core/config.h>

#include <QHash>
#include <mutex>
#include <optional>

struct sqlite3;

namespace kilima::archive {

class Index {
public:
    static constexpr int kSchemaVersion = 2;

    ~Index();
    static core::Result<std::unique_ptr<Index>> open(const QString &path);

    struct Existing {
        QString sha256;
        QString relativePath;
    };
    std::optional<Existing> findInstance(const QString &sopUid) const;

    struct InsertOutcome {
        IngestStatus status = IngestStatus::Stored;
        QString reason;
        QString obsoletePath;   // file to remove after the commit (overwrite)
    };
    // Inserts every record in one transaction. On an SQL error nothing is
    // committed and the error is returned. `durableMark`, when positive, is
    // recorded as the highest instance row known to be flushed to disk.
    core::Result<QList<InsertOutcome>> insert(const QList<InstanceRecord> &records, core::DuplicatePolicy policy,
                                              qint64 durableMark = 0);
    qint64 maxInstanceId() const;
    qint64 durableMark() const;
    void setDurableMark(qint64 id);
    // Drops the row of one instance (counts kept right); the file is the
    // caller's business.
    core::Status removeInstanceRow(const QString &sopUid);

    core::Result<QList<dicom::AttributeMap>> query(const Query &query) const;
    core::Result<qint64> count(const Query &query) const;
    core::Result<QStringList> instancePaths(Level level, const QString &uid) const;
    // Removes rows; returns the relative paths of files to delete.
    core::Result<QStringList> remove(Level level, const QString &uid);
    core::Result<Stats> stats() const;

    struct FileRow {
        QString sopUid, relativePath, sha256;
        qint64 size = 0;
        qint64 id = 0;
    };
    QList<FileRow> allFiles() const;
    bool referencesPath(const QString &relativePath) const;

private:
    explicit Index(sqlite3 *db);
    core::Status migrate();
    core::Status insertOne(const InstanceRecord &r, core::DuplicatePolicy policy, InsertOutcome *out);
    core::Status deleteInstance(qint64 instanceId, QString *path);

    sqlite3 *m_db;
    std::unique_ptr<StatementCache> m_cache;   // the ingest path's statements
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
