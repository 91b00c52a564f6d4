#include "metadatacache_p.h"

#include <kilima/archive/sqlite.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>

namespace kilima::dicomweb {

namespace {

// Version 1 of the dicomweb tables. `key` is path|size|mtime.
const char *const kMetadataV1 = R"SQL(
CREATE TABLE dicomweb_metadata(
    path TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    sop_uid TEXT NOT NULL,
    json BLOB NOT NULL
);
)SQL";

} // namespace

MetadataCache::MetadataCache(const QString &databasePath, qint64 maxBytes) : m_maxBytes(maxBytes)
{
    if (databasePath.isEmpty())
        return;
    QString error;
    m_db = archive::openConnection(databasePath, &error);
    if (m_db && !archive::applyComponentSchema(m_db, "dicomweb", {kMetadataV1}, &error)) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    // A cache: losing the last rows in a power cut is harmless.
    if (m_db)
        archive::execSql(m_db, "PRAGMA synchronous=NORMAL");
}

MetadataCache::~MetadataCache()
{
    sqlite3_close_v2(m_db);
}

QList<std::shared_ptr<const InstanceMetadata>> MetadataCache::loadStored(const QStringList &paths, const QStringList &keys)
{
    QList<std::shared_ptr<const InstanceMetadata>> out(paths.size());
    std::lock_guard<std::mutex> lock(m_dbMutex);
    if (!m_db)
        return out;
    archive::Statement s(m_db, "SELECT key, study_uid, series_uid, sop_uid, json FROM dicomweb_metadata WHERE path = ?");
    for (int i = 0; i < paths.size(); ++i) {
        s.reset();
        s.bind(1, paths.at(i));
        if (!s.next() || s.text(0) != keys.at(i))
            continue;
        auto m = std::make_shared<InstanceMetadata>();
        m->studyUid = s.text(1);
        m->seriesUid = s.text(2);
        m->sopUid = s.text(3);
        m->json = s.text(4).toUtf8();
        out[i] = m;
    }
    return out;
}

void MetadataCache::saveStored(const QStringList &keys, const QList<std::shared_ptr<const InstanceMetadata>> &items)
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    if (!m_db || items.isEmpty())
        return;
    archive::execSql(m_db, "BEGIN");
    archive::Statement s(m_db, "INSERT OR REPLACE INTO dicomweb_metadata(path, key, study_uid, series_uid, sop_uid, json) VALUES(?,?,?,?,?,?)");
    for (int i = 0; i < items.size(); ++i) {
        const QString &key = keys.at(i);
        s.reset();
        s.bind(1, key.left(key.indexOf(QLatin1Char('|'))));
        s.bind(2, key);
        s.bind(3, items.at(i)->studyUid);
        s.bind(4, items.at(i)->seriesUid);
        s.bind(5, items.at(i)->sopUid);
        s.bind(6, QString::fromUtf8(items.at(i)->json));
        s.exec();
    }
    archive::execSql(m_db, "COMMIT");
}

QString MetadataCache::keyOf(const QString &path) const
{
    const QFileInfo fi(path);
    return path + QLatin1Char('|') + QString::number(fi.size()) + QLatin1Char('|') +
           QString::number(fi.lastModified().toMSecsSinceEpoch());
}

core::Result<InstanceMetadata> MetadataCache::parse(const QString &path)
{
    // Values over 4 KiB (pixel data, large private blobs) are not read:
    // they become BulkDataURIs anyway. The structure is checked first
    // (objects stored before that check existed may be hostile).
    auto file = dicom::DicomFile::loadStructure(path, QFileInfo(path).fileName());
    if (!file)
        return core::Error{file.error()};
    DcmDataset &ds = file.value().dataset();
    dicom::convertToUtf8(ds);
    InstanceMetadata m;
    m.studyUid = dicom::stringValue(ds, DCM_StudyInstanceUID);
    m.seriesUid = dicom::stringValue(ds, DCM_SeriesInstanceUID);
    m.sopUid = dicom::stringValue(ds, DCM_SOPInstanceUID);
    const QString instanceUrl = QString::fromLatin1(kBasePlaceholder) + QStringLiteral("/studies/") + m.studyUid +
                                QStringLiteral("/series/") + m.seriesUid + QStringLiteral("/instances/") + m.sopUid;
    dicom::JsonOptions options;
    options.bulkDataUri = [&](const QStringList &tagPath, const QList<int> &itemPath) {
        QString uri = instanceUrl + QStringLiteral("/bulk");
        for (int i = 0; i < tagPath.size(); ++i) {
            uri += QLatin1Char('/') + tagPath.at(i);
            if (i < itemPath.size() && i + 1 < tagPath.size())
                uri += QLatin1Char('/') + QString::number(itemPath.at(i));
        }
        return uri;
    };
    m.json = QJsonDocument(dicom::toDicomJson(ds, options)).toJson(QJsonDocument::Compact);
    return m;
}

core::Result<QList<std::shared_ptr<const InstanceMetadata>>> MetadataCache::get(const QStringList &paths)
{
    QList<std::shared_ptr<const InstanceMetadata>> out(paths.size());
    QStringList keys;
    keys.reserve(paths.size());
    QList<int> missing;
    {
        for (const QString &p : paths)
            keys << keyOf(p);
        std::lock_guard<std::mutex> lock(m_mutex);
        for (int i = 0; i < paths.size(); ++i) {
            auto it = m_index.find(keys.at(i));
            if (it == m_index.end()) {
                missing << i;
                continue;
            }
            out[i] = (*it)->value;
            m_lru.splice(m_lru.begin(), m_lru, *it);
            ++m_hits;
        }
        m_misses += missing.size();
    }
    if (missing.isEmpty())
        return out;

    // Then the table beside the index, then the files.
    QStringList missingPaths, missingKeys;
    for (int i : missing) {
        missingPaths << paths.at(i);
        missingKeys << keys.at(i);
    }
    const QList<std::shared_ptr<const InstanceMetadata>> stored = loadStored(missingPaths, missingKeys);
    QList<int> toParse;
    for (int k = 0; k < missing.size(); ++k) {
        if (!stored.at(k))
            toParse << missing.at(k);
    }
    // Parse on the global pool (header-only reads).
    QList<core::Result<InstanceMetadata>> parsed =
        QtConcurrent::blockingMapped(toParse, [&paths](int i) { return parse(paths.at(i)); });
    QStringList newKeys;
    QList<std::shared_ptr<const InstanceMetadata>> newItems;
    for (int k = 0; k < parsed.size(); ++k) {
        if (!parsed.at(k))
            return core::Error{parsed.at(k).error()};
        newKeys << keys.at(toParse.at(k));
        newItems << std::make_shared<const InstanceMetadata>(parsed[k].take());
    }
    saveStored(newKeys, newItems);
    std::lock_guard<std::mutex> lock(m_mutex);
    int next = 0;
    for (int k = 0; k < missing.size(); ++k) {
        const int i = missing.at(k);
        std::shared_ptr<const InstanceMetadata> value = stored.at(k) ? stored.at(k) : newItems.at(next++);
        out[i] = value;
        if (m_index.contains(keys.at(i)))
            continue;
        m_lru.push_front(Entry{keys.at(i), value});
        m_index.insert(keys.at(i), m_lru.begin());
        m_bytes += value->json.size() + 256;
        while (m_bytes > m_maxBytes && m_lru.size() > 1) {
            const Entry &last = m_lru.back();
            m_bytes -= last.value->json.size() + 256;
            m_index.remove(last.key);
            m_lru.pop_back();
        }
    }
    return out;
}

} // namespace kilima::dicomweb
