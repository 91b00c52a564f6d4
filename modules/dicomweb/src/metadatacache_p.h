// WADO-RS /metadata without re-parsing files on every request: the DICOM
// JSON of each stored file, kept in memory (LRU, bounded in bytes) and keyed
// by path, size and modification time, so a replaced file is parsed again.
// A miss looks in a table beside the index (so a restart stays warm), then
// parses only the header part of the file (large values stay on disk), on
// several threads, and saves the result there. BulkDataURIs hold a
// placeholder for the base URL that the caller replaces per request.
// Thread safe.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <list>
#include <memory>
#include <mutex>

struct sqlite3;

namespace kilima::dicomweb {

constexpr const char *kBasePlaceholder = "@@KILIMA-BASE@@";

struct InstanceMetadata {
    QByteArray json;   // one DICOM JSON object, compact
    QString studyUid;
    QString seriesUid;
    QString sopUid;
};

class MetadataCache {
public:
    // `databasePath` empty: memory only.
    explicit MetadataCache(const QString &databasePath = {}, qint64 maxBytes = qint64(512) << 20);
    ~MetadataCache();

    // The metadata of each file, in order. Files that cannot be read are
    // an error naming the file.
    core::Result<QList<std::shared_ptr<const InstanceMetadata>>> get(const QStringList &paths);

    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

    static core::Result<InstanceMetadata> parse(const QString &path);

private:
    struct Entry {
        QString key;
        std::shared_ptr<const InstanceMetadata> value;
    };
    QString keyOf(const QString &path) const;

    QList<std::shared_ptr<const InstanceMetadata>> loadStored(const QStringList &paths, const QStringList &keys);
    void saveStored(const QStringList &keys, const QList<std::shared_ptr<const InstanceMetadata>> &items);

    std::mutex m_dbMutex;
    sqlite3 *m_db = nullptr;
    std::mutex m_mutex;
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    std::list<Entry> m_lru;   // most recent first
    QHash<QString, std::list<Entry>::iterator> m_index;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace kilima::dicomweb
